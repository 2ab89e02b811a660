import * as vscode from 'vscode';
import { paramList } from '../core/xe/paramCommands';
import { runXe } from '../core/xe/runXe';
import { xeCommand } from '../core/xe/xeCommand';
import type { Lab } from './lab/lab';
import { verdictLines, type SecureBootVerdicts } from './secureBoot/secureBootVerdicts';

export const DETAILS_SCHEME = 'xcpng-details';

/**
 * Read-only documents of `xe vm-param-list` as the host prints it: every field, for the cases the tree's
 * tooltip does not cover, followed by the Secure Boot verdict of a UEFI VM (which reads its NVRAM). The URI
 * carries the pool and uuid; the name is only for the tab title.
 */
export class VmDetailsProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly lab: Lab,
    private readonly secureBoot?: SecureBootVerdicts,
  ) {}

  static uri(poolId: string, vmUuid: string, name: string): vscode.Uri {
    const safe = name.replace(/[/\\?#%]/g, '_') || vmUuid;
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${safe}.xe.txt`, query: new URLSearchParams({ pool: poolId, uuid: vmUuid }).toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const monitor = this.lab.monitor(query.get('pool') ?? '');
    if (!monitor) return 'This pool is no longer configured.';
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    // The raw text, not the parsed record: the user sees exactly what xe printed.
    const uuid = query.get('uuid') ?? '';
    const raw = xeCommand(paramList('vm', uuid).argv.slice(1), (stdout) => stdout);
    const text = await runXe(this.lab.connection(monitor.target), raw, { signal: controller.signal });
    const vm = monitor.snapshot?.vms.find((v) => v.uuid === uuid);
    if (!this.secureBoot || !vm || vm.hvmBootParams.get('firmware') !== 'uefi') return text;
    const verdict = await this.secureBoot.read(monitor.target.id, vm, controller.signal);
    return `${text}\n# XCP-ng Lab: Secure Boot (varstore-ls ${vm.uuid})\n${verdictLines(verdict).map((l) => `# ${l}`).join('\n')}\n`;
  }
}
