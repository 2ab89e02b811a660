import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors';
import type { MdstatArray } from '../../core/lint/raid/parseMdstat';
import { describeXeFailure } from '../../core/ops/describeXeFailure';
import { OperationError } from '../../core/ops/operationError';
import { mdArrayHealth } from '../../core/ops/raid/mdArrayHealth';
import { planSrCreate, srNameProblem } from '../../core/ops/raid/planSrCreate';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import { runXe } from '../../core/xe/runXe';
import type { ExplorerNode } from '../tree/explorerNode';
import type { RaidServices } from './raidServices';
import { resolveRaidHost } from './resolveRaidHost';

/**
 * "Create Storage Repository on Array...": the guide's `xe sr-create` (local ext SR) on a healthy md array of
 * the master, run over the pool connection only after a modal naming the md device and its drives, then
 * verified by re-reading the pool, then revealed under the pool's Storage group. `nameLabel` lets a test answer the name prompt. Returns the new SR's uuid.
 */
export async function createSr(services: RaidServices, clicked?: ExplorerNode, nameLabel?: string): Promise<string | undefined> {
  const target = await resolveRaidHost(services, clicked);
  if (!target) return undefined;
  const raid = await services.raid.read(target.poolId);
  const arrayName = clicked?.kind === 'mdArray' ? clicked.name : await pickArray(raid.arrays);
  if (!arrayName) return undefined;
  const name = nameLabel ?? (await vscode.window.showInputBox({ title: `Name of the new SR on /dev/${arrayName}`, value: 'RAID storage', validateInput: (v) => srNameProblem(v) }));
  if (name === undefined) return undefined;
  const plan = planSrCreate(target.host.uuid, arrayName, name, raid.arrays);
  if (plan.kind === 'refuse') throw new OperationError(`Create SR on /dev/${arrayName}: ${plan.reason}`, false);
  const { command, device } = plan;
  services.log.info(`Create SR on ${target.host.name}: $ ${quoteArgv(command.argv)}`);
  if (!(await services.confirm.confirm(plan.question))) throw new CancelledError();
  const uuid = await services.locks.run(`host:${target.host.uuid}`, 'create a storage repository', async () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Creating SR "${name}" on ${device} of ${target.host.name}` }, async (progress) => {
      services.output.appendLine(`$ ${quoteArgv(command.argv)}`);
      let created: string;
      try {
        created = await runXe(target.exec, command);
      } catch (error) {
        services.output.appendLine(error instanceof Error ? error.message : String(error));
        throw new OperationError(`Create SR on ${device}: ${describeXeFailure(error, 'create the SR')}`, true, { cause: error });
      }
      services.output.appendLine(created);
      progress.report({ message: 'reading the pool again' });
      await target.monitor.refreshAfterChange();
      return created;
    }),
  );
  const sr = target.monitor.snapshot?.srs.find((s) => s.uuid === uuid);
  if (!sr) {
    throw new OperationError(`xe created SR ${uuid} on ${device}, but it is not in the pool as read again (${target.monitor.status.kind}). Refresh the pool to check.`, true);
  }
  void vscode.window.showInformationMessage(`SR "${sr.name}" (${uuid}) is created on ${device} of ${target.host.name}, type ${sr.type}.`);
  await revealSr(services, target.poolId, uuid);
  return uuid;
}

/** Shows the new SR under the pool's Storage group; the SR exists either way, so a failed reveal is only logged. */
async function revealSr(services: RaidServices, poolId: string, uuid: string): Promise<void> {
  if (!services.treeView.visible) return;
  try {
    await services.treeView.reveal(services.explorer.nodeFor(poolId, 'sr', uuid), { select: true, focus: false });
  } catch (error) {
    services.log.warn(`Could not reveal the new SR ${uuid} in the tree: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** From the RAID node or the palette: the master's healthy arrays; a degraded or inactive one is not offered. */
async function pickArray(arrays: readonly MdstatArray[]): Promise<string | undefined> {
  const healthy = arrays.filter((a) => mdArrayHealth(a).kind === 'ok');
  if (healthy.length === 0) throw new OperationError('The master has no healthy md array to put an SR on.', false);
  const picked = await vscode.window.showQuickPick(
    healthy.map((a) => ({ label: `/dev/${a.name}`, description: `${a.level ?? ''} · ${a.members.join(' ')}`, name: a.name })),
    { title: 'Array for the new SR (everything on it is lost)' },
  );
  return picked?.name;
}
