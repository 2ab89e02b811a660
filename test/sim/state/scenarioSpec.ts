/**
 * The compact, human-written form of a scenario (test/sim/scenarios/*.yaml). {@link buildState} expands
 * it into the full {@link SimState}: realistic defaults, derived UUIDs, dom0 rows, PIFs, VIFs, guest metrics.
 */
export type FieldOverrides = Record<string, unknown>;

export interface HostSpec {
  key: string;
  uuid?: string;
  'name-label': string;
  address: string;
  memoryGiB: number;
  cpus: number;
  dom0MemoryMiB: number;
  dom0Vcpus: number;
  /** md arrays of the host: `md127` (the installer's RAID1 on sda+sdb) and `md0` (the seed guide's RAID5 on sdc-sde). */
  raid?: string[];
  /** UUID of the host's control-domain VM row. */
  dom0Uuid?: string;
  fields?: FieldOverrides;
}

export interface NetworkSpec {
  key: string;
  uuid?: string;
  /** PIF UUIDs by host key. */
  pifs?: Record<string, string>;
  /** PIF MACs by host key. */
  pifMacs?: Record<string, string>;
  'name-label': string;
  'name-description'?: string;
  bridge: string;
  /** Physical NIC carrying it on every host; absent for a private (host-internal) network. */
  device?: string;
  MTU?: number;
  management?: boolean;
  fields?: FieldOverrides;
}

export interface SrSpec {
  key: string;
  uuid?: string;
  'name-label': string;
  type: string;
  'content-type'?: string;
  /** Host keys with a PBD; `all` for every host. */
  hosts: string[] | 'all';
  sizeGiB?: number;
  usedGiB?: number;
  /** Prints `-1` sizes (iso/udev SRs). */
  unknownSize?: boolean;
  fields?: FieldOverrides;
}

export interface VifSpec {
  network: string;
  uuid?: string;
  ip?: string;
  ipv6?: string;
  mac?: string;
  'other-config'?: Record<string, string>;
}

export type GuestPreset = 'debian' | 'ubuntu' | 'centos' | 'windows' | 'pfsense' | 'none';

export interface VmSpec {
  key: string;
  uuid?: string;
  'name-label': string;
  'name-description'?: string;
  'power-state'?: 'halted' | 'running' | 'suspended' | 'paused';
  /** Host key: resident host when running/paused, affinity otherwise. */
  on?: string;
  vcpus?: number;
  memoryMiB?: number;
  firmware?: 'bios' | 'uefi';
  secureboot?: boolean;
  nested?: boolean;
  guest?: GuestPreset;
  /** SR keys of the VM's disks. */
  disks?: string[];
  vifs?: VifSpec[];
  tags?: string[];
  autoPoweron?: boolean;
  snapshots?: Array<{ 'name-label': string; time: string }>;
  fields?: FieldOverrides;
}

export interface TemplateSpec {
  'name-label': string;
  default?: boolean;
  fields?: FieldOverrides;
}

export interface ScenarioSpec {
  name: string;
  description?: string;
  extends?: string;
  /** Generated instead of written out: see generateLargePool. */
  generate?: { vms: number; hosts: number };
  productVersion?: '8.2.1' | '8.3.0';
  delayMs?: number;
  pool?: { uuid?: string; 'name-label'?: string; master?: string; 'default-SR'?: string; fields?: FieldOverrides };
  hosts?: HostSpec[];
  networks?: NetworkSpec[];
  srs?: SrSpec[];
  vms?: VmSpec[];
  templates?: TemplateSpec[];
  /** Files of the master's dom0 (`/etc/mdadm.conf`...) and directories to create. */
  files?: Record<string, string>;
  dirs?: string[];
  /** Keys of base-scenario objects to drop. */
  remove?: string[];
}
