import type { XapiFlavour } from '../state/simState';

/** Doc sentence and parameter names of the datamodel errors the simulator raises (xe-cli.md §9). */
interface ErrorDoc {
  doc: string;
  params: string[];
}

const DOCS: Record<string, ErrorDoc> = {
  VM_BAD_POWER_STATE: {
    doc: "You attempted an operation on a VM that was not in an appropriate power state at the time; for example, you attempted to start a VM that was already running. The parameters returned are the VM's handle, and the expected and actual VM state at the time of the call.",
    params: ['vm', 'expected', 'actual'],
  },
  UUID_INVALID: { doc: 'The uuid you supplied was invalid.', params: ['type', 'uuid'] },
  HANDLE_INVALID: {
    doc: 'You gave an invalid object reference. The object may have recently been deleted. The class parameter gives the type of reference given, and the handle parameter echoes the bad value given.',
    params: ['class', 'handle'],
  },
  HOST_NOT_DISABLED: {
    doc: 'This operation cannot be performed because the host is not disabled. Please disable the host and then try again.',
    params: [],
  },
  HOST_DISABLED: { doc: 'The specified server is disabled.', params: ['host'] },
  HOST_OFFLINE: { doc: 'You attempted an operation which involves a host which could not be contacted.', params: ['host'] },
  NO_HOSTS_AVAILABLE: { doc: 'There were no servers available to complete the specified operation.', params: [] },
  HOST_NOT_ENOUGH_FREE_MEMORY: { doc: 'Not enough server memory is available to perform this operation.', params: ['needed', 'available'] },
  VM_LACKS_FEATURE: { doc: 'You attempted an operation on a VM which lacks the feature.', params: ['vm'] },
  VM_MISSING_PV_DRIVERS: {
    doc: 'You attempted an operation on a VM which requires PV drivers to be installed but the drivers were not detected.',
    params: ['vm'],
  },
  VM_IS_TEMPLATE: { doc: 'The operation attempted is not valid for a template VM', params: ['vm'] },
  VM_REQUIRES_SR: {
    doc: "You attempted to run a VM on a host which doesn't have access to an SR needed by the VM. The VM has at least one VBD attached to a VDI in the SR.",
    params: ['vm', 'sr'],
  },
  VM_IS_IMMOBILE: { doc: 'The VM is configured in a way that prevents it from being mobile.', params: ['VM'] },
  VM_MIGRATE_FAILED: { doc: 'An error occurred during the migration process.', params: ['vm', 'source', 'destination', 'msg'] },
  OPERATION_NOT_ALLOWED: { doc: 'You attempted an operation that was not allowed.', params: ['reason'] },
  OPERATION_BLOCKED: {
    doc: 'You attempted an operation that was explicitly blocked (see the blocked_operations field of the given object).',
    params: ['ref', 'code'],
  },
  HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN: {
    doc: 'This operation cannot be performed because it would invalidate VM failover planning such that the system would be unable to guarantee to restart protected VMs after a Host failure.',
    params: [],
  },
  HA_IS_ENABLED: { doc: 'The operation could not be performed because HA is enabled on the Pool', params: [] },
  HA_LOST_STATEFILE: { doc: 'This server lost access to the HA statefile.', params: [] },
  // host-server-certificate-install (xapi certificates.ml; doc sentences as the datamodel has them).
  SERVER_CERTIFICATE_KEY_INVALID: { doc: 'The provided key is not in a PEM-encoded PKCS#8 format.', params: [] },
  SERVER_CERTIFICATE_KEY_ALGORITHM_NOT_SUPPORTED: { doc: 'The provided key uses an unsupported algorithm.', params: ['algorithm'] },
  SERVER_CERTIFICATE_KEY_RSA_LENGTH_NOT_SUPPORTED: { doc: 'The provided RSA key does not have a length between 2048 and 4096.', params: ['length'] },
  SERVER_CERTIFICATE_INVALID: { doc: 'The provided certificate is not in a PEM-encoded X509.', params: [] },
  SERVER_CERTIFICATE_KEY_MISMATCH: { doc: "The provided key does not match the provided certificate's public key.", params: [] },
  SERVER_CERTIFICATE_NOT_VALID_YET: { doc: 'The provided certificate is not valid yet.', params: ['now', 'not_before'] },
  SERVER_CERTIFICATE_EXPIRED: { doc: 'The provided certificate has expired.', params: ['now', 'not_after'] },
  SERVER_CERTIFICATE_CHAIN_INVALID: { doc: 'The provided intermediate certificates are not in a PEM-encoded X509.', params: [] },
  // sr-create: the SM backend's SRInUse (code 16), as sm_exec.ml maps it.
  SR_DEVICE_IN_USE: { doc: 'The SR operation cannot be performed because a device underlying the SR is in use by the host.', params: [] },
  INTERNAL_ERROR: {
    doc: 'The server failed to handle your request, due to an internal error. The given message may give details useful for debugging the problem.',
    params: ['message'],
  },
};

/**
 * Form 1 of xe-cli.md §9: the doc sentence, then `name: value` per parameter; a missing value prints
 * `name: <unknown>` and a surplus one `<extra>: value`. The code itself is not printed.
 */
export function renderApiError(code: string, params: string[], _flavour: XapiFlavour): string {
  const doc = DOCS[code];
  if (!doc) return `Error code: ${code}\nError parameters: ${params.join(', ')}\n`;
  const lines = [doc.doc];
  const count = Math.max(doc.params.length, params.length);
  for (let i = 0; i < count; i++) {
    const name = doc.params[i] ?? '<extra>';
    lines.push(`${name}: ${params[i] ?? '<unknown>'}`);
  }
  return lines.join('\n') + '\n';
}
