import type { Argv } from '../runbook/runbook';

/** Where the RAID guide keeps its two files on dom0. */
export const MDADM_CONF = '/etc/mdadm.conf';
export const DRACUT_MDRAID_CONF = '/etc/dracut.conf.d/dracut_mdraid.conf';
export const MDSTAT = '/proc/mdstat';

export function readFileArgv(path: string): Argv {
  return ['cat', path];
}

/** What the member superblocks say: the ARRAY lines mdadm.conf is generated from. */
export function examineScanArgv(): Argv {
  return ['mdadm', '--examine', '--scan'];
}

export function kernelVersionArgv(): Argv {
  return ['uname', '-r'];
}

/** `uname -r` output the initrd name may be built from: one version word, nothing a path or shell could act on. */
export function parseKernelVersion(stdout: string): string {
  const version = stdout.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._+~-]*$/.test(version)) throw new RangeError(`uname -r printed ${JSON.stringify(version)}, which is not a kernel version`);
  return version;
}

/**
 * The guide's `dracut --force -M /boot/initrd-$(uname -r).img $(uname -r)` with the version read beforehand:
 * the host gets literal words, never a command substitution.
 */
export function rebuildInitrdArgv(kernelVersion: string): Argv {
  return ['dracut', '--force', '-M', `/boot/initrd-${kernelVersion}.img`, kernelVersion];
}

/** Zeroes a whole drive: the guide's cure for leftovers. Only ever shown, never run by the extension. */
export function wipeDriveArgv(device: string): Argv {
  return ['dd', 'if=/dev/zero', `of=${device}`, 'bs=1M'];
}
