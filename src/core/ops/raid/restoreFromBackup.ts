import type { MdstatArray } from '../../lint/raid/parseMdstat';
import type { Argv } from '../runbook/runbook';

/** Where the backup of the previous system is mounted, as in the guide. */
export const BACKUP_MOUNT = '/mnt';

/**
 * The partition an upgrade from CD saved the previous system to: the second partition of the installer's
 * RAID 1 (`md127p2`) on a software-RAID install, else of the system drive (most likely `sda2`).
 */
export function backupPartition(arrays: readonly MdstatArray[]): string {
  return arrays.some((a) => a.name === 'md127' && a.level === 'raid1') ? '/dev/md127p2' : '/dev/sda2';
}

/** A block device path, and nothing mount would read as an option. */
export function isDevicePath(path: string): boolean {
  return /^\/dev\/[A-Za-z0-9][A-Za-z0-9/_.:-]*$/.test(path) && !path.includes('..');
}

/**
 * The guide's restore: mount the backup (read-only, since nothing there should change), copy the chosen files
 * back to the same place, unmount. The initrd is rebuilt afterwards as its own step.
 */
export function restoreCommands(partition: string, paths: readonly string[]): Argv[] {
  if (!isDevicePath(partition)) throw new RangeError(`not a device path: ${JSON.stringify(partition)}`);
  const copies = paths.map((path): Argv => ['cp', `${BACKUP_MOUNT}${path}`, path.slice(0, path.lastIndexOf('/') + 1)]);
  return [['mount', '-o', 'ro', partition, BACKUP_MOUNT], ...copies, ['umount', BACKUP_MOUNT]];
}
