import { resolveSiblingPath } from '../resolveSiblingPath';
import type { VmxEntry, VmxEntryTable } from './vmxEntryTable';
import { templateIndex } from './vmxKeyAutomaton';
import type { VmxKeyIndex } from './vmxKeyIndex';
import { vmxKeys } from './vmxKeys';

export interface VmxDisk {
  readonly entry: VmxEntry;
  /** The descriptor's path resolved against the .vmx folder. */
  readonly path: string;
}

/** 1 for the templates of disk slots' `fileName` keys, by template index. */
const fileNameTemplates = new Uint8Array(vmxKeys.length);
for (const bus of ['scsi', 'sata', 'ide', 'nvme']) fileNameTemplates[templateIndex(`${bus}#:#.filename`)] = 1;

/** The virtual disks (.vmdk files, not CD images) of present slots, in file order, from the first entry of each key. */
export function vmxDisks(fileName: string, entries: VmxEntryTable, index: VmxKeyIndex): VmxDisk[] {
  const disks: VmxDisk[] = [];
  for (let i = 0; i < entries.count; i++) {
    const template = entries.template(i);
    if (template < 0 || fileNameTemplates[template] === 0 || !index.isFirst(i)) continue;
    const entry = entries.entry(i);
    if (!entry.value.toLowerCase().endsWith('.vmdk')) continue;
    // The slot's other keys: `scsi0:1.present`, `scsi0:1.deviceType`.
    const present = index.getOfDevice(i, '.present');
    if (present >= 0 && entries.value(present).toLowerCase() === 'false') continue;
    const deviceType = index.getOfDevice(i, '.devicetype');
    if (deviceType >= 0 && entries.value(deviceType).toLowerCase().includes('cdrom')) continue;
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
