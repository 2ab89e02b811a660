import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { assessNestedKvm, type NestedKvmReport } from '../../core/ops/guides/assessNestedKvm';

/** Reads this machine's CPU flags and KVM module parameters and reports what the nested guide needs. */
export async function checkNestedKvm(log: vscode.LogOutputChannel): Promise<NestedKvmReport> {
  const read = (path: string): Promise<string | undefined> => fs.readFile(path, 'utf8').catch(() => undefined);
  const nested: Record<string, string> = {};
  for (const module of ['kvm_intel', 'kvm_amd']) {
    const value = await read(`/sys/module/${module}/parameters/nested`);
    if (value !== undefined) nested[module] = value;
  }
  const report = assessNestedKvm(await read('/proc/cpuinfo'), nested);
  for (const line of report.lines) log.info(`nested KVM check: ${line}`);
  void vscode.window.showInformationMessage(`${report.ok ? 'Ready for a nested XCP-ng VM.' : 'Not ready for a nested XCP-ng VM.'} ${report.lines.join(' ')}`);
  return report;
}
