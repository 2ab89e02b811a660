/**
 * The lab model: one pool as read in one snapshot. Plain data (no methods), so snapshots can be diffed,
 * cached and handed across layers. Uuids link objects; null stands for xe's `<not in database>`.
 */

/** The four states xapi stores; `unknown` only if a future xapi prints something else. */
export type PowerState = 'running' | 'halted' | 'suspended' | 'paused' | 'unknown';

/** The product release read from a host's `software-version:product_version` (e.g. `8.2.1`, `8.3.0`). */
export interface HostVersion {
  /** The raw product_version, null when the host did not report one. */
  readonly product: string | null;
  readonly major: number | null;
  readonly minor: number | null;
  /** The two releases whose commands differ for the guides; `other` for anything else (7.x, 8.0, 8.1, 9.x). */
  readonly release: '8.2' | '8.3' | 'other';
  /** `software-version:xapi` (e.g. `1.249`, `25.33`): some error parameters depend on it. */
  readonly xapi: string | null;
}

export interface Pool {
  readonly uuid: string;
  readonly name: string;
  readonly description: string;
  readonly masterUuid: string | null;
  readonly defaultSrUuid: string | null;
  readonly haEnabled: boolean;
  /** `other-config:auto_poweron=true`: the pool half of VM autostart. */
  readonly autoPowerOn: boolean;
  readonly otherConfig: ReadonlyMap<string, string>;
  readonly tags: readonly string[];
}

export interface Host {
  readonly uuid: string;
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  /** `other-config:MAINTENANCE_MODE=true`, set by maintenance tooling; host-enable clears it. */
  readonly maintenanceMode: boolean;
  readonly isMaster: boolean;
  readonly address: string;
  readonly hostname: string;
  readonly version: HostVersion;
  readonly softwareVersion: ReadonlyMap<string, string>;
  /** Bytes; null without host metrics (host offline). */
  readonly memoryTotal: number | null;
  readonly memoryFree: number | null;
  readonly controlDomainUuid: string | null;
  readonly otherConfig: ReadonlyMap<string, string>;
  readonly tags: readonly string[];
}

export interface VmMemory {
  readonly staticMin: number | null;
  readonly staticMax: number | null;
  readonly dynamicMin: number | null;
  readonly dynamicMax: number | null;
  /** null when the VM has no metrics (halted). */
  readonly actual: number | null;
}

export interface VmCpus {
  readonly max: number | null;
  readonly atStartup: number | null;
  /** From metrics: null when halted. */
  readonly current: number | null;
}

/** What a guest VM and a control domain share. */
interface Domain {
  readonly uuid: string;
  readonly name: string;
  readonly description: string;
  readonly powerState: PowerState;
  /** The host it runs on; null when halted or suspended. */
  readonly residentOn: string | null;
  readonly memory: VmMemory;
  readonly vcpus: VmCpus;
  readonly otherConfig: ReadonlyMap<string, string>;
}

export interface Vm extends Domain {
  readonly affinity: string | null;
  /** `hvm`, `pv`, `pvh`, `pv_in_pvh`... */
  readonly domainType: string;
  readonly platform: ReadonlyMap<string, string>;
  readonly hvmBootParams: ReadonlyMap<string, string>;
  /** Guest-reported; null without guest metrics. */
  readonly osVersion: ReadonlyMap<string, string> | null;
  /** Guest-reported `<devid>/ipv4/<n>` style keys; null without guest metrics. */
  readonly networks: ReadonlyMap<string, string> | null;
  /** Distinct addresses from `networks`, IPv4 first. */
  readonly ips: readonly string[];
  /** Operations xapi would accept now (`clean_shutdown`, `start`...): the preflight's first source. */
  readonly allowedOperations: readonly string[];
  readonly currentOperations: readonly string[];
  /** `other-config:auto_poweron=true`: the VM half of autostart. */
  readonly autoPowerOn: boolean;
  readonly tags: readonly string[];
}

/** A host's dom0, kept apart from guests: it cannot be started, stopped or migrated like them. */
export interface ControlDomain extends Domain {
  readonly hostUuid: string | null;
}

export interface Vif {
  readonly uuid: string;
  readonly vmUuid: string;
  readonly device: string;
  readonly mac: string;
  readonly mtu: number | null;
  readonly currentlyAttached: boolean;
  readonly networkUuid: string;
  readonly otherConfig: ReadonlyMap<string, string>;
}

export interface Network {
  readonly uuid: string;
  readonly name: string;
  readonly description: string;
  readonly bridge: string;
  readonly mtu: number | null;
  readonly pifUuids: readonly string[];
  readonly vifUuids: readonly string[];
  readonly otherConfig: ReadonlyMap<string, string>;
  readonly tags: readonly string[];
}

export interface Pif {
  readonly uuid: string;
  readonly device: string;
  readonly mac: string;
  /** -1 for untagged. */
  readonly vlan: number | null;
  readonly mtu: number | null;
  readonly physical: boolean;
  readonly currentlyAttached: boolean;
  /** Carries the host's management interface. */
  readonly management: boolean;
  readonly networkUuid: string;
  readonly hostUuid: string;
  readonly ipConfigurationMode: string;
  readonly ip: string;
}

export interface Sr {
  readonly uuid: string;
  readonly name: string;
  readonly description: string;
  /** The single host's name-label, or null for a shared SR (xe prints `<shared>`). */
  readonly hostName: string | null;
  readonly shared: boolean;
  readonly type: string;
  readonly contentType: string;
  /** Bytes; -1 on iso/udev SRs. */
  readonly physicalSize: number | null;
  readonly physicalUtilisation: number | null;
  readonly virtualAllocation: number | null;
  readonly tags: readonly string[];
}

/** One pool, read in one round trip. Each list is sorted by name in natural order, then by uuid. */
export interface LabSnapshot {
  readonly pool: Pool;
  readonly hosts: readonly Host[];
  readonly vms: readonly Vm[];
  readonly controlDomains: readonly ControlDomain[];
  readonly vifs: readonly Vif[];
  readonly networks: readonly Network[];
  readonly pifs: readonly Pif[];
  readonly srs: readonly Sr[];
}
