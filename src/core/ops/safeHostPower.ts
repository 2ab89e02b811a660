import { CancelledError } from '../errors';
import { capitalize } from './capitalize';
import { hostReboot, hostShutdown } from '../xe/hostCommands';
import { runXe } from '../xe/runXe';
import { describeXeFailure } from './describeXeFailure';
import { evacuateHost, type HostOpContext, type MaintenanceResult } from './hostMaintenance';
import { OperationError } from './operationError';
import { residentGuests } from './planEvacuation';

export type HostPowerKind = 'reboot' | 'shutdown';

/**
 * The guide's safe reboot / shutdown of a host: xe refuses an enabled host (HOST_NOT_DISABLED), so instead of
 * failing, offer to disable and evacuate it first; warn about HA; make a pool master ask explicitly, since
 * the other hosts lose their coordinator while it is down. Returns the evacuation, if one was done, so the
 * VMs can be moved back once the host is up.
 */
export async function safeHostPower(ctx: HostOpContext, hostUuid: string, kind: HostPowerKind): Promise<MaintenanceResult | undefined> {
  const verb = kind === 'reboot' ? 'reboot' : 'shut down';
  return ctx.locks.run(`host:${hostUuid}`, verb, async () => {
    const snapshot = ctx.monitor.snapshot;
    const host = snapshot?.hosts.find((h) => h.uuid === hostUuid);
    if (!snapshot || !host) throw new OperationError(`cannot ${verb}: the host is no longer in the pool`, false);
    const others = snapshot.hosts.filter((h) => h.uuid !== hostUuid);
    if (host.isMaster && others.length > 0) {
      const yes = await ctx.confirm({
        message: `${host.name} is the pool master. ${capitalize(verb)} it anyway?`,
        detail:
          `${others.length} other host(s) depend on it: while it is down the pool cannot be managed (no VM can start, ` +
          'stop or move, and XO, XCP-ng Center and this extension lose the pool). The guide reboots members first and the master last.',
        action: `${capitalize(verb)} the Master`,
      });
      if (!yes) throw new CancelledError();
    }
    const haNote = snapshot.pool.haEnabled
      ? '\n\nHA is enabled: if the host does not come back in time, the other hosts may treat it as failed and restart its protected VMs elsewhere.'
      : '';
    let evacuation: MaintenanceResult | undefined;
    if (host.enabled || residentGuests(snapshot, hostUuid).length > 0) {
      evacuation = await evacuateHost(
        ctx,
        hostUuid,
        `Evacuate and ${capitalize(verb)}`,
        `\n\nThen the host will ${verb}.${kind === 'reboot' ? ' It enables itself again when it boots.' : ''}${haNote}`,
      );
      if (evacuation.cancelled) return evacuation;
    } else {
      const yes = await ctx.confirm({
        message: `${capitalize(verb)} ${host.name}?`,
        detail: `The host is disabled and runs no VM.${kind === 'reboot' ? ' It enables itself again when it boots.' : ''}${haNote}`,
        action: capitalize(verb),
      });
      if (!yes) throw new CancelledError();
    }
    ctx.progress?.(`${kind === 'reboot' ? 'rebooting' : 'shutting down'} ${host.name}`);
    try {
      await runXe(ctx.exec, kind === 'reboot' ? hostReboot(hostUuid) : hostShutdown(hostUuid), { signal: ctx.signal });
    } catch (error) {
      throw new OperationError(describeXeFailure(error, `${verb} ${host.name}`), true, { cause: error });
    }
    await ctx.monitor.refreshAfterChange().catch(() => undefined);
    return evacuation;
  });
}
