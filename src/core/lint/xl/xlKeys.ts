/**
 * The keys xl reads from a domain config (config-formats.md §1.2), with their value types and the short
 * explanations hovers show. Descriptions are ours; the seed guide's "XCP-ng in a VM" steps are cited where
 * a key matters for running XCP-ng nested.
 */
export type XlKeyType =
  /** A string from a fixed set (`values`), or a path where `allowsPath` says so. */
  | 'enum'
  | 'string'
  | 'number'
  | 'boolean'
  /** A string or a list of strings (`serial`, `cpus`, ...). */
  | 'stringOrList'
  /** `viridian`: a boolean, or a list of enlightenment groups. */
  | 'booleanOrList'
  /** `gfx_passthru`: a boolean or one of `values`. */
  | 'booleanOrEnum'
  | 'list'
  /** xl warns and ignores it. */
  | 'ignored';

export interface XlKeyInfo {
  readonly type: XlKeyType;
  readonly values?: readonly string[];
  /** `firmware`: any value containing `/` is a file path rather than a name. */
  readonly allowsPath?: boolean;
  /** `type`: xl accepts any prefix of a value (`type="h"` means hvm). */
  readonly prefixMatch?: boolean;
  readonly doc?: string;
  /** Why it is deprecated and what replaces it. */
  readonly deprecated?: string;
  /** What to use instead, for ignored keys. */
  readonly replacement?: string;
  /** The nested-XCP-ng guide step that needs this key. */
  readonly guide?: string;
}

const actions = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart', 'soft-reset'];
const onAction = (event: string): XlKeyInfo => ({ type: 'enum', values: actions, doc: `What Xen does with the domain when it ${event}.` });

