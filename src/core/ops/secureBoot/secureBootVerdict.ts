import type { Vm } from '../../lab/labModel';
import type { SecureBootKey, VmNvram } from './parseVarstoreLs';

export type SecureBootStatus = 'enforced' | 'setupMode' | 'disabled' | 'bios' | 'unread';

export interface SecureBootVerdict {
  readonly status: SecureBootStatus;
  /** A few words for a tooltip row: "enforced", "setup mode (not enforced)". */
  readonly label: string;
  /** Why, in a sentence or two. */
  readonly reason: string;
  /** Things to fix that do not change the status (a missing dbx, stale keys before enabling). */
  readonly warnings: readonly string[];
  /** `platform:secureboot` as stored (`true`, `false`, `auto`...), null when absent. */
  readonly flag: string | null;
  readonly firmware: string;
  /** The keys in the VM's NVRAM; null when it was not read. */
  readonly keys: readonly SecureBootKey[] | null;
}

const LABELS: Readonly<Record<SecureBootStatus, string>> = {
  enforced: 'enforced',
  setupMode: 'setup mode (not enforced)',
  disabled: 'disabled',
  bios: 'n/a (BIOS)',
  unread: 'requested (NVRAM not read)',
};

/**
 * Whether a VM's firmware really checks signatures. The flag alone says what was asked for; the NVRAM says
 * what happens: without a PK the firmware is in setup mode and boots anything, whatever the flag says (the
 * guide's "false sense of security"). `poolCertificates` (from `secureboot-certs report`) only adds advice.
 */
export function secureBootVerdict(
  vm: Pick<Vm, 'hvmBootParams' | 'platform' | 'powerState'>,
  nvram?: VmNvram,
  poolCertificates?: readonly string[],
): SecureBootVerdict {
  // xapi's default firmware is BIOS: a VM without the key boots like one.
  const firmware = vm.hvmBootParams.get('firmware') ?? 'bios';
  const flag = vm.platform.get('secureboot') ?? null;
  const keys = nvram ? nvram.keys : null;
  const verdict = (status: SecureBootStatus, reason: string, warnings: string[] = []): SecureBootVerdict => ({
    status, label: LABELS[status], reason, warnings, flag, firmware, keys,
  });
  if (firmware !== 'uefi') {
    return verdict('bios', `The VM boots with ${firmware} firmware; Secure Boot needs UEFI (the guide advises against switching a VM that has booted).`);
  }
  const requested = flag === 'true' || flag === 'auto';
  if (!requested) {
    const stale = (keys ?? []).filter((k) => k !== 'PK');
    const warnings = stale.length
      ? [`Its NVRAM already holds ${stale.join(', ')}: the guide recommends Reset Secure Boot Certificates before enabling Secure Boot.`]
      : [];
    return verdict('disabled', `platform:secureboot is ${flag ?? 'not set'}: the firmware boots unsigned code.`, warnings);
  }
  const asked = `platform:secureboot=${flag}`;
  if (!nvram) return verdict('unread', `${asked}; whether it is enforced depends on the VM's NVRAM (varstore-ls), not read yet.`);
  if (!nvram.keys.includes('PK')) {
    const next =
      poolCertificates === undefined
        ? 'It gets the pool\'s certificates (secureboot-certs report) when it boots.'
        : poolCertificates.length > 0
          ? `It gets the pool's certificates (${poolCertificates.join(', ')}) when it boots.`
          : 'The pool holds no certificates either: install them (Install Secure Boot Certificates), then boot it.';
    return verdict(
      'setupMode',
      `${asked}, but the VM's NVRAM has no PK: the firmware is in setup mode and does not enforce Secure Boot, a false sense of security. ${next}`,
    );
  }
  const warnings: string[] = [];
  if (!nvram.keys.includes('KEK')) warnings.push('No KEK in its NVRAM: db and dbx cannot be updated from the guest.');
  if (!nvram.keys.includes('db')) warnings.push('No db in its NVRAM: no signed boot loader is trusted, so the VM will not boot.');
  if (!nvram.keys.includes('dbx')) {
    warnings.push('No dbx in its NVRAM: revoked binaries still boot, which makes Secure Boot close to useless until a dbx is installed.');
  }
  const auto = flag === 'auto' ? ' (auto, with its PK in user mode)' : '';
  return verdict('enforced', `${asked}${auto} and the VM's NVRAM holds ${nvram.keys.join(', ')}: the firmware checks signatures at boot.`, warnings);
}
