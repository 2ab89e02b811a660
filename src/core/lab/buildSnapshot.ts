import { XeParseError, type XeParseOptions } from '../xe/xeParseError';
import { XeRecordReader } from '../xe/xeRecordReader';
import { compareNatural, sortByNatural } from './compareNatural';
import type {
  ControlDomain,
  Host,
  HostVersion,
  LabSnapshot,
  Network,
  Pif,
  Pool,
  PowerState,
  Sr,
  Vif,
  Vm,
  VmCpus,
  VmMemory,
} from './labModel';
import type { SnapshotRecords } from './snapshotQuery';

/**
 * Turns the parsed sections of one snapshot into the lab model. Fields are read by name; in lenient mode an odd
 * field is reported to `onSkip` and defaulted rather than losing the pool. A pool-list with no record cannot
 * be defaulted and always throws.
 */
export function buildSnapshot(records: SnapshotRecords, options: XeParseOptions = {}): LabSnapshot {
  const poolRecord = records.pool[0];
  if (poolRecord === undefined) {
    throw new XeParseError('pool-list returned no pool', 0, '');
  }
  const pool = toPool(new XeRecordReader(poolRecord, 'pool', options));
  const hosts = records.host.map((r) => toHost(new XeRecordReader(r, 'host', options), pool.masterUuid));
  const vms: Vm[] = [];
  const controlDomains: ControlDomain[] = [];
  for (const record of records.vm) {
    const reader = new XeRecordReader(record, 'VM', options);
    if (reader.bool('is-control-domain')) {
      controlDomains.push(toControlDomain(reader));
    } else {
      vms.push(toVm(reader));
    }
  }
  return {
    pool,
    hosts: sortByNatural(hosts, (h) => h.name),
    vms: sortByNatural(vms, (v) => v.name),
    controlDomains: sortByNatural(controlDomains, (d) => d.name),
    vifs: sortByNatural(records.vif.map((r) => toVif(new XeRecordReader(r, 'VIF', options))), (v) => v.device),
    networks: sortByNatural(records.network.map((r) => toNetwork(new XeRecordReader(r, 'network', options))), (n) => n.name),
    pifs: sortByNatural(records.pif.map((r) => toPif(new XeRecordReader(r, 'PIF', options))), (p) => p.device),
    srs: sortByNatural(records.sr.map((r) => toSr(new XeRecordReader(r, 'SR', options))), (s) => s.name),
  };
}

function toPool(r: XeRecordReader): Pool {
  const otherConfig = r.map('other-config') ?? new Map<string, string>();
  return {
    uuid: r.string('uuid'),
    name: r.string('name-label'),
    description: r.string('name-description'),
    masterUuid: r.nullable('master'),
    defaultSrUuid: r.nullable('default-SR'),
    haEnabled: r.bool('ha-enabled'),
    autoPowerOn: otherConfig.get('auto_poweron') === 'true',
    otherConfig,
    tags: r.tags('tags'),
  };
}

function toHost(r: XeRecordReader, masterUuid: string | null): Host {
  const uuid = r.string('uuid');
  const softwareVersion = r.map('software-version') ?? new Map<string, string>();
  const otherConfig = r.map('other-config') ?? new Map<string, string>();
  return {
    uuid,
    name: r.string('name-label'),
    description: r.string('name-description'),
    enabled: r.bool('enabled'),
    maintenanceMode: otherConfig.get('MAINTENANCE_MODE') === 'true',
    isMaster: uuid === masterUuid,
    address: r.string('address'),
    hostname: r.string('hostname'),
    version: toHostVersion(softwareVersion),
    softwareVersion,
    memoryTotal: r.int('memory-total'),
    memoryFree: r.int('memory-free'),
    controlDomainUuid: r.nullable('control-domain-uuid'),
    otherConfig,
    tags: r.tags('tags'),
  };
}

/** Reads `product_version` (`8.2.1`, `8.3.0`); the release is what the guides switch on. */
export function toHostVersion(softwareVersion: ReadonlyMap<string, string>): HostVersion {
  const product = softwareVersion.get('product_version') ?? null;
  const m = product === null ? null : /^(\d+)\.(\d+)/.exec(product);
  const major = m ? Number(m[1]) : null;
  const minor = m ? Number(m[2]) : null;
  const release = major === 8 && minor === 2 ? '8.2' : major === 8 && minor === 3 ? '8.3' : 'other';
  return { product, major, minor, release, xapi: softwareVersion.get('xapi') ?? null };
}

const POWER_STATES: ReadonlySet<string> = new Set(['running', 'halted', 'suspended', 'paused']);

function toPowerState(r: XeRecordReader): PowerState {
  const raw = r.string('power-state');
  return POWER_STATES.has(raw) ? (raw as PowerState) : 'unknown';
}

