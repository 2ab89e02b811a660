import type { FieldValue, XapiFlavour, XeClass } from '../state/simState';

/**
 * Field tables of the xe records, in xapi's declaration order (= output order), from xe-cli.md §7.
 * Markers: RO/RW scalars, SRO/SRW sets, MRO/MRW maps. Flags: `!` expensive (`<expensive field>` in lists),
 * `-` hidden (never listed, param-get only), `dep` ([DEPRECATED] suffix), `comma` (set joined with ", "),
 * `gm` (lives in the guest-metrics object: `<not in database>` when it is absent), `83`/`82` only on that
 * version. `=` starts the default used when a record does not hold the field: empty after `=` is the empty
 * string, `null` prints `<not in database>`, `{}`/`[]` are the empty map/set, `json:` parses JSON.
 * Fields without a default are computed or always present in the state.
 */
export type Marker = 'RO' | 'RW' | 'SRO' | 'SRW' | 'MRO' | 'MRW';

export interface FieldSpec {
  name: string;
  marker: Marker;
  expensive: boolean;
  hidden: boolean;
  deprecated: boolean;
  commaSet: boolean;
  guestMetrics: boolean;
  only?: XapiFlavour;
  default?: FieldValue;
}

const VM = `
uuid RO
name-label RW =
name-description RW =
user-version RW =1
is-a-template RW =false
is-default-template RW =false
is-a-snapshot RO =false
snapshot-of RO =null
snapshots RO =[]
snapshot-time RO =19700101T00:00:00Z
transportable-snapshot-id RO - =
snapshot-info RO ={}
parent RO =null
children RO =[]
is-control-domain RO =false
power-state RO =halted
memory-actual RO =0
memory-target RO ! =0
memory-overhead RO =0
memory-static-max RW =1073741824
memory-dynamic-max RW =1073741824
memory-dynamic-min RW =1073741824
memory-static-min RW =1073741824
suspend-VDI-uuid RW =null
suspend-SR-uuid RW =null
VCPUs-params MRW ={}
VCPUs-max RW =1
VCPUs-at-startup RW =1
actions-after-shutdown RW =Destroy
actions-after-softreboot RW 83 =Soft reboot
actions-after-reboot RW =Restart
actions-after-crash RW =Restart
console-uuids SRO
hvm RO =true
nomigrate RW - =false
nested-virt RW -
platform MRW ={}
allowed-operations SRO
current-operations SRO =[]
blocked-operations MRW ={}
allowed-VBD-devices SRO !
allowed-VIF-devices SRO !
possible-hosts RO !
domain-type RW =hvm
current-domain-type RO
HVM-boot-policy RW =BIOS order
HVM-boot-params MRW ={}
HVM-shadow-multiplier RW =1.000
NVRAM MRW - ={}
PV-kernel RW =
PV-ramdisk RW =
PV-args RW =
PV-legacy-args RW =
PV-bootloader RW =
PV-bootloader-args RW =
last-boot-CPU-flags RO =
last-boot-record RO ! =
resident-on RO =null
affinity RW =null
other-config MRW ={}
dom-id RO =-1
recommendations RO =
xenstore-data MRW ={}
ha-always-run RW dep =false
ha-restart-priority RW =
blobs RO ={}
start-time RO =19700101T00:00:00Z
install-time RO =19700101T00:00:00Z
VCPUs-number RO =0
VCPUs-utilisation MRO ! ={}
os-version MRO gm ={}
PV-drivers-version MRO gm ={}
PV-drivers-up-to-date RO dep gm 82 =false
memory MRO gm ={}
disks MRO gm ={}
VBDs SRO =[]
networks MRO gm ={}
PV-drivers-detected RO gm =false
other MRO gm ={}
live RO gm =true
guest-metrics-last-updated RO gm =19700101T00:00:00Z
can-use-hotplug-vbd RO gm =unspecified
can-use-hotplug-vif RO gm =unspecified
cooperative RO ! dep =true
tags SRW comma =[]
appliance RW =null
groups RW 83 =[]
snapshot-schedule RW =null
is-vmss-snapshot RO =false
start-delay RW =0
shutdown-delay RW =0
order RW =0
version RO =0
generation-id RO =
hardware-platform-version RO =0
has-vendor-device RW =false
requires-reboot RO =false
reference-label RO =
bios-strings MRO ={}
pending-guidances RO 83 =[]
vtpms RO 83 =[]
pending-guidances-recommended RO 83 =[]
pending-guidances-full RO 83 =[]
`;

