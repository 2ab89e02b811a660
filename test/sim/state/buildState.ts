import type { Dom0State, EfiVariable, MapValue, MdArray, SimRecord, SimState } from './simState';
import type { GuestPreset, ScenarioSpec, VmSpec } from './scenarioSpec';
import { uuidFrom } from './uuidFrom';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const EFI_GLOBAL = '8be4df61-93ca-11d2-aa0d-00e098032b8c';
const EFI_SECURITY_DB = 'd719b2cb-3d3a-4596-a3bc-dad00e67656f';
const INSTALL_TIME = '20240312T09:14:27Z';
const BOOT_TIME = '20250106T08:02:41Z';

/** The expanded scenario: the state file, plus the files of the master's dom0. */
export interface BuiltScenario {
  state: SimState;
  files: Record<string, string>;
  dirs: string[];
}

function softwareVersion(productVersion: string, hostname: string): MapValue {
  if (productVersion.startsWith('8.2')) {
    return {
      product_version: '8.2.1', product_version_text: '8.2', product_version_text_short: '8.2', platform_name: 'XCP', platform_version: '3.2.1',
      product_brand: 'XCP-ng', build_number: 'release/yangtze/master/58', hostname, date: '2021-11-16', dbv: '0.0.1', xapi: '1.20', xen: '4.13.5-9.40',
      linux: '4.19.0+1', xencenter_min: '2.16', xencenter_max: '2.16', network_backend: 'openvswitch', db_schema: '5.602',
    };
  }
  return {
    product_version: '8.3.0', product_version_text: '8.3', product_version_text_short: '8.3', platform_name: 'XCP', platform_version: '3.4.0',
    product_brand: 'XCP-ng', build_number: 'cloud', hostname, date: '2024-10-01', dbv: '0.0.1', xapi: '24.19', xapi_build: '24.19.2', xen: '4.17.5-3',
    linux: '4.19.0+1', xencenter_min: '2.21', xencenter_max: '2.21', network_backend: 'openvswitch', db_schema: '5.780',
  };
}

/** The arrays of the seed guide: the installer's RAID1 and the RAID5 the guide builds. */
function mdArrays(names: string[], hostname: string): Dom0State['md'] {
  const arrays: MdArray[] = [];
  if (names.includes('md0')) {
    arrays.push({
      device: 'md0', level: 'raid5', metadata: '1.2', uuid: '53461f34:2414371e:820f9514:008b6458', name: `${hostname}:0`,
      members: [{ dev: 'sde', role: 2, major: 8, minor: 64 }, { dev: 'sdd', role: 1, major: 8, minor: 48 }, { dev: 'sdc', role: 0, major: 8, minor: 32 }],
      raidDevices: 3, blocks: 1953260544, usedDevBlocks: 976630272, chunkKB: 512, bitmap: '0/8 pages [0KB], 65536KB chunk',
      creationTime: 'Mon Jan  4 10:02:11 2021', updateTime: 'Mon Jan  6 08:03:15 2025', events: 2,
    });
  }
  if (names.includes('md127')) {
    arrays.push({
      device: 'md127', level: 'raid1', metadata: '1.0', uuid: '09871a29:26fa7ce1:0c9b040a:60f5cabf', name: 'localhost:127',
      members: [{ dev: 'sdb', role: 1, major: 8, minor: 16 }, { dev: 'sda', role: 0, major: 8, minor: 0 }],
      raidDevices: 2, blocks: 976762432, usedDevBlocks: 976762432, bitmap: '1/8 pages [4KB], 65536KB chunk',
      creationTime: 'Fri Dec 18 15:40:02 2020', updateTime: 'Mon Jan  6 08:04:51 2025', events: 1187,
    });
  }
  const personalities = names.length === 0 ? [] : names.includes('md0') ? ['raid1', 'raid6', 'raid5', 'raid4'] : ['raid1'];
  return { personalities, arrays };
}

function macFrom(seed: string): string {
  const h = uuidFrom(seed).replace(/-/g, '');
  // Locally administered unicast, like xapi's random MACs.
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, '0');
  return [first, h.slice(2, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10, 12)].join(':');
}