function toMemory(r: XeRecordReader): VmMemory {
  return {
    staticMin: r.int('memory-static-min'),
    staticMax: r.int('memory-static-max'),
    dynamicMin: r.int('memory-dynamic-min'),
    dynamicMax: r.int('memory-dynamic-max'),
    actual: r.int('memory-actual'),
  };
}

function toCpus(r: XeRecordReader): VmCpus {
  return { max: r.int('VCPUs-max'), atStartup: r.int('VCPUs-at-startup'), current: r.int('VCPUs-number') };
}

function toVm(r: XeRecordReader): Vm {
  const otherConfig = r.map('other-config') ?? new Map<string, string>();
  const networks = r.map('networks');
  return {
    uuid: r.string('uuid'),
    name: r.string('name-label'),
    description: r.string('name-description'),
    powerState: toPowerState(r),
    residentOn: r.nullable('resident-on'),
    memory: toMemory(r),
    vcpus: toCpus(r),
    otherConfig,
    affinity: r.nullable('affinity'),
    domainType: r.string('domain-type'),
    platform: r.map('platform') ?? new Map<string, string>(),
    hvmBootParams: r.map('HVM-boot-params') ?? new Map<string, string>(),
    osVersion: r.map('os-version'),
    networks,
    ips: guestIps(networks),
    allowedOperations: r.set('allowed-operations'),
    currentOperations: r.set('current-operations'),
    autoPowerOn: otherConfig.get('auto_poweron') === 'true',
    tags: r.tags('tags'),
  };
}

/**
 * Guest addresses from the `networks` map (§4): `<dev>/ip` (legacy, the first IPv4), `<dev>/ipv4/<n>` and
 * `<dev>/ipv6/<n>`. Distinct, IPv4 before IPv6, devices in order.
 */
export function guestIps(networks: ReadonlyMap<string, string> | null): string[] {
  if (networks === null) {
    return [];
  }
  const v4: string[] = [];
  const v6: string[] = [];
  const keys = [...networks.keys()].sort(compareNatural);
  for (const key of keys) {
    const value = networks.get(key) ?? '';
    if (value === '') {
      continue;
    }
    if (/^\d+\/ipv6\/\d+$/.test(key)) {
      v6.push(value);
    } else if (/^\d+\/(?:ip|ipv4\/\d+)$/.test(key)) {
      v4.push(value);
    }
  }
  return [...new Set([...v4, ...v6])];
}

function toControlDomain(r: XeRecordReader): ControlDomain {
  const residentOn = r.nullable('resident-on');
  return {
    uuid: r.string('uuid'),
    name: r.string('name-label'),
    description: r.string('name-description'),
    powerState: toPowerState(r),
    residentOn,
    hostUuid: residentOn,
    memory: toMemory(r),
    vcpus: toCpus(r),
    otherConfig: r.map('other-config') ?? new Map<string, string>(),
  };
}

function toVif(r: XeRecordReader): Vif {
  return {
    uuid: r.string('uuid'),
    vmUuid: r.string('vm-uuid'),
    device: r.string('device'),
    mac: r.string('MAC'),
    mtu: r.int('MTU'),
    currentlyAttached: r.bool('currently-attached'),
    networkUuid: r.string('network-uuid'),
    otherConfig: r.map('other-config') ?? new Map<string, string>(),
  };
}

function toNetwork(r: XeRecordReader): Network {
  return {
    uuid: r.string('uuid'),
    name: r.string('name-label'),
    description: r.string('name-description'),
    bridge: r.string('bridge'),
    mtu: r.int('MTU'),
    pifUuids: r.set('PIF-uuids'),
    vifUuids: r.set('VIF-uuids'),
    otherConfig: r.map('other-config') ?? new Map<string, string>(),
    tags: r.tags('tags'),
  };
}

function toPif(r: XeRecordReader): Pif {
  return {
    uuid: r.string('uuid'),
    device: r.string('device'),
    mac: r.string('MAC'),
    vlan: r.int('VLAN'),
    mtu: r.int('MTU'),
    physical: r.bool('physical'),
    currentlyAttached: r.bool('currently-attached'),
    management: r.bool('management'),
    networkUuid: r.string('network-uuid'),
    hostUuid: r.string('host-uuid'),
    ipConfigurationMode: r.string('IP-configuration-mode'),
    ip: r.string('IP'),
  };
}

function toSr(r: XeRecordReader): Sr {
  const host = r.string('host');
  return {
    uuid: r.string('uuid'),
    name: r.string('name-label'),
    description: r.string('name-description'),
    // '<shared>' when several hosts see it; '<not in database>' when none does.
    hostName: host === '<shared>' || host === '<not in database>' ? null : host,
    shared: r.bool('shared'),
    type: r.string('type'),
    contentType: r.string('content-type'),
    physicalSize: r.int('physical-size'),
    physicalUtilisation: r.int('physical-utilisation'),
    virtualAllocation: r.int('virtual-allocation'),
    tags: r.tags('tags'),
  };
}
