import { CancelledError } from '../../errors';
import { OperationError } from '../operationError';
import { runDom0Command } from '../runDom0Command';
import { haltedForSecureBoot, vmInSnapshot, type SecureBootVmRequest } from './haltedForSecureBoot';
import type { NvramCache } from './nvramCache';
import type { VmNvram } from './parseVarstoreLs';
import { resetCertificatesArgv } from './secureBootArgv';

/**
 * `varstore-sb-state <uuid> setup` on a halted UEFI VM, after a modal with the guide's warning: it wipes the
 * VM's PK, KEK, db and dbx, and the VM takes the pool's certificates at its next boot. Verified by reading the
 * NVRAM again; returns it.
 */
export async function resetVmCertificates(request: SecureBootVmRequest & { readonly poolId: string; readonly nvram: NvramCache }): Promise<VmNvram> {
  const verb = 'reset Secure Boot certificates';
  const before = vmInSnapshot(request, verb);
  if (before.hvmBootParams.get('firmware') !== 'uefi') {
    throw new OperationError(`cannot ${verb} on "${before.name}": it boots with BIOS firmware and has no UEFI variables`, false);
  }
  const vm = await haltedForSecureBoot(request, verb);
  const yes = await request.confirm({
    message: `Reset the Secure Boot certificates of "${vm.name}"?`,
    detail:
      `Runs: varstore-sb-state ${vm.uuid} setup\n\n` +
      'This wipes the Secure Boot certificates installed in the VM\'s private NVRAM (PK, KEK, db, dbx), including any enrolled from inside the guest. ' +
      'At its next boot the VM receives the certificates installed on the pool by secureboot-certs. Until then it is in setup mode.',
    action: 'Reset Certificates',
  });
  if (!yes) throw new CancelledError();
  return request.locks.run(`vm:${vm.uuid}`, verb, async () => {
    const now = vmInSnapshot(request, verb);
    if (now.powerState !== 'halted') throw new OperationError(`cannot ${verb} on "${vm.name}": it is ${now.powerState} now`, false);
    request.nvram.forget(request.poolId, vm.uuid);
    try {
      await runDom0Command(request.exec, resetCertificatesArgv(vm.uuid), verb, { signal: request.signal });
    } finally {
      request.nvram.forget(request.poolId, vm.uuid);
    }
    const after = await request.nvram.read(request.exec, request.poolId, now, request.signal);
    if (after.keys.length > 0) throw new OperationError(`${verb}: varstore-sb-state succeeded, but the NVRAM still holds ${after.keys.join(', ')}`, true);
    return after;
  });
}