function guestMetrics(preset: GuestPreset, name: string, networks: MapValue): Record<string, unknown> | null {
  const linuxOther = {
    'feature-shutdown': '1', 'feature-poweroff': '1', 'feature-reboot': '1', 'feature-suspend': '1', 'feature-vcpu-hotplug': '1',
    'has-vendor-device': '0', 'platform-feature-multiprocessor-suspend': '1', 'platform-feature-xs_reset_watches': '1',
  };
  const common = { 'PV-drivers-detected': 'true', 'PV-drivers-up-to-date': 'true', memory: {}, disks: {}, networks, live: 'true', 'guest-metrics-last-updated': BOOT_TIME };
  switch (preset) {
    case 'none':
      return null;
    case 'windows':
      return {
        ...common,
        'os-version': { name: `${name}|C:\\Windows|\\Device\\Harddisk0\\Partition2`, distro: 'windows', major: '10', minor: '0', spmajor: '0', spminor: '0' },
        'PV-drivers-version': { major: '9', minor: '1', micro: '100', build: '62' },
        other: { 'feature-shutdown': '1', 'feature-poweroff': '1', 'feature-reboot': '1', 'feature-suspend': '1', 'feature-s3': '1', 'feature-s4': '1', 'has-vendor-device': '1', 'platform-feature-multiprocessor-suspend': '1', 'data-ts': '1' },
        'can-use-hotplug-vbd': 'yes',
        'can-use-hotplug-vif': 'yes',
      };
    case 'pfsense':
      return {
        ...common,
        'os-version': { name: 'FreeBSD 14.0-CURRENT', uname: '14.0-CURRENT', distro: 'freebsd', major: '14', minor: '0' },
        'PV-drivers-version': { major: '7', minor: '30', micro: '0', build: '1' },
        other: linuxOther,
        'can-use-hotplug-vbd': 'unspecified',
        'can-use-hotplug-vif': 'unspecified',
      };
    default: {
      const os: Record<string, MapValue> = {
        debian: { name: 'Debian GNU/Linux 12 (bookworm)', uname: '6.1.0-28-amd64', distro: 'debian', major: '12', minor: '8' },
        ubuntu: { name: 'Ubuntu 24.04.1 LTS', uname: '6.8.0-49-generic', distro: 'ubuntu', major: '24', minor: '04' },
        centos: { name: 'CentOS Linux release 7.9.2009 (Core)', uname: '3.10.0-1160.el7.x86_64', distro: 'centos', major: '7', minor: '9' },
      };
      return {
        ...common,
        'os-version': os[preset] ?? {},
        'PV-drivers-version': { major: '8', minor: '4', micro: '0', build: '1' },
        other: linuxOther,
        'can-use-hotplug-vbd': 'yes',
        'can-use-hotplug-vif': 'yes',
      };
    }
  }
}

function platformFor(spec: VmSpec, flavour83: boolean): MapValue {
  const windows = spec.guest === 'windows';
  const p: MapValue = { timeoffset: '0', videoram: '8', hpet: 'true', secureboot: spec.secureboot ? 'true' : 'false', 'device-model': 'qemu-upstream-compat', apic: 'true', pae: 'true', acpi: '1', nx: 'true' };
  if (windows) Object.assign(p, { viridian: 'true', viridian_time_ref_count: 'true', viridian_reference_tsc: 'true', viridian_apic_assist: 'true', viridian_crash_ctl: 'true', viridian_stimer: 'true' });
  if (spec.nested) p[flavour83 ? 'nested-virt' : 'exp-nested-hvm'] = 'true';
  if (spec.guest === 'pfsense') p['nic_type'] = 'e1000';
  return p;
}

function uefiNvram(secureboot: boolean): EfiVariable[] {
  const vars: EfiVariable[] = [
    { guid: EFI_GLOBAL, name: 'Boot0000' }, { guid: EFI_GLOBAL, name: 'Boot0001' }, { guid: EFI_GLOBAL, name: 'BootOrder' },
    { guid: EFI_GLOBAL, name: 'Lang' }, { guid: EFI_GLOBAL, name: 'PlatformLang' }, { guid: EFI_GLOBAL, name: 'Timeout' },
    { guid: EFI_GLOBAL, name: 'ConOut' }, { guid: EFI_GLOBAL, name: 'ConIn' }, { guid: EFI_GLOBAL, name: 'ErrOut' },
    { guid: EFI_GLOBAL, name: 'PK' },
  ];
  if (secureboot) vars.push({ guid: EFI_GLOBAL, name: 'KEK' }, { guid: EFI_SECURITY_DB, name: 'db' }, { guid: EFI_SECURITY_DB, name: 'dbx' });
  return vars;
}

