/**
 * xe prints an API error as its datamodel doc sentence, never its code (xe-cli.md §9.1). This table maps the
 * sentences of the errors the extension handles back to their codes. Sentences are compared with runs of
 * spaces collapsed and any final '.' dropped, because older docs had a double space and some sentences
 * lack the period.
 */
const DOCS: ReadonlyArray<readonly [code: string, doc: string]> = [
  [
    'VM_BAD_POWER_STATE',
    "You attempted an operation on a VM that was not in an appropriate power state at the time; for example, you attempted to start a VM that was already running. The parameters returned are the VM's handle, and the expected and actual VM state at the time of the call.",
  ],
  ['UUID_INVALID', 'The uuid you supplied was invalid.'],
  [
    'HANDLE_INVALID',
    'You gave an invalid object reference. The object may have recently been deleted. The class parameter gives the type of reference given, and the handle parameter echoes the bad value given.',
  ],
  [
    'HOST_NOT_DISABLED',
    'This operation cannot be performed because the host is not disabled. Please disable the host and then try again.',
  ],
  ['HOST_DISABLED', 'The specified server is disabled.'],
  ['HOST_OFFLINE', 'You attempted an operation which involves a host which could not be contacted.'],
  ['NO_HOSTS_AVAILABLE', 'There were no servers available to complete the specified operation.'],
  ['HOST_NOT_ENOUGH_FREE_MEMORY', 'Not enough server memory is available to perform this operation.'],
  ['VM_LACKS_FEATURE', 'You attempted an operation on a VM which lacks the feature.'],
  [
    'VM_MISSING_PV_DRIVERS',
    'You attempted an operation on a VM which requires PV drivers to be installed but the drivers were not detected.',
  ],
  ['VM_IS_TEMPLATE', 'The operation attempted is not valid for a template VM'],
  [
    'VM_REQUIRES_SR',
    "You attempted to run a VM on a host which doesn't have access to an SR needed by the VM. The VM has at least one VBD attached to a VDI in the SR.",
  ],
  ['VM_IS_IMMOBILE', 'The VM is configured in a way that prevents it from being mobile.'],
  ['VM_MIGRATE_FAILED', 'An error occurred during the migration process.'],
  ['OPERATION_NOT_ALLOWED', 'You attempted an operation that was not allowed.'],
  [
    'OPERATION_BLOCKED',
    'You attempted an operation that was explicitly blocked (see the blocked_operations field of the given object).',
  ],
  ['OTHER_OPERATION_IN_PROGRESS', 'Another operation involving the object is currently in progress'],
  [
    'HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN',
    'This operation cannot be performed because it would invalidate VM failover planning such that the system would be unable to guarantee to restart protected VMs after a Host failure.',
  ],
  ['HA_IS_ENABLED', 'The operation could not be performed because HA is enabled on the Pool'],
  ['HA_LOST_STATEFILE', 'This server lost access to the HA statefile.'],
  [
    'HOST_IS_SLAVE',
    'You cannot make regular API calls directly on a pool member. Please pass API calls via the master host.',
  ],
  [
    'HOST_IS_SLAVE',
    'You cannot make regular API calls directly on a supporter. Please pass API calls via the coordinator host.',
  ],
  ['SR_DEVICE_IN_USE', 'The SR operation cannot be performed because a device underlying the SR is in use by the host.'],
  ['RBAC_PERMISSION_DENIED', 'RBAC permission denied.'],
  ['PERMISSION_DENIED', 'Caller not allowed to perform this operation.'],
  ['HOST_STILL_BOOTING', 'The host toolstack is still initialising. Please wait.'],
  [
    'INTERNAL_ERROR',
    'The server failed to handle your request, due to an internal error. The given message may give details useful for debugging the problem.',
  ],
];

function normalize(sentence: string): string {
  return sentence.trim().replace(/ {2,}/g, ' ').replace(/\.$/, '');
}

const BY_DOC = new Map(DOCS.map(([code, doc]) => [normalize(doc), code]));

/** The API error code whose doc sentence is `line`, or undefined when the sentence is not one we know. */
export function inferXeErrorCode(line: string): string | undefined {
  return BY_DOC.get(normalize(line));
}
