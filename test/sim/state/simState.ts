/**
 * The lab simulator's persisted pool. One JSON file per simulated server; every `xe` call reads it and
 * mutating calls rewrite it atomically (see {@link StateStore}).
 *
 * Records are keyed by xe field names (exactly as `xe *-param-list` prints them, without the marker).
 * A field missing from a record takes the default of its {@link FieldSpec}. Keys starting with `_` are
 * simulator bookkeeping that xe never prints (guest metrics, NVRAM, dom0 files...).
 */
export type MapValue = { [key: string]: string };
export type FieldValue = string | number | boolean | null | string[] | MapValue;

/** One object of the simulated database (VM, host, ...). */
export interface SimRecord {
  uuid: string;
  [field: string]: unknown;
}

export interface MdMember {
  /** Kernel name of the member, e.g. `sdc`. */
  dev: string;
  /** RaidDevice slot. */
  role: number;
  major: number;
  minor: number;
  /** `faulty` prints `(F)` in /proc/mdstat and `faulty` in `mdadm --detail`. */
  state?: 'active' | 'faulty' | 'spare';
}

export interface MdArray {
  /** `md0`, `md127`. */
  device: string;
  /** `raid1`, `raid5`... */
  level: string;
  /** Superblock version: `1.0`, `1.2`. */
  metadata: string;
  /** mdadm form `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`. */
  uuid: string;
  /** Superblock name, `homehost:N`. */
  name: string;
  members: MdMember[];
  /** Number of member slots (`Raid Devices`); fewer active members means degraded. */
  raidDevices: number;
  /** Array size in 1 KiB blocks, as /proc/mdstat prints it. */
  blocks: number;
  /** Per-member used size in 1 KiB blocks. */
  usedDevBlocks: number;
  chunkKB?: number;
  /** Bitmap line of /proc/mdstat without the `bitmap: ` prefix, or absent. */
  bitmap?: string;
  creationTime: string;
  updateTime: string;
  events: number;
}

/** What the dom0 of a host holds beyond the xapi database. */
export interface Dom0State {
  /** `uname -r` of dom0. */
  kernel: string;
  /** Xen command line as written in the bootloader config (what xen-cmdline edits). */
  xenCmdline: string;
  /** Xen command line the host booted with; becomes {@link xenCmdline} at the next host reboot. */
  bootXenCmdline: string;
  /** dom0 kernel command line (xen-cmdline --get-dom0 / --set-dom0). */
  dom0Cmdline: string;
  md: { personalities: string[]; arrays: MdArray[] };
  /** Names of the UEFI certificates in the host's xapi DB entry (`PK`, `KEK`, `db`, `dbx`). */
  uefiCerts: string[];
  /** What the last dracut run saw, so tests can check that the guide's drop-in was taken into account. */
  lastDracut?: { image: string; kernel: string; modules: string[]; drivers: string[]; kernelCmdline: string; mdadmConf: boolean; devices: string[] };
}

/** One UEFI variable of a VM's NVRAM, as varstore-ls lists it. */
export interface EfiVariable {
  guid: string;
  name: string;
}

export interface SimState {
  schema: 1;
  /** Extra milliseconds every xe call sleeps, to emulate xapi's real cost. */
  delayMs: number;
  pool: SimRecord;
  hosts: SimRecord[];
  vms: SimRecord[];
  vifs: SimRecord[];
  networks: SimRecord[];
  pifs: SimRecord[];
  srs: SimRecord[];
}

/** xe class names as they appear in command names (`vm-list`) and in UUID_INVALID's `type`. */
export type XeClass = 'pool' | 'host' | 'vm' | 'vif' | 'network' | 'pif' | 'sr';

export const XE_CLASSES: readonly XeClass[] = ['pool', 'host', 'vm', 'vif', 'network', 'pif', 'sr'];

export function recordsOf(state: SimState, cls: XeClass): SimRecord[] {
  switch (cls) {
    case 'pool': return [state.pool];
    case 'host': return state.hosts;
    case 'vm': return state.vms;
    case 'vif': return state.vifs;
    case 'network': return state.networks;
    case 'pif': return state.pifs;
    case 'sr': return state.srs;
  }
}

/** The datamodel class name xapi prints in UUID_INVALID and HANDLE_INVALID. */
export function dbClassName(cls: XeClass): string {
  switch (cls) {
    case 'vm': return 'VM';
    case 'vif': return 'VIF';
    case 'pif': return 'PIF';
    case 'sr': return 'SR';
    default: return cls;
  }
}

export function masterOf(state: SimState): SimRecord | undefined {
  return state.hosts.find((h) => h.uuid === state.pool['master']);
}

/** 8.2 and 8.3 differ in field sets, boolean parsing and a few texts; the master's product_version decides. */
export type XapiFlavour = '8.2' | '8.3';

export function flavourOf(state: SimState): XapiFlavour {
  const sv = masterOf(state)?.['software-version'] as MapValue | undefined;
  return sv?.['product_version']?.startsWith('8.2') ? '8.2' : '8.3';
}