const described: Record<string, XlKeyInfo> = {
  name: { type: 'string', doc: 'The domain name, unique on the host. xl refuses a config without one.', guide: 'The guide names its nested host `xcp-ng`.' },
  type: { type: 'enum', values: ['pv', 'pvh', 'hvm'], prefixMatch: true, doc: 'The kind of guest: `pv` (paravirtualised), `pvh`, or `hvm` (full hardware virtualisation).', guide: 'A nested XCP-ng is "a pretty standard HVM": use `type = "hvm"`.' },
  builder: { type: 'enum', values: ['generic', 'hvm'], doc: 'Old way of choosing the guest type (`generic` = PV, `hvm` = HVM).', deprecated: 'deprecated since Xen 4.10: use `type`' },
  memory: { type: 'number', doc: 'Memory at boot, in MiB.', guide: 'Nested XCP-ng needs at least 4096 MiB (4 GB).' },
  maxmem: { type: 'number', doc: 'Maximum memory in MiB; above `memory` the guest boots pre-ballooned and needs a balloon driver.' },
  vcpus: { type: 'number', doc: 'Number of virtual CPUs online at boot.', guide: 'Give a nested XCP-ng at least 2 vCPUs.' },
  maxvcpus: { type: 'number', doc: 'Maximum number of vCPUs the guest may bring online; must not be below `vcpus`.' },
  hap: { type: 'boolean', doc: 'Hardware-assisted paging (Intel EPT / AMD NPT). Defaults to 1 when the CPU supports it.', guide: 'The guide sets `hap=1`; nested HVM refuses to start with `hap=0`.' },
  nestedhvm: { type: 'boolean', doc: 'Exposes VT-x/AMD-V to the guest so it can run its own hypervisor.', guide: 'Nested XCP-ng needs `nestedhvm=1`.' },
  viridian: { type: 'booleanOrList', values: ['base', 'freq', 'time_ref_count', 'reference_tsc', 'hcall_remote_tlb_flush', 'apic_assist', 'crash_ctl', 'stimer', 'hcall_ipi', 'ex_processor_masks', 'no_vp_limit', 'cpu_hotplug', 'defaults', 'all'], doc: 'Hyper-V enlightenments for Windows guests: 1/0, or a list of groups (`!group` turns one off).', guide: 'The guide sets `viridian=0`: a nested Xen should use its own HVM interfaces.' },
  vif: { type: 'list', doc: "Network interfaces, one spec string each: `'mac=..,bridge=..,type=ioemu,model=e1000'`.", guide: 'Nested XCP-ng needs an `ioemu` vif, and an `e1000` model is more stable than the rtl8139 default.' },
  disk: { type: 'list', doc: "Disks, one spec string each: `'format=raw,vdev=xvda,access=rw,target=/path/disk.img'`.", guide: 'The nested XCP-ng disk should be at least 60 GB.' },
  boot: { type: 'string', doc: 'HVM boot order: letters `c` (hard disk), `d` (CD-ROM), `n` (network).' },
  serial: { type: 'stringOrList', doc: "Serial ports of an HVM guest, for example `'pty'`. A list gives several ports." },
  pae: { type: 'boolean', doc: 'Expose PAE to an HVM guest (needed for 64-bit guests).' },
  acpi: { type: 'boolean', doc: 'Expose ACPI firmware tables to an HVM guest.' },
  apic: { type: 'boolean', doc: 'Expose a local APIC to an HVM guest.' },
  vnc: { type: 'boolean', doc: 'Export the guest console over VNC.' },
  usb: { type: 'boolean', doc: 'Emulated USB controller for an HVM guest.' },
  usbdevice: { type: 'stringOrList', doc: "Emulated USB devices, for example `'tablet'` for an absolute pointer." },
  tsc_mode: { type: 'enum', values: ['default', 'always_emulate', 'native'], doc: 'How the guest reads the time stamp counter.' },
  gfx_passthru: { type: 'booleanOrEnum', values: ['default', 'igd'], doc: 'Pass the host graphics card through as the primary display: 0/1, `"default"` or `"igd"`.' },
  localtime: { type: 'boolean', doc: 'The guest RTC runs in local time instead of UTC.' },
  xen_platform_pci: { type: 'boolean', doc: 'The Xen platform PCI device that PV drivers in an HVM guest use.' },
  pci_power_mgmt: { type: 'number', doc: 'Default for PCI pass-through devices: allow the guest to manage power states (0/1).' },
  stdvga: { type: 'boolean', doc: 'Old switch for the standard VGA card.', deprecated: 'deprecated: use `vga = "stdvga"`' },
  vga: { type: 'enum', values: ['none', 'stdvga', 'cirrus', 'qxl'], doc: 'The emulated graphics card of an HVM guest.' },
  on_poweroff: onAction('powers off'),
  on_reboot: onAction('reboots'),
  on_watchdog: onAction('is stopped by its watchdog'),
  on_crash: onAction('crashes'),
  on_soft_reset: onAction('does a soft reset'),
  firmware: { type: 'enum', values: ['bios', 'uefi', 'seabios', 'rombios', 'ovmf', 'pvgrub32', 'pvgrub64'], allowsPath: true, doc: 'The firmware to boot: `bios`/`uefi` (and their implementations) for HVM, `pvgrub32`/`pvgrub64` for PV, or a file path.' },
  bios: { type: 'enum', values: ['rombios', 'seabios', 'ovmf'], doc: 'The HVM firmware implementation.' },
  hdtype: { type: 'enum', values: ['ide', 'ahci'], doc: 'The emulated disk controller of an HVM guest.' },
  timer_mode: { type: 'enum', values: ['delay_for_missed_ticks', 'no_delay_for_missed_ticks', 'no_missed_ticks_pending', 'one_missed_tick_pending'], doc: 'How virtual timers make up for ticks the guest missed.' },
  device_model_version: { type: 'enum', values: ['qemu-xen'], doc: 'The device model; only upstream `qemu-xen` remains (`qemu-xen-traditional` is gone).' },
  vendor_device: { type: 'enum', values: ['none', 'xenserver'], doc: 'The PCI vendor device that makes Windows fetch XenServer PV drivers.' },
  altp2m: { type: 'enum', values: ['disabled', 'mixed', 'external', 'limited'], doc: 'Alternate p2m views (introspection); incompatible with nested HVM.' },
  altp2mhvm: { type: 'boolean', doc: 'Old switch for altp2m.', deprecated: 'deprecated: use `altp2m`' },
  ms_vm_genid: { type: 'enum', values: ['generate', 'none'], doc: 'The Microsoft VM generation id.' },
  passthrough: { type: 'enum', values: ['disabled', 'enabled', 'sync_pt', 'share_pt', 'default'], doc: 'Whether and how devices can be passed through to the guest.' },
  tee: { type: 'enum', values: ['none', 'optee', 'ffa'], doc: 'Arm trusted execution environment mediator.' },
  gic_version: { type: 'enum', values: ['v2', 'v3', 'default'], doc: 'Arm interrupt controller version.' },
  soundhw: { type: 'enum', values: ['hda', 'ac97', 'es1370', 'adlib', 'cs4231a', 'gus', 'sb16'], doc: 'The emulated sound card.' },
  usbversion: { type: 'number', values: ['1', '2', '3'], doc: 'The USB controller version (1, 2 or 3).' },
  device_model: { type: 'ignored', replacement: 'device_model_override', doc: 'Not read by xl.' },
  vncviewer: { type: 'ignored', replacement: 'vncviewer is started by `xl create -V`', doc: 'Not read by xl.' },
  vif2: { type: 'ignored', replacement: 'vif', doc: 'Not read by xl.' },
  kernel: { type: 'string', doc: 'Kernel image to boot (PV or direct HVM boot).' },
  ramdisk: { type: 'string', doc: 'Initial ramdisk to load with `kernel`.' },
  cmdline: { type: 'string', doc: 'Kernel command line.' },
  bootloader: { type: 'string', doc: 'Program run in dom0 to pick the PV kernel (for example `pygrub`).' },
  uuid: { type: 'string', doc: 'The domain UUID; generated when absent.' },
  cpus: { type: 'stringOrList', doc: 'Physical CPUs the vCPUs may run on (hard affinity).' },
  shadow_memory: { type: 'number', doc: 'MiB reserved for shadow page tables (only used without HAP).' },
  videoram: { type: 'number', doc: 'Video memory of the emulated card, in MiB.' },
  pci: { type: 'list', doc: 'PCI devices passed through to the guest (`BDF` strings).' },
};

