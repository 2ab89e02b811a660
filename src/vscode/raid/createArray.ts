import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors';
import { OperationError } from '../../core/ops/operationError';
import { planCreateArray, type CreateArraySpec } from '../../core/ops/raid/planCreateArray';
import { isDevicePath } from '../../core/ops/raid/restoreFromBackup';
import type { Argv } from '../../core/ops/runbook/runbook';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import type { ExplorerNode } from '../tree/explorerNode';
import type { RaidServices } from './raidServices';
import { resolveRaidHost } from './resolveRaidHost';

/**
 * "Create Array...": the guide's `mdadm --create`, checked against /proc/mdstat, run only after a modal that
 * names every drive it overwrites. `spec` lets a test name what the pickers would ask.
 */
export async function createArray(services: RaidServices, clicked?: ExplorerNode, spec?: CreateArraySpec): Promise<Argv | undefined> {
  const target = await resolveRaidHost(services, clicked);
  if (!target) return undefined;
  const raid = await services.raid.read(target.poolId);
  const chosen = spec ?? (await askSpec(raid.arrays.map((a) => a.name)));
  if (!chosen) return undefined;
  const plan = planCreateArray(chosen, raid.arrays);
  if (plan.kind === 'refuse') throw new OperationError(`Create ${chosen.device}: ${plan.reason}`, false);
  services.log.info(`Create array on ${target.host.name}: $ ${quoteArgv(plan.argv)}`);
  if (!(await services.confirm.confirm({ ...plan.question, detail: `${plan.question.detail ?? ''}\n\nCommand:\n${quoteArgv(plan.argv)}` }))) throw new CancelledError();
  await services.locks.run(`host:${target.host.uuid}`, 'create an md array', async () => {
    const result = await target.exec.exec(plan.argv);
    services.output.appendLine(`$ ${quoteArgv(plan.argv)}`);
    services.output.append(result.stdout + result.stderr);
    if (result.code !== 0) throw new OperationError(`mdadm --create exited with ${String(result.code)}: ${result.stderr.trim()}`, true);
  });
  await services.raid.read(target.poolId);
  void vscode.window
    .showInformationMessage(`${chosen.device} is created on ${target.host.name}. Generate mdadm.conf and dracut_mdraid.conf next, or it may not assemble at boot.`, 'Generate mdadm.conf')
    .then((c) => c && vscode.commands.executeCommand('xcpng.raid.generateMdadmConf', services.explorer.raidNode(target.poolId)));
  return plan.argv;
}

async function askSpec(existing: readonly string[]): Promise<CreateArraySpec | undefined> {
  let n = 0;
  while (existing.includes(`md${n}`)) n++;
  const device = await vscode.window.showInputBox({ title: 'New md device', value: `/dev/md${n}`, validateInput: (v) => (/^\/dev\/md\d+$/.test(v) ? undefined : 'Like /dev/md0') });
  if (!device) return undefined;
  const level = await vscode.window.showQuickPick(
    [
      { label: 'RAID 5', level: 5, detail: 'Parity: one drive may fail; 3 or more drives (the guide\'s choice)' },
      { label: 'RAID 1', level: 1, detail: 'Mirror: 2 or more drives' },
      { label: 'RAID 6', level: 6, detail: 'Double parity: two drives may fail; 4 or more' },
      { label: 'RAID 10', level: 10, detail: 'Striped mirrors: 2 or more' },
      { label: 'RAID 0', level: 0, detail: 'Striping, no redundancy' },
    ],
    { title: `RAID level of ${device}` },
  );
  if (!level) return undefined;
  const members = await vscode.window.showInputBox({
    title: `Drives for ${device} (everything on them is lost)`,
    prompt: 'Whole drives or partitions, separated by spaces: /dev/sdc /dev/sdd /dev/sde',
    validateInput: (v) => (v.trim().split(/\s+/).every(isDevicePath) ? undefined : 'Device paths separated by spaces'),
  });
  if (!members) return undefined;
  return { device, level: level.level, members: members.trim().split(/\s+/) };
}