function overheadOf(memory: number): number {
  // Shadow and p2m overhead grows with memory; rounded to pages.
  return Math.ceil((memory / 128 + 2 * MiB) / 4096) * 4096;
}

/** Expands a scenario (already merged with its base) into the pool state. */
export function buildState(spec: ScenarioSpec): BuiltScenario {
  const seed = spec.name;
  const id = (kind: string, key: string, explicit?: string): string => explicit ?? uuidFrom(`${seed}/${kind}/${key}`);
  const productVersion = spec.productVersion ?? '8.3.0';
  const flavour83 = !productVersion.startsWith('8.2');
  const hostSpecs = spec.hosts ?? [];
  const hostUuid = new Map(hostSpecs.map((h) => [h.key, id('host', h.key, h.uuid)] as const));
  const hostByKey = (key: string | undefined): string | null => (key === undefined ? null : (hostUuid.get(key) ?? null));
  const srUuid = new Map((spec.srs ?? []).map((s) => [s.key, id('sr', s.key, s.uuid)] as const));
  const netUuid = new Map((spec.networks ?? []).map((n) => [n.key, id('network', n.key, n.uuid)] as const));

  const state: SimState = { schema: 1, delayMs: spec.delayMs ?? 0, pool: { uuid: id('pool', 'pool', spec.pool?.uuid) }, hosts: [], vms: [], vifs: [], networks: [], pifs: [], srs: [] };

  for (const h of hostSpecs) {
    const uuid = hostUuid.get(h.key) ?? '';
    const hostname = h['name-label'];
    const total = h.memoryGiB * GiB;
    const dom0: Dom0State = {
      kernel: '4.19.0+1',
      xenCmdline: `dom0_mem=${h.dom0MemoryMiB}M,max:${h.dom0MemoryMiB}M watchdog ucode=scan dom0_max_vcpus=1-${h.dom0Vcpus} crashkernel=256M,below=4G console=vga vga=mode-0x0311`,
      bootXenCmdline: '',
      dom0Cmdline: 'root=LABEL=root-vgdorj ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles',
      md: mdArrays(h.raid ?? [], hostname),
      uefiCerts: [],
    };
    dom0.bootXenCmdline = dom0.xenCmdline;
    state.hosts.push({
      uuid,
      'name-label': hostname,
      'software-version': softwareVersion(productVersion, hostname),
      'other-config': { agent_start_time: '1736150561.', boot_time: '1736150437.', iscsi_iqn: `iqn.2024-03.lab.example:${uuid.slice(0, 8)}`, multipathing: 'false', multipathhandle: 'dmp' },
      'cpu_info': {
        cpu_count: String(h.cpus), socket_count: '1', vendor: 'GenuineIntel', speed: '3192.606', modelname: 'Intel(R) Xeon(R) E-2236 CPU @ 3.40GHz',
        family: '6', model: '158', stepping: '10', flags: 'fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush acpi mmx fxsr sse sse2 ht syscall nx lm constant_tsc rep_good nopl nonstop_tsc cpuid pni pclmulqdq monitor est ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch fsgsbase bmi1 avx2 bmi2 erms xsaveopt arat',
        features_pv: '1fc9cbf5-f6f83203-2991cbf5-00000123-00000007-009c0ab9-00000000-00000000-00001000-ac000400-00000000-00000000-00000000-00000000-00000000-00000000',
        features_hvm: '1fcbfbff-f7fa3223-2d93fbff-00000523-00000007-009c27ab-00000000-00000000-00001000-bc000400-00000000-00000000-00000000-00000000-00000000-00000000',
      },
      hostname,
      address: h.address,
      'memory-overhead': Math.round(total * 0.0085 / 4096) * 4096,
      'memory-total': total,
      iscsi_iqn: `iqn.2024-03.lab.example:${uuid.slice(0, 8)}`,
      ...(h.fields ?? {}),
      _dom0: dom0,
    });
    const dom0Mem = h.dom0MemoryMiB * MiB;
    state.vms.push({
      uuid: id('dom0', h.key, h.dom0Uuid),
      'name-label': `Control domain on host: ${hostname}`,
      'name-description': 'The domain which manages physical devices and manages other domains',
      'is-control-domain': 'true',
      'power-state': 'running',
      'memory-actual': dom0Mem, 'memory-target': dom0Mem, 'memory-overhead': overheadOf(dom0Mem),
      'memory-static-max': dom0Mem, 'memory-dynamic-max': dom0Mem, 'memory-dynamic-min': dom0Mem, 'memory-static-min': dom0Mem,
      'VCPUs-max': h.dom0Vcpus, 'VCPUs-at-startup': h.dom0Vcpus, 'VCPUs-number': h.dom0Vcpus,
      hvm: 'false', 'domain-type': 'pv', 'HVM-boot-policy': '', 'actions-after-crash': 'Destroy',
      'resident-on': uuid, affinity: uuid, 'dom-id': 0,
      'other-config': { storage_driver_domain: `OpaqueRef:${uuidFrom(`${uuid}/dom0ref`)}`, is_system_domain: 'true', perfmon: '<config><variable><name value="fs_usage"/><alarm_trigger_level value="0.9"/><alarm_trigger_period value="60"/><alarm_auto_inhibit_period value="3600"/></variable></config>' },
      'start-time': BOOT_TIME, 'install-time': INSTALL_TIME,
      _gm: null,
    });
  }

  const allHosts = [...hostUuid.values()];
  for (const n of spec.networks ?? []) {
    const uuid = netUuid.get(n.key) ?? '';
    state.networks.push({ uuid, 'name-label': n['name-label'], 'name-description': n['name-description'] ?? '', MTU: n.MTU ?? 1500, bridge: n.bridge, 'other-config': n.device ? { automatic: 'true' } : { automatic: 'false' }, ...(n.fields ?? {}) });
    if (!n.device) continue;
    for (const h of hostSpecs) {
      const hUuid = hostUuid.get(h.key) ?? '';
      const mgmt = n.management === true;
      state.pifs.push({
        uuid: id('pif', `${h.key}/${n.key}`, n.pifs?.[h.key]), device: n.device ?? '', MAC: n.pifMacs?.[h.key] ?? macFrom(`${seed}/pifmac/${h.key}/${n.device ?? ''}`).replace(/^../, '0c'), MTU: n.MTU ?? 1500,
        management: String(mgmt), 'network-uuid': uuid, 'host-uuid': hUuid,
        'IP-configuration-mode': mgmt ? 'Static' : 'None', IP: mgmt ? h.address : '', netmask: mgmt ? '255.255.255.0' : '',
        gateway: mgmt ? h.address.replace(/\.\d+$/, '.1') : '', DNS: mgmt ? h.address.replace(/\.\d+$/, '.1') : '',
        'pci-bus-path': `0000:0${3 + (Number((n.device ?? 'eth0').replace(/\D/g, '')) || 0)}:00.0`,
        'other-config': {},
      });
    }
  }

  for (const s of spec.srs ?? []) {
    const hosts = s.hosts === 'all' ? allHosts : s.hosts.map((k) => hostUuid.get(k) ?? '');
    const size = s.unknownSize ? -1 : Math.round((s.sizeGiB ?? 0) * GiB);
    const used = s.unknownSize ? -1 : Math.round((s.usedGiB ?? 0) * GiB);
    state.srs.push({
      uuid: srUuid.get(s.key) ?? '', 'name-label': s['name-label'], type: s.type, 'content-type': s['content-type'] ?? 'user',
      shared: String(hosts.length > 1), 'physical-size': size, 'physical-utilisation': used, 'virtual-allocation': s.unknownSize ? -1 : used,
      'other-config': s.type === 'udev' ? { 'i18n-original-value-name_label': s['name-label'], 'i18n-key': 'local-hotplug-cd' } : {},
      'sm-config': s.type === 'ext' || s.type === 'lvm' ? { devserial: 'scsi-3600508b1001c5a4f2b1cd1e1a3b7d0f1' } : {},
      ...(s.fields ?? {}),
      _hosts: hosts,
    });
  }

  const pool = state.pool;
  Object.assign(pool, {
    'name-label': spec.pool?.['name-label'] ?? spec.name,
    master: hostByKey(spec.pool?.master ?? hostSpecs[0]?.key),
    'default-SR': spec.pool?.['default-SR'] ? (srUuid.get(spec.pool['default-SR']) ?? null) : null,
    'other-config': { 'memory-ratio-hvm': '0.25', 'memory-ratio-pv': '0.25' },
    'cpu_info': { cpu_count: String(hostSpecs.reduce((n, h) => n + h.cpus, 0)), socket_count: String(hostSpecs.length), vendor: 'GenuineIntel' },
    ...(spec.pool?.fields ?? {}),
    _uefiCerts: [],
  });
  if (pool['default-SR']) {
    pool['crash-dump-SR'] = pool['default-SR'];
    pool['suspend-image-SR'] = pool['default-SR'];
  }

  for (const v of spec.vms ?? []) addVm(state, v, { id, hostByKey, srUuid, netUuid, flavour83, seed });

  for (const t of spec.templates ?? []) {
    state.vms.push({
      uuid: id('template', t['name-label']), 'name-label': t['name-label'], 'name-description': '', 'is-a-template': 'true',
      'is-default-template': String(t.default === true), 'HVM-boot-params': { order: 'cdn', firmware: 'bios' }, 'install-time': INSTALL_TIME,
      'other-config': { 'install-methods': 'cdrom,nfs,http,ftp', linux_template: 'true' },
      ...(t.fields ?? {}),
      _gm: null,
    });
  }
  return { state, files: { ...(spec.files ?? {}) }, dirs: [...(spec.dirs ?? [])] };
}