const HOST = `
uuid RO
name-label RW =
name-description RW =Default install
allowed-operations SRO
current-operations SRO =[]
enabled RO =true
display RO =enabled
API-version-major RO =2
API-version-minor RO
API-version-vendor RO =XenSource
API-version-vendor-implementation MRO ={}
logging MRW ={}
suspend-image-sr-uuid RW =null
crash-dump-sr-uuid RW =null
software-version MRO ={}
capabilities SRO =json:["xen-3.0-x86_64","hvm-3.0-x86_32","hvm-3.0-x86_32p","hvm-3.0-x86_64"]
other-config MRW ={}
cpu_info MRO ={}
chipset-info MRO =json:{"iommu":"true"}
hostname RO =
address RO =
https-only RW =false
supported-bootloaders SRO =json:["pygrub","eliloader"]
blobs RO ={}
memory-overhead RO =0
memory-total RO =null
memory-free RO
memory-free-computed RO !
host-metrics-live RO =true
patches SRO dep comma =[]
updates SRO =[]
ha-statefiles RO =[]
ha-network-peers RO =[]
external-auth-type RO =
external-auth-service-name RO =
external-auth-configuration MRO ={}
edition RO =xcp-ng
license-server MRO =json:{"address":"localhost","port":"27000"}
power-on-mode RO =
power-on-config MRO ={}
local-cache-sr RO =null
tags SRW comma =[]
ssl-legacy RW =false
guest_VCPUs_params MRW ={}
virtual-hardware-platform-versions SRO =json:["0","1","2"]
control-domain-uuid RO
resident-vms SRO
updates-requiring-reboot SRO =[]
features SRO =[]
iscsi_iqn RW =
multipathing RW =false
uefi-certificates RW -
numa-affinity-policy RW 83 =default_policy
pending-guidances RO 83 =[]
pending-guidances-recommended RO 83 =[]
pending-guidances-full RO 83 =[]
tls-verification-enabled RO 83 =true
last-software-update RO 83 =19700101T00:00:00Z
latest-synced-updates-applied RO 83 =unknown
last-update-hash RO 83 =
`;

const POOL = `
uuid RO
name-label RW =
name-description RW =
master RO =null
default-SR RW =null
crash-dump-SR RW =null
suspend-image-SR RW =null
supported-sr-types RO ! =json:["lvm","ext","nfs","iso","udev","file","lvmoiscsi","lvmohba","cifs","smb","zfs","xfs","glusterfs","cephfs","moosefs","dummy","largeblock"]
other-config MRW ={}
allowed-operations SRO =json:["ha_enable","cluster_create","designate_new_master"]
current-operations SRO =[]
ha-enabled RO =false
ha-configuration RO ={}
ha-statefiles RO =[]
ha-host-failures-to-tolerate RW =0
ha-plan-exists-for RO =0
ha-allow-overcommit RW =false
ha-overcommitted RO =false
blobs RO ={}
wlb-url RO =
wlb-username RO =
wlb-enabled RW =false
wlb-verify-cert RW =false
igmp-snooping-enabled RW =false
gui-config MRW ={}
health-check-config MRW ={}
vswitch-controller RO - =
restrictions RO =json:{"restrict_vswitch_controller":"false","restrict_lab":"false","restrict_pool_attached_storage":"false","restrict_qos":"false","restrict_pool_size":"false","restrict_xen_motion":"false","restrict_wlb":"false","restrict_rbac":"false","restrict_vgpu":"false","restrict_export_resource_data":"false","enable_xha":"true","platform_filter":"false"}
tags SRW comma =[]
license-state RO =json:{"edition":"xcp-ng","expiry":"never"}
ha-cluster-stack RO =xhad
guest-agent-config MRW ={}
cpu_info MRO ={}
policy-no-vendor-device RW =false
live-patching-disabled RW =false
uefi-certificates RO -
https-only RW =false
tls-verification-enabled RO 83 =true
client-certificate-auth-enabled RO 83 =false
client-certificate-auth-name RO 83 =
repositories SRW 83 =[]
repository-proxy-url RO 83 =
repository-proxy-username RO 83 =
migration-compression RW 83 =false
coordinator-bias RW 83 =true
telemetry-uuid RO 83 =null
telemetry-frequency RO 83 =weekly
telemetry-next-collection RO 83 =19700101T00:00:00Z
last-update-sync RO 83 =19700101T00:00:00Z
update-sync-frequency RO 83 =weekly
update-sync-day RO 83 =0
update-sync-enabled RO 83 =false
recommendations MRO 83 ={}
`;

const VIF = `
uuid RO
vm-uuid RO
vm-name-label RO
allowed-operations SRO
current-operations SRO =[]
device RO =0
MAC RO =
MAC-autogenerated RO =true
MTU RO =1500
currently-attached RO
qos_algorithm_type RW =
qos_algorithm_params MRW ={}
qos_supported_algorithms SRO =[]
other-config MRW ={}
network-uuid RO
network-name-label RO
io_read_kbs RO !
io_write_kbs RO !
locking-mode RW =network_default
ipv4-allowed SRW =[]
ipv6-allowed SRW =[]
ipv4-configuration-mode RO =None
ipv4-addresses SRO =[]
ipv4-gateway RO =
ipv6-configuration-mode RO =None
ipv6-addresses SRO =[]
ipv6-gateway RO =
`;

