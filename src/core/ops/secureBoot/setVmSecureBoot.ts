import { CancelledError } from '../../errors';
import type { Vm } from '../../lab/labModel';
import { paramSet } from '../../xe/paramCommands';
import { runXe } from '../../xe/runXe';
import { describeXeFailure } from '../describeXeFailure';
import { OperationError } from '../operationError';
import { haltedForSecureBoot, vmInSnapshot, type SecureBootVmRequest } from './haltedForSecureBoot';

/**
 * Sets `platform:secureboot=true|false` on a halted UEFI VM (running: offers a shutdown first), then reads the
 * pool again and checks the flag. Enabling asks first with the guide's warnings: unsigned drivers and kernel
 * modules stop loading. Returns the VM as read after the change.
 */
export async function setVmSecureBoot(request: SecureBootVmRequest, on: boolean): Promise<Vm> {
  const verb = on ? 'enable Secure Boot' : 'disable Secure Boot';
  const value = on ? 'true' : 'false';
  const before = vmInSnapshot(request, verb);
  if (on && before.hvmBootParams.get('firmware') !== 'uefi') {
    throw new OperationError(`cannot ${verb} on "${before.name}": it boots with BIOS firmware, and Secure Boot needs UEFI`, false);
  }
  if (before.platform.get('secureboot') === value) {
    throw new OperationError(`Secure Boot is already ${on ? 'enabled' : 'disabled'} on "${before.name}" (platform:secureboot=${value})`, false);
  }
  const vm = await haltedForSecureBoot(request, verb);
  if (on) {
    const yes = await request.confirm({
      message: `Enable Secure Boot on "${vm.name}"?`,
      detail:
        'Unsigned drivers (Windows) and unsigned kernel modules (Linux) will fail to load once Secure Boot is on. ' +
        'A Linux guest must boot through a Microsoft-signed loader such as shim, and its distribution must support Secure Boot. ' +
        'If the VM has booted before with other certificates, reset its certificates as well so it takes the pool\'s at its next boot.',
      action: 'Enable Secure Boot',
    });
    if (!yes) throw new CancelledError();
  }
  return request.locks.run(`vm:${vm.uuid}`, verb, async () => {
    if (request.signal?.aborted) throw new CancelledError();
    try {
      await runXe(request.exec, paramSet('vm', vm.uuid, [{ field: 'platform', key: 'secureboot', value }]), { signal: request.signal });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      throw new OperationError(describeXeFailure(error, verb), true, { cause: error });
    }
    await request.monitor.refreshAfterChange();
    const after = vmInSnapshot(request, verb);
    const now = after.platform.get('secureboot');
    if (now !== value) throw new OperationError(`${verb}: xe succeeded, but platform:secureboot reads ${now ?? '(absent)'}`, true);
    return after;
  });
}