interface VmContext {
  id: (kind: string, key: string, explicit?: string) => string;
  hostByKey: (key: string | undefined) => string | null;
  srUuid: Map<string, string>;
  netUuid: Map<string, string>;
  flavour83: boolean;
  seed: string;
}

function addVm(state: SimState, v: VmSpec, c: VmContext): void {
  const uuid = c.id('vm', v.key, v.uuid);
  const power = v['power-state'] ?? 'halted';
  const live = power === 'running' || power === 'paused';
  const memory = (v.memoryMiB ?? 2048) * MiB;
  const vcpus = v.vcpus ?? 2;
  const host = c.hostByKey(v.on);
  const guest = v.guest ?? 'debian';
  const srs = (v.disks ?? []).map((k) => c.srUuid.get(k) ?? '');
  const netMap: MapValue = {};
  (v.vifs ?? []).forEach((vif, device) => {
    if (vif.ip) Object.assign(netMap, { [`${device}/ip`]: vif.ip, [`${device}/ipv4/0`]: vif.ip });
    if (vif.ipv6) netMap[`${device}/ipv6/0`] = vif.ipv6;
  });
  const uefi = v.firmware === 'uefi';
  const snapshots = (v.snapshots ?? []).map((s) => ({ ...s, uuid: c.id('snapshot', `${v.key}/${s['name-label']}`) }));
  const rec: SimRecord = {
    uuid,
    'name-label': v['name-label'],
    'name-description': v['name-description'] ?? '',
    'power-state': power,
    'memory-actual': live ? memory : 0,
    'memory-target': live ? memory : 0,
    'memory-overhead': overheadOf(memory),
    'memory-static-max': memory, 'memory-dynamic-max': memory, 'memory-dynamic-min': memory, 'memory-static-min': Math.min(memory, 512 * MiB),
    'VCPUs-max': vcpus, 'VCPUs-at-startup': vcpus, 'VCPUs-number': live ? vcpus : 0,
    platform: platformFor(v, c.flavour83),
    'HVM-boot-params': { order: uefi ? 'dc' : 'cd', firmware: uefi ? 'uefi' : 'bios' },
    'resident-on': live ? host : null,
    affinity: host,
    'dom-id': live ? state.vms.filter((x) => Number(x['dom-id'] ?? -1) > 0).length + 1 : -1,
    'other-config': {
      base_template_name: guest === 'windows' ? 'Windows Server 2022 (64-bit)' : guest === 'pfsense' || guest === 'none' ? 'Other install media' : 'Debian Bookworm 12',
      mac_seed: uuidFrom(`${uuid}/mac_seed`),
      'install-methods': 'cdrom,nfs,http,ftp',
      ...(guest === 'windows' || guest === 'pfsense' || guest === 'none' ? {} : { linux_template: 'true' }),
      ...(v.autoPoweron ? { auto_poweron: 'true' } : {}),
    },
    'last-boot-CPU-flags': live ? { vendor: 'GenuineIntel', features: '1fcbfbff-f7fa3223-2d93fbff-00000403-00000001-009c27ab-00000000-00000000-00001000-ac000400-00000000-00000000-00000000-00000000-00000000-00000000' } : {},
    recommendations: '<restrictions><restriction field="memory-static-max" max="1649267441664"/><restriction field="vcpus-max" max="64"/><restriction property="number-of-vbds" max="255"/><restriction property="number-of-vifs" max="7"/><restriction field="has-vendor-device" value="false"/></restrictions>',
    'start-time': live ? BOOT_TIME : '19700101T00:00:00Z',
    'install-time': INSTALL_TIME,
    'VBDs': [...srs.map((_, i) => uuidFrom(`${uuid}/vbd/${i}`)), uuidFrom(`${uuid}/vbd/cd`)],
    'bios-strings': { 'bios-vendor': 'Xen', 'bios-version': '', 'system-manufacturer': 'Xen', 'system-product-name': 'HVM domU', 'system-version': '', 'system-serial-number': '', 'baseboard-manufacturer': '', 'baseboard-product-name': '', 'hp-rombios': '', 'oem-1': 'Xen', 'oem-2': 'MS_VM_CERT/SHA1/bdbeb6e0a816d43fa6d3fe8aaef04c2bad9d3e3d' },
    'has-vendor-device': String(guest === 'windows'),
    'generation-id': guest === 'windows' ? '3286462463:1283628839' : '',
    tags: v.tags ?? [],
    snapshots: snapshots.map((s) => s.uuid),
    ...(power === 'suspended' ? { 'suspend-VDI-uuid': uuidFrom(`${uuid}/suspend/0`), 'suspend-SR-uuid': srs[0] ?? null } : {}),
    ...(v.fields ?? {}),
    _gm: guestMetrics(guest, v['name-label'], netMap),
    _srs: srs,
    _vbdDevices: [...srs.map((_, i) => String(i)), '3'],
    _nvram: uefi ? uefiNvram(v.secureboot === true) : [],
  };
  state.vms.push(rec);
  for (const s of snapshots) {
    state.vms.push({
      uuid: s.uuid, 'name-label': s['name-label'], 'is-a-template': 'true', 'is-a-snapshot': 'true', 'snapshot-of': uuid, 'snapshot-time': s.time,
      'memory-static-max': memory, 'memory-dynamic-max': memory, 'memory-dynamic-min': memory, 'VCPUs-max': vcpus, 'VCPUs-at-startup': vcpus,
      platform: platformFor(v, c.flavour83), 'HVM-boot-params': rec['HVM-boot-params'], 'other-config': rec['other-config'], 'install-time': INSTALL_TIME,
      _gm: null, _srs: srs,
    });
  }
  (v.vifs ?? []).forEach((vif, device) => {
    const net = state.networks.find((n) => n.uuid === c.netUuid.get(vif.network));
    state.vifs.push({
      uuid: vif.uuid ?? uuidFrom(`${uuid}/vif/${device}`), 'vm-uuid': uuid, device: String(device), MAC: vif.mac ?? macFrom(`${c.seed}/vifmac/${v.key}/${device}`),
      MTU: net ? Number(net['MTU'] ?? 1500) : 1500, 'network-uuid': c.netUuid.get(vif.network) ?? null, 'other-config': vif['other-config'] ?? {},
    });
  });
}