const NETWORK = `
uuid RO
name-label RW =
name-description RW =
VIF-uuids SRO
PIF-uuids SRO
MTU RW =1500
bridge RO =
managed RO =true
other-config MRW ={}
blobs RO ={}
tags SRW comma =[]
default-locking-mode RW =unlocked
purpose SRW comma =[]
`;

const PIF = `
uuid RO
device RO =
MAC RO =
physical RO =true
managed RO =true
currently-attached RO =true
MTU RO =1500
VLAN RO =-1
vlan-master-of RO =null
vlan-slave-of SRO =[]
bond-master-of SRO =[]
bond-slave-of RO =null
sriov-physical-pif-of SRO =[]
sriov-logical-pif-of SRO =[]
tunnel-access-pif-of SRO =[]
tunnel-transport-pif-of SRO =[]
management RO =false
network-uuid RO =null
network-name-label RO
host-uuid RO =null
host-name-label RO
IP-configuration-mode RO =None
IP RO =
netmask RO =
gateway RO =
IPv6-configuration-mode RO =None
IPv6 SRO =[]
IPv6-gateway RO =
primary-address-type RO =IPv4
DNS RO =
properties MRO =json:{"gro":"on"}
capabilities SRO =[]
io_read_kbs RO ! =0.000
io_write_kbs RO ! =0.000
carrier RO =true
vendor-id RO =8086
vendor-name RO =Intel Corporation
device-id RO =1533
device-name RO =I210 Gigabit Network Connection
speed RO =1000 Mbit/s
duplex RO =full
disallow-unplug RW =false
pci-bus-path RO =
other-config MRW ={}
igmp-snooping-status RO =unknown
`;

const SR = `
uuid RO
name-label RW =
name-description RW =
host RO
allowed-operations SRO =json:["VDI.enable_cbt","VDI.list_changed_blocks","unplug","plug","PBD.create","VDI.disable_cbt","update","PBD.destroy","VDI.resize","VDI.clone","VDI.data_destroy","scan","VDI.snapshot","VDI.mirror","VDI.create","VDI.destroy","VDI.set_on_boot"]
current-operations SRO =[]
VDIs SRO =[]
PBDs SRO
virtual-allocation RO =0
physical-utilisation RO =0
physical-size RO =0
type RO =
content-type RO =
shared RW =false
introduced-by RO =null
is-tools-sr RO =false
other-config MRW ={}
sm-config MRO ={}
blobs RO ={}
local-cache-enabled RO =false
tags SRW comma =[]
clustered RO =false
`;

const TABLES: Record<XeClass, string> = { vm: VM, host: HOST, pool: POOL, vif: VIF, network: NETWORK, pif: PIF, sr: SR };

function parseDefault(text: string): FieldValue {
  if (text === 'null') return null;
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text.startsWith('json:')) return JSON.parse(text.slice(5)) as FieldValue;
  return text;
}

function parseTable(text: string): FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const eq = line.indexOf(' =');
    const head = (eq < 0 ? line : line.slice(0, eq)).split(' ');
    const [name, marker, ...flags] = head;
    if (name === undefined || marker === undefined) throw new Error(`bad field line: ${line}`);
    const spec: FieldSpec = {
      name,
      marker: marker as Marker,
      expensive: flags.includes('!'),
      hidden: flags.includes('-'),
      deprecated: flags.includes('dep'),
      commaSet: flags.includes('comma'),
      guestMetrics: flags.includes('gm'),
    };
    if (flags.includes('82')) spec.only = '8.2';
    if (flags.includes('83')) spec.only = '8.3';
    if (eq >= 0) spec.default = parseDefault(line.slice(eq + 2));
    specs.push(spec);
  }
  return specs;
}

const cache = new Map<string, FieldSpec[]>();

/** The fields of one class on one xapi flavour, in output order. */
export function fieldsOf(cls: XeClass, flavour: XapiFlavour): FieldSpec[] {
  const key = `${cls}/${flavour}`;
  let specs = cache.get(key);
  if (!specs) {
    specs = parseTable(TABLES[cls]).filter((s) => s.only === undefined || s.only === flavour);
    cache.set(key, specs);
  }
  return specs;
}

/** `name-label ( RW)`, `tags (SRW)`, `ha-always-run ( RW) [DEPRECATED]`. */
export function keyLabel(spec: FieldSpec): string {
  const marker = spec.marker.length === 2 ? ` ${spec.marker}` : spec.marker;
  return `${spec.name} (${marker})${spec.deprecated ? ' [DEPRECATED]' : ''}`;
}

export function isMapField(spec: FieldSpec): boolean {
  return spec.marker === 'MRO' || spec.marker === 'MRW';
}

export function isSetField(spec: FieldSpec): boolean {
  return spec.marker === 'SRO' || spec.marker === 'SRW';
}
