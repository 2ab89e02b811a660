import type { Host, LabSnapshot, Vm } from '../lab/labModel';
import type { VmAction } from './vmActions';

export type Preflight<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Checks an action against the snapshot the user is looking at, before anything is sent: the VM still exists,
 * its power state allows the action, it is not busy, and a destination host is a different, enabled host.
 * The reasons are sentences for the user ("cannot shut down: VM is halted").
 */
export function preflightVmAction(
  snapshot: LabSnapshot,
  action: VmAction,
  vmUuid: string,
  hostUuid?: string,
): Preflight<{ vm: Vm; host?: Host }> {
  const vm = snapshot.vms.find((v) => v.uuid === vmUuid);
  if (!vm) return { ok: false, reason: `cannot ${action.verb}: the VM is no longer in the pool` };
  if (!action.from.includes(vm.powerState)) {
    const already = vm.powerState === action.expect ? 'already ' : '';
    return { ok: false, reason: `cannot ${action.verb} "${vm.name}": VM is ${already}${vm.powerState}` };
  }
  if (vm.currentOperations.length > 0) {
    return { ok: false, reason: `cannot ${action.verb} "${vm.name}": it is busy (${vm.currentOperations.join(', ')})` };
  }
  if (!action.needsHost) return { ok: true, value: { vm } };
  const host = snapshot.hosts.find((h) => h.uuid === hostUuid);
  if (!host) return { ok: false, reason: `cannot ${action.verb} "${vm.name}": the destination host is no longer in the pool` };
  if (!host.enabled) return { ok: false, reason: `cannot ${action.verb} "${vm.name}": host ${host.name} is disabled` };
  if (action.id === 'migrate' && vm.residentOn === host.uuid) {
    return { ok: false, reason: `cannot ${action.verb} "${vm.name}": it already runs on ${host.name}` };
  }
  return { ok: true, value: { vm, host } };
}

/** Hosts a VM can be started on or moved to: enabled, and not the one it runs on. */
export function destinationHosts(snapshot: LabSnapshot, vm: Vm): Host[] {
  return snapshot.hosts.filter((h) => h.enabled && h.uuid !== vm.residentOn);
}
