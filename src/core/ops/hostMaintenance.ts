import { CancelledError } from '../errors';
import type { Host } from '../lab/labModel';
import type { PoolMonitor } from '../lab/poolMonitor';
import type { RemoteExec } from '../ssh/remoteExec';
import { hostDisable, hostEnable } from '../xe/hostCommands';
import { paramSet } from '../xe/paramCommands';
import { runXe } from '../xe/runXe';
import { vmMigrate } from '../xe/vmCommands';
import type { Confirm } from './confirm';
import { describeXeFailure } from './describeXeFailure';
import type { OperationLocks } from './operationLocks';
import { planEvacuation, residentGuests } from './planEvacuation';
import { OperationError } from './operationError';

export interface HostOpContext {
  readonly exec: RemoteExec;
  readonly monitor: PoolMonitor;
  readonly locks: OperationLocks;
  readonly confirm: Confirm;
  readonly signal?: AbortSignal;
  readonly progress?: (message: string, increment?: number) => void;
}

/** Where the VMs of a host in maintenance were, so they can go back (the guide's last step). */
export interface EvacuationRecord {
  readonly poolId: string;
  readonly hostUuid: string;
  readonly hostName: string;
  readonly vms: readonly { readonly uuid: string; readonly name: string }[];
  readonly at: string;
}

export interface MaintenanceResult {
  readonly record: EvacuationRecord;
  /** True when the user cancelled between two moves: the host stays disabled with the rest still on it. */
  readonly cancelled: boolean;
  readonly remaining: readonly string[];
}

function hostOf(monitor: PoolMonitor, hostUuid: string): Host {
  const host = monitor.snapshot?.hosts.find((h) => h.uuid === hostUuid);
  if (!host) throw new OperationError('the host is no longer in the pool', false);
  return host;
}

/**
 * The guide's maintenance mode: disable the host (no new VMs land there), then move its VMs away one by
 * one (progress per VM, cancellable between moves). If a move fails the host is enabled again and the
 * error names the VM and why. The original placement is returned for {@link exitMaintenance}.
 */
export async function enterMaintenance(ctx: HostOpContext, hostUuid: string): Promise<MaintenanceResult> {
  return ctx.locks.run(`host:${hostUuid}`, 'enter maintenance mode', () => evacuateHost(ctx, hostUuid, 'Enter Maintenance Mode'));
}

