import { CancelledError } from '../errors';
import { capitalize } from './capitalize';
import type { PoolMonitor } from '../lab/poolMonitor';
import type { Vm } from '../lab/labModel';
import type { RemoteExec } from '../ssh/remoteExec';
import { runXe } from '../xe/runXe';
import type { Confirm } from './confirm';
import { describeXeFailure } from './describeXeFailure';
import { OperationError } from './operationError';
import type { OperationLocks } from './operationLocks';
import { preflightVmAction } from './preflightVmAction';
import type { VmAction } from './vmActions';

export interface VmActionRequest {
  readonly exec: RemoteExec;
  readonly monitor: PoolMonitor;
  readonly locks: OperationLocks;
  readonly confirm: Confirm;
  readonly action: VmAction;
  readonly vmUuid: string;
  readonly hostUuid?: string;
  readonly signal?: AbortSignal;
}

/**
 * preflight (from the snapshot the user saw) -> confirm (destructive only) -> xe by uuid -> verify by reading
 * the pool again. Returns the VM as read after the action.
 */
export async function runVmAction(request: VmActionRequest): Promise<Vm> {
  const { action, monitor, vmUuid } = request;
  return request.locks.run(`vm:${vmUuid}`, action.verb, async () => {
    const snapshot = monitor.snapshot;
    if (!snapshot) throw new OperationError(`cannot ${action.verb}: the pool is not loaded`, false);
    const check = preflightVmAction(snapshot, action, vmUuid, request.hostUuid);
    if (!check.ok) throw new OperationError(check.reason, false);
    const { vm, host } = check.value;
    if (action.destructive) {
      const yes = await request.confirm({
        message: `${capitalize(action.verb)} "${vm.name}"?`,
        detail:
          'This is like pulling the power cord: the guest does not get to shut down cleanly, and unsaved work in it is lost. ' +
          'Use it when the clean variant fails or the guest hangs.',
        action: capitalize(action.verb),
      });
      if (!yes) throw new CancelledError();
    }
    if (request.signal?.aborted) throw new CancelledError();
    try {
      await runXe(request.exec, action.command(vm.uuid, host?.uuid), { signal: request.signal });
    } catch (error) {
      await monitor.refreshAfterChange().catch(() => undefined);
      if (error instanceof CancelledError) throw error;
      throw new OperationError(describeXeFailure(error, action.verb), true, { cause: error });
    }
    await monitor.refreshAfterChange();
    const after = monitor.snapshot?.vms.find((v) => v.uuid === vm.uuid);
    if (!after) throw new OperationError(`${action.verb}: xe succeeded, but the VM is no longer in the pool`, true);
    if (after.powerState !== action.expect) {
      throw new OperationError(`${action.verb}: xe succeeded, but the VM is ${after.powerState}, not ${action.expect}`, true);
    }
    if (host && after.residentOn !== host.uuid) {
      throw new OperationError(`${action.verb}: xe succeeded, but the VM does not run on ${host.name}`, true);
    }
    return after;
  });
}
