import { CancelledError } from '../../errors';
import type { PoolMonitor } from '../../lab/poolMonitor';
import type { Vm } from '../../lab/labModel';
import type { RemoteExec } from '../../ssh/remoteExec';
import type { Confirm } from '../confirm';
import { OperationError } from '../operationError';
import type { OperationLocks } from '../operationLocks';
import { runVmAction } from '../runVmAction';
import { VM_ACTIONS } from '../vmActions';

export interface SecureBootVmRequest {
  readonly exec: RemoteExec;
  readonly monitor: PoolMonitor;
  readonly locks: OperationLocks;
  readonly confirm: Confirm;
  readonly vmUuid: string;
  readonly signal?: AbortSignal;
}

/** The VM as the snapshot shows it, or an OperationError (nothing sent). */
export function vmInSnapshot(request: SecureBootVmRequest, verb: string): Vm {
  const vm = request.monitor.snapshot?.vms.find((v) => v.uuid === request.vmUuid);
  if (!vm) throw new OperationError(`cannot ${verb}: the VM is no longer in the pool`, false);
  return vm;
}

/**
 * Secure Boot settings and the NVRAM change only on a halted VM (the guide: varstore commands "must be called
 * when the VM is shutdown"). A running VM is refused with an offer to shut it down cleanly first, through the
 * same action as the tree's Shut Down; declining sends nothing. Returns the halted VM.
 */
export async function haltedForSecureBoot(request: SecureBootVmRequest, verb: string): Promise<Vm> {
  const vm = vmInSnapshot(request, verb);
  if (vm.powerState === 'halted') return vm;
  if (vm.powerState !== 'running') {
    throw new OperationError(`cannot ${verb} on "${vm.name}": it is ${vm.powerState}; this needs a halted VM`, false);
  }
  const yes = await request.confirm({
    message: `"${vm.name}" is running: cannot ${verb} on it. Shut it down first?`,
    detail: 'Secure Boot settings and the VM\'s UEFI variables can only be changed while the VM is halted. ' +
      'Shut Down asks the guest to shut down cleanly, then the change is made. Start the VM again afterwards.',
    action: 'Shut Down',
  });
  if (!yes) throw new CancelledError();
  await runVmAction({ ...request, action: VM_ACTIONS.shutdown });
  const after = vmInSnapshot(request, verb);
  if (after.powerState !== 'halted') throw new OperationError(`cannot ${verb} on "${vm.name}": it is ${after.powerState} after the shutdown`, true);
  return after;
}
