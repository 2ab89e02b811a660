import { resolveSiblingPath } from '../resolveSiblingPath';
import type { VmxEntry } from './parseVmx';

export interface VmxDisk {
  readonly entry: VmxEntry;
  /** The descriptor's path resolved against the .vmx folder. */
  readonly path: string;
}

const fileNameKey = /^(scsi|sata|ide|nvme)(\d+:\d+)\.filename$/;

/**
 * The virtual disks (.vmdk files, not CD images) of present slots, in file order: of the entries, or of the
 * map from lower-cased key to entry a caller already has.
 */
export function vmxDisks(fileName: string, entries: readonly VmxEntry[] | ReadonlyMap<string, VmxEntry>): VmxDisk[] {
  // Built on the first disk only: most entries are not disks, and a map of every entry cost more than the rest.
  let byKey: ReadonlyMap<string, VmxEntry> | undefined = entries instanceof Map ? entries : undefined;
  const disks: VmxDisk[] = [];
  for (const entry of entries.values()) {
    const m = entry.lowerKey.endsWith('.filename') ? fileNameKey.exec(entry.lowerKey) : null;
    if (!m || !entry.value.toLowerCase().endsWith('.vmdk')) continue;
    const slot = `${m[1] as string}${m[2] as string}`;
    byKey ??= new Map([...entries.values()].map((e) => [e.lowerKey, e]));
    if (byKey.get(`${slot}.present`)?.value.toLowerCase() === 'false') continue;
    if (byKey.get(`${slot}.devicetype`)?.value.toLowerCase().includes('cdrom')) continue;
    disks.push({ entry, path: resolveSiblingPath(fileName, entry.value) });
  }
  return disks;
}

/** Size in bytes from the extent lines of a .vmdk descriptor (`RW 125829120 SPARSE "disk-s001.vmdk"`), or undefined. */
export function vmdkSize(descriptor: string): number | undefined {
  let sectors = 0;
  let found = false;
  for (const m of descriptor.matchAll(/^[ \t]*(?:RW|RDONLY|NOACCESS)[ \t]+(\d+)[ \t]+[A-Z]+/gm)) {
    sectors += Number(m[1]);
    found = true;
  }
  return found ? sectors * 512 : undefined;
}
