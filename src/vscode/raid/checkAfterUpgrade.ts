import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors';
import type { MdstatArray } from '../../core/lint/raid/parseMdstat';
import { checkRaidFiles, type RaidCheckReport } from '../../core/ops/raid/checkRaidFiles';
import { DRACUT_MDRAID_CONF, examineScanArgv, MDADM_CONF } from '../../core/ops/raid/raidCommands';
import { readHostFile } from '../../core/ops/raid/readHostFile';
import { backupPartition, isDevicePath, restoreCommands } from '../../core/ops/raid/restoreFromBackup';
import { runChecked } from '../../core/ops/runbook/runRunbook';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import type { ExplorerNode } from '../tree/explorerNode';
import type { RaidServices } from './raidServices';
import { rebuildInitrd } from './rebuildInitrd';
import { resolveRaidHost } from './resolveRaidHost';

/** What a test or script names instead of the pickers of the restore offer. */
export interface RestoreChoice {
  readonly partition: string;
  readonly paths: readonly string[];
}

export interface UpgradeCheck {
  readonly report: RaidCheckReport;
  /** The restore commands, when the restore was offered and accepted (they ran) or declined (they did not). */
  readonly restore?: { readonly commands: readonly (readonly string[])[]; readonly ran: boolean };
}

/**
 * The guide's "after the upgrade": both files there and consistent with `mdadm --examine --scan` and with
 * each other. Problems go to the output; then the restore from the backup partition is offered, every command
 * shown in the modal before anything runs, and the initrd rebuild after it.
 */
export async function checkAfterUpgrade(services: RaidServices, clicked?: ExplorerNode, choice?: RestoreChoice): Promise<UpgradeCheck | undefined> {
  const target = await resolveRaidHost(services, clicked);
  if (!target) return undefined;
  const { exec, host } = target;
  // One after the other: four reads are quick, and a failure then names the one that failed.
  const mdadmConf = await readHostFile(exec, MDADM_CONF);
  const dracutConf = await readHostFile(exec, DRACUT_MDRAID_CONF);
  const examineScan = await runChecked({ exec }, examineScanArgv(), 'mdadm --examine --scan');
  const raid = await services.raid.read(target.poolId);
  const report = checkRaidFiles({ mdadmConf, dracutConf, examineScan, mdstat: raid.text });
  const { output } = services;
  output.appendLine(`RAID check on ${host.name}: ${report.problems.length === 0 ? 'both files present and consistent' : `${report.problems.length} problem(s)`}`);
  for (const p of report.problems) output.appendLine(`  ${p.path}${p.line !== undefined ? `:${p.line}` : ''}: [${p.code}] ${p.message}`);
  if (report.problems.length === 0) {
    void vscode.window.showInformationMessage(`${host.name}: mdadm.conf and dracut_mdraid.conf are present and agree with mdadm --examine --scan and with each other.`);
    return { report };
  }
  output.show(true);
  const restoreAction = 'Restore from Backup Partition...';
  const picked =
    choice ??
    ((await vscode.window.showWarningMessage(
      `${host.name}: ${report.problems.length} RAID configuration problem(s)${report.missing.length ? `; missing: ${report.missing.join(', ')}` : ''}. See the output for each.`,
      restoreAction,
    )) === restoreAction
      ? await pickRestore(report, raid.arrays)
      : undefined);
  if (!picked) return { report };
  const commands = restoreCommands(picked.partition, picked.paths);
  const shown = commands.map(quoteArgv).join('\n');
  services.log.info(`Restore on ${host.name}:\n${shown}`);
  const yes = await services.confirm.confirm({
    message: `Restore ${picked.paths.join(' and ')} on ${host.name} from ${picked.partition}?`,
    detail: `The copies replace the files in /etc. Then rebuild the initrd so it carries them.\n\nCommands:\n${shown}`,
    action: 'Restore',
  });
  if (!yes) return { report, restore: { commands, ran: false } };
  for (const argv of commands) {
    output.appendLine(`$ ${quoteArgv(argv)}`);
    output.append(await runChecked({ exec }, argv, 'Restore from the backup partition'));
  }
  void rebuildInitrd(services, target.hostNode).catch((error: unknown) => {
    if (!(error instanceof CancelledError)) services.log.error('rebuild initrd after restore failed:', error);
  });
  return { report, restore: { commands, ran: true } };
}

async function pickRestore(report: RaidCheckReport, arrays: readonly MdstatArray[]): Promise<RestoreChoice | undefined> {
  const files = await vscode.window.showQuickPick(
    [MDADM_CONF, DRACUT_MDRAID_CONF].map((path) => ({ label: path, picked: report.missing.includes(path) || report.problems.some((p) => p.path === path) })),
    { title: 'Restore which files from the previous system?', canPickMany: true },
  );
  if (!files?.length) return undefined;
  const partition = await vscode.window.showInputBox({
    title: 'The backup partition of the previous system',
    prompt: 'An upgrade from CD saves the old system to the second partition of the system disk (md127p2 on a software RAID install).',
    value: backupPartition(arrays),
    validateInput: (v) => (isDevicePath(v) ? undefined : 'A device path, like /dev/md127p2'),
  });
  return partition ? { partition, paths: files.map((f) => f.label) } : undefined;
}
