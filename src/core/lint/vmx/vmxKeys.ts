import type { VmxEntryTable } from './vmxEntryTable';

/**
 * The .vmx keys the nested-XCP-ng rules and hovers know (config-formats.md §4.2). A .vmx has more than a
 * thousand keys, so unknown keys are never reported. 
 */
export interface VmxKeyInfo {
  /** Lower case, `#` where the key has a device number (`scsi#:#.filename`). */
  readonly template: string;
  /** How completion writes it (`ethernet0.virtualDev`). */
  readonly label: string;
  readonly type: 'boolean' | 'enum' | 'number' | 'string';
  readonly values?: readonly string[];
  readonly doc: string;
  readonly guide?: string;
}

/** `template` writes device numbers as `#` (`scsi#:#.fileName`). */
const k = (template: string, type: VmxKeyInfo['type'], doc: string, extra: Partial<VmxKeyInfo> = {}): VmxKeyInfo => ({
  template: template.toLowerCase(),
  label: template.replace(/#/g, '0'),
  type,
  doc,
  ...extra,
});

export const nicDevices = ['vlance', 'vmxnet', 'vmxnet3', 'e1000', 'e1000e'];
export const scsiDevices = ['buslogic', 'lsilogic', 'lsisas1068', 'pvscsi'];

export const vmxKeys: readonly VmxKeyInfo[] = [
  k('vhv.enable', 'boolean', 'Exposes hardware-assisted virtualization (VT-x/EPT or AMD-V/RVI) to the guest, so it can run its own hypervisor. Fully supported from `virtualHW.version` 9.', { guide: 'The guide ticks "Expose hardware assisted virtualization to the guest OS" (ESXi) or "Virtualize Intel VT-x/EPT or AMD-V/RVI" (Workstation): this key.' }),
  k('vhv.allow', 'boolean', 'Host-wide switch from ESXi 5.0, set in `/etc/vmware/config`, not in a .vmx. Use `vhv.enable` here.'),
  k('hypervisor.cpuid.v0', 'boolean', 'Whether the guest sees the "running on a hypervisor" CPUID bit.', { guide: 'On Workstation the guide adds `hypervisor.cpuid.v0 = "FALSE"` next to the VT-x option.' }),
  k('ethernet#.present', 'boolean', 'Whether network adapter N exists.'),
  k('ethernet#.virtualDev', 'enum', 'The emulated NIC model of adapter N.', { values: nicDevices, guide: 'The guide uses e1000 or vmxnet3 (VMXNET3 works with XCP-ng, unlike PVSCSI).' }),
  k('ethernet#.noPromisc', 'boolean', 'When `"FALSE"`, adapter N may enter promiscuous mode (Workstation).', { guide: 'On Workstation the guide adds `ethernet0.noPromisc = "FALSE"` so the nested VMs get network; on ESXi, accept promiscuous mode on the vSwitch or port group instead.' }),
  k('ethernet#.connectionType', 'enum', 'How adapter N is connected on Workstation: bridged, nat, hostonly or custom.', { values: ['bridged', 'nat', 'hostonly', 'custom'] }),
  k('ethernet#.networkName', 'string', 'The ESXi port group adapter N is connected to.'),
  k('ethernet#.addressType', 'enum', 'Where the MAC address of adapter N comes from.', { values: ['generated', 'static', 'vpx'] }),
  k('ethernet#.address', 'string', 'The static MAC address of adapter N.'),
  k('ethernet#.generatedAddress', 'string', 'The MAC address VMware generated for adapter N.'),
  k('ethernet#.startConnected', 'boolean', 'Whether adapter N is connected when the VM powers on.'),
  k('scsi#.present', 'boolean', 'Whether SCSI controller N exists.'),
  k('scsi#.virtualDev', 'enum', 'The SCSI controller model.', { values: scsiDevices, guide: 'The guide chooses LSI Logic SAS (`lsisas1068`) or a vNVMe controller; PVSCSI "won\'t work" with XCP-ng.' }),
  k('scsi#:#.present', 'boolean', 'Whether the device at this SCSI slot exists.'),
  k('scsi#:#.fileName', 'string', 'The disk (.vmdk) or image attached at this SCSI slot.', { guide: 'The disk must be at least 60 GB to install XCP-ng.' }),
  k('scsi#:#.deviceType', 'enum', 'The kind of device at this SCSI slot.', { values: ['scsi-harddisk', 'cdrom-image', 'atapi-cdrom', 'scsi-passthru'] }),
  k('sata#.present', 'boolean', 'Whether SATA controller N exists.'),
  k('sata#:#.present', 'boolean', 'Whether the device at this SATA slot exists.'),
  k('sata#:#.fileName', 'string', 'The disk or image attached at this SATA slot.'),
  k('sata#:#.deviceType', 'enum', 'The kind of device at this SATA slot.', { values: ['disk', 'cdrom-image', 'atapi-cdrom'] }),
  k('ide#:#.present', 'boolean', 'Whether the device at this IDE slot exists.'),
  k('ide#:#.fileName', 'string', 'The disk or image attached at this IDE slot.'),
  k('ide#:#.deviceType', 'enum', 'The kind of device at this IDE slot.', { values: ['ata-harddisk', 'cdrom-image', 'atapi-cdrom'] }),
  k('nvme#.present', 'boolean', 'Whether NVMe controller N exists.', { guide: 'The guide says a vNVMe controller works for XCP-ng and can reduce CPU overhead.' }),
  k('nvme#:#.present', 'boolean', 'Whether the device at this NVMe slot exists.'),
  k('nvme#:#.fileName', 'string', 'The disk attached at this NVMe slot.'),
  k('memsize', 'number', 'Guest memory in MB; VMware refuses to power on unless it is a multiple of 4.', { guide: 'A nested XCP-ng needs at least 4096 MB.' }),
  k('numvcpus', 'number', 'Number of virtual CPUs.', { guide: 'The guide suggests two CPU sockets and at least 2 vCPUs.' }),
  k('cpuid.coresPerSocket', 'number', 'Cores per virtual socket; `numvcpus / cpuid.coresPerSocket` gives the sockets.'),
  k('virtualHW.version', 'number', 'The virtual hardware version; nested virtualization (`vhv.enable`) needs 9 or later.'),
  k('config.version', 'number', 'Version of the .vmx format itself (8 today).'),
  k('guestOS', 'string', 'The guest OS identifier VMware tunes the VM for (XCP-ng installs fine as `centos7-64` or `other-64`).'),
  k('displayName', 'string', 'The VM name shown in VMware.'),
  k('firmware', 'enum', 'The VM firmware.', { values: ['bios', 'efi'] }),
  k('annotation', 'string', 'Free-text notes; bytes such as newlines are written as `|0A`.'),
  k('.encoding', 'string', 'The character set of the file, conventionally on the first line (`"UTF-8"`).'),
];

const byTemplate = new Map(vmxKeys.map((info) => [info.template, info]));

const deviceKey = /^([a-z]+)\d+(:\d+)?\./;

/** The key's description: a map lookup on the key with its device numbers replaced by `#`. */
export function vmxKeyInfo(lowerKey: string): VmxKeyInfo | undefined {
  const exact = byTemplate.get(lowerKey);
  if (exact) return exact;
  const m = deviceKey.exec(lowerKey);
  if (!m) return undefined;
  return byTemplate.get(`${m[1] as string}#${m[2] ? ':#' : ''}${lowerKey.slice(m[0].length - 1)}`);
}

/** The same description for an entry of a parse, whose template the parser recognized as it read the key. */
export function vmxKeyInfoOf(entries: VmxEntryTable, index: number): VmxKeyInfo | undefined {
  return vmxKeys[entries.template(index)];
}
