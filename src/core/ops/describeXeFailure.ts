import { XeError } from '../xe/xeError';

/**
 * xe's failure in words a user acts on, prefixed with what was attempted: "cannot shut down: VM is halted".
 * Codes we know get a sentence of our own; anything else keeps xe's own first line, which is still better
 * than a code.
 */
export function describeXeFailure(error: unknown, verb: string): string {
  if (!(error instanceof XeError)) return `cannot ${verb}: ${error instanceof Error ? error.message : String(error)}`;
  const p = (name: string): string => error.params.get(name) ?? '?';
  const objectName = (ref: string): string => /\((.*)\)$/.exec(ref)?.[1] ?? ref;
  switch (error.code) {
    case 'VM_BAD_POWER_STATE':
      return `cannot ${verb}: VM is ${p('actual')} (it must be ${p('expected').split(', ').join(' or ')})`;
    case 'HOST_NOT_DISABLED':
      return `cannot ${verb}: the host is still enabled; disable it (or enter maintenance mode) first`;
    case 'HOST_DISABLED':
      return `cannot ${verb}: host ${objectName(p('host'))} is disabled`;
    case 'HOST_OFFLINE':
      return `cannot ${verb}: host ${objectName(p('host'))} cannot be contacted`;
    case 'NO_HOSTS_AVAILABLE': {
      const vm = error.params.get('<extra>');
      return `cannot ${verb}: no other enabled host can take ${vm ? `VM ${objectName(vm)}` : 'the VM'}`;
    }
    case 'HOST_NOT_ENOUGH_FREE_MEMORY':
      return `cannot ${verb}: not enough free memory on the host (needs ${p('needed')} bytes, ${p('available')} available)`;
    case 'VM_REQUIRES_SR':
      return `cannot ${verb}: VM ${objectName(p('vm'))} uses storage ${objectName(p('sr'))} that the other hosts cannot reach`;
    case 'VM_LACKS_FEATURE':
    case 'VM_MISSING_PV_DRIVERS':
      return `cannot ${verb}: the guest has no working PV drivers or guest agent; use the Force variant`;
    case 'VM_IS_IMMOBILE':
      return `cannot ${verb}: the VM is configured so that it cannot move (e.g. PCI passthrough)`;
    case 'OTHER_OPERATION_IN_PROGRESS':
      return `cannot ${verb}: another operation on it is in progress; try again when it ends`;
    case 'HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN':
      return `cannot ${verb}: HA could no longer restart protected VMs if a host failed`;
    case 'UUID_INVALID':
    case 'HANDLE_INVALID':
      return `cannot ${verb}: it no longer exists in the pool`;
    case 'SR_DEVICE_IN_USE':
      return `cannot ${verb}: the device is in use on the host (by another SR, an md array, or a mounted file system)`;
    default:
      if (error.code?.startsWith('SR_BACKEND_FAILURE_')) return `cannot ${verb}: the storage driver failed (${error.code}): ${backendReason(error)}`;
      return `cannot ${verb}: ${error.detail || error.message}`;
  }
}

/**
 * SR_BACKEND_FAILURE_<n> carries `["", reason, stderr]`, printed joined with ", " (xapi sm_exec.ml): the reason
 * may itself hold ", ", so it is the whole line without the empty first and last parts.
 */
function backendReason(error: XeError): string {
  const values = error.paramList.map((p) => p.value);
  if (values[0] === '') values.shift();
  if (values.length > 1 && values[values.length - 1] === '') values.pop();
  return values.join(', ') || error.code || '';
}