/** enterMaintenance without the lock, for flows that hold it already (safe reboot). */
export async function evacuateHost(ctx: HostOpContext, hostUuid: string, action: string, extraDetail = ''): Promise<MaintenanceResult> {
  const snapshot = ctx.monitor.snapshot;
  if (!snapshot) throw new OperationError('the pool is not loaded', false);
  const host = hostOf(ctx.monitor, hostUuid);
  const plan = planEvacuation(snapshot, hostUuid);
  if (plan.stuck.length > 0) {
    const list = plan.stuck.map((s) => `"${s.vm.name}" (${s.reason})`).join(', ');
    throw new OperationError(`cannot enter maintenance mode on ${host.name}: ${list} cannot move; shut ${plan.stuck.length > 1 ? 'them' : 'it'} down or free memory first`, false);
  }
  const yes = await ctx.confirm({
    message: `Put ${host.name} in maintenance mode?`,
    detail:
      `The host is disabled so no VM starts there, then ${plan.moves.length} running VM(s) are migrated live:\n` +
      plan.moves.map((m) => `• ${m.vm.name} → ${m.to.name}`).join('\n') +
      (snapshot.pool.haEnabled ? '\n\nHA is enabled on this pool: protected VMs may be restarted elsewhere if the host goes down.' : '') +
      extraDetail,
    action,
  });
  if (!yes) throw new CancelledError();
  const record: EvacuationRecord = {
    poolId: ctx.monitor.target.id,
    hostUuid,
    hostName: host.name,
    vms: plan.moves.map((m) => ({ uuid: m.vm.uuid, name: m.vm.name })),
    at: new Date().toISOString(),
  };
  ctx.progress?.(`disabling ${host.name}`);
  await runXe(ctx.exec, hostDisable(hostUuid), { signal: ctx.signal }).catch((error: unknown) => {
    throw new OperationError(describeXeFailure(error, `disable ${host.name}`), true, { cause: error });
  });
  const done: string[] = [];
  for (const [index, move] of plan.moves.entries()) {
    if (ctx.signal?.aborted) {
      await ctx.monitor.refreshAfterChange();
      return { record, cancelled: true, remaining: plan.moves.slice(index).map((m) => m.vm.name) };
    }
    ctx.progress?.(`moving ${move.vm.name} to ${move.to.name} (${index + 1}/${plan.moves.length})`, 100 / plan.moves.length);
    try {
      // Not passed the signal: a live migration is not stopped halfway; cancellation waits for it.
      await runXe(ctx.exec, vmMigrate(move.vm.uuid, move.to.uuid, { live: true }));
      done.push(move.vm.name);
    } catch (error) {
      await runXe(ctx.exec, hostEnable(hostUuid)).catch(() => undefined);
      await ctx.monitor.refreshAfterChange().catch(() => undefined);
      const moved = done.length ? ` (${done.join(', ')} already moved)` : '';
      throw new OperationError(
        `${describeXeFailure(error, `move "${move.vm.name}" off ${host.name}`)}; ${host.name} was enabled again${moved}`,
        true,
        { cause: error },
      );
    }
  }
  await runXe(ctx.exec, paramSet('host', hostUuid, [{ field: 'other-config', key: 'MAINTENANCE_MODE', value: 'true' }]));
  await ctx.monitor.refreshAfterChange();
  const after = hostOf(ctx.monitor, hostUuid);
  const left = ctx.monitor.snapshot ? residentGuests(ctx.monitor.snapshot, hostUuid) : [];
  if (after.enabled || left.length > 0) {
    throw new OperationError(`maintenance mode: ${host.name} is ${after.enabled ? 'still enabled' : 'disabled'} with ${left.length} VM(s) still on it`, true);
  }
  return { record, cancelled: false, remaining: [] };
}

/** Enables the host again; xe host-enable also clears the MAINTENANCE_MODE flag. */
export async function exitMaintenance(ctx: HostOpContext, hostUuid: string): Promise<void> {
  await ctx.locks.run(`host:${hostUuid}`, 'exit maintenance mode', async () => {
    const host = hostOf(ctx.monitor, hostUuid);
    await runXe(ctx.exec, hostEnable(hostUuid), { signal: ctx.signal }).catch((error: unknown) => {
      throw new OperationError(describeXeFailure(error, `enable ${host.name}`), true, { cause: error });
    });
    await ctx.monitor.refreshAfterChange();
    if (!hostOf(ctx.monitor, hostUuid).enabled) throw new OperationError(`${host.name} did not become enabled`, true);
  });
}

/**
 * Moves the VMs recorded when the host entered maintenance back to it, skipping any that were shut down or
 * removed since. Returns the names moved.
 */
export async function moveVmsBack(ctx: HostOpContext, record: EvacuationRecord): Promise<string[]> {
  const moved: string[] = [];
  const failures: string[] = [];
  for (const entry of record.vms) {
    if (ctx.signal?.aborted) break;
    const vm = ctx.monitor.snapshot?.vms.find((v) => v.uuid === entry.uuid);
    if (!vm || vm.powerState !== 'running' || vm.residentOn === record.hostUuid) continue;
    ctx.progress?.(`moving ${vm.name} back to ${record.hostName}`, 100 / record.vms.length);
    try {
      await ctx.locks.run(`vm:${vm.uuid}`, 'migrate', () => runXe(ctx.exec, vmMigrate(vm.uuid, record.hostUuid, { live: true })));
      moved.push(vm.name);
    } catch (error) {
      failures.push(describeXeFailure(error, `move "${vm.name}" back`));
    }
  }
  await ctx.monitor.refreshAfterChange();
  if (failures.length) throw new OperationError(`${failures.join('; ')}${moved.length ? ` (moved back: ${moved.join(', ')})` : ''}`, true);
  return moved;
}