const plainStrings = 'pool kernel ramdisk cmdline root extra bootloader bootloader_user uuid seclabel init_seclabel device_tree acpi_firmware smbios_firmware bios_path_override pvshim_path pvshim_cmdline pvshim_extra rdm vnclisten vncpasswd display xauthority keymap spicehost spicepasswd spice_image_compression spice_streaming_video device_model_override device_model_user device_model_stubdomain_seclabel stubdomain_kernel stubdomain_ramdisk stubdomain_cmdline vuart sve arm_sci firmware_override';
const numbers = 'memory maxmem vcpus maxvcpus cpu_weight cap shadow_memory videoram rtc_timeoffset mmio_hole rdm_mem_boundary max_grant_frames max_maptrack_frames max_grant_version max_event_channels vmtrace_buf_kb vncdisplay spiceport spicetls_port spiceusbredirection stubdomain_memory altp2m_count xenstore_feature_mask nr_spis pci_permissive pci_msitranslate pci_seize pci_power_mgmt period slice latency extratime';
const booleans = 'pae acpi acpi_s3 acpi_s4 acpi_laptop_slate apic nx hpet hap oos nestedhvm localtime vpt_align xen_platform_pci xen_platform_pci_bar_uc hvm_pirq usb vkb_device vnc vncunused sdl opengl nographic spice spicedisable_ticketing spiceagent_mouse spicevdagent spice_clipboard_sharing nomigrate driver_domain pvshim e820_host bootloader_restrict dm_restrict device_model_stubdomain_override xend_suspend_evtchn_compat vpmu msr_relaxed trap_unmapped_accesses';
const stringOrLists = 'serial usbdevice cpus cpus_soft cpuid';
const lists = 'disk vif vtpm p9 pvcalls vfb channel usbctrl usbdev pci dtdev ioports iomem irqs vdispl vsnd vkb virtio vnuma xenstore_quota smbios mca_caps llc_colors bootloader_args device_model_args device_model_args_pv device_model_args_hvm';

const typeText: Record<XlKeyType, string> = {
  enum: 'a quoted name',
  string: 'a quoted string',
  number: 'a number',
  boolean: 'a boolean: 0 or 1',
  stringOrList: 'a quoted string or a list of strings',
  booleanOrList: 'a boolean or a list of group names',
  booleanOrEnum: 'a boolean or a quoted name',
  list: 'a list of quoted spec strings',
  ignored: 'ignored by xl',
};

function build(): Map<string, XlKeyInfo> {
  const keys = new Map<string, XlKeyInfo>();
  const add = (names: string, type: XlKeyType): void => {
    for (const name of names.split(' ')) keys.set(name, { type });
  };
  add(plainStrings, 'string');
  add(numbers, 'number');
  add(booleans, 'boolean');
  add(stringOrLists, 'stringOrList');
  add(lists, 'list');
  for (const [name, info] of Object.entries(described)) keys.set(name, { ...keys.get(name), ...info });
  return keys;
}

export const xlKeys: ReadonlyMap<string, XlKeyInfo> = build();

/** One line naming what kind of value a key takes. */
export function describeXlType(info: XlKeyInfo): string {
  return typeText[info.type];
}

/** Keys whose value is read as a number (booleans are numbers too). */
export function isNumericXlKey(info: XlKeyInfo | undefined): boolean {
  return info?.type === 'number' || info?.type === 'boolean';
}
