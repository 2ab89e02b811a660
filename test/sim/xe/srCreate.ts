import type { Dom0State, SimRecord } from '../state/simState';
import { masterOf } from '../state/simState';
import { uuidFrom } from '../state/uuidFrom';
import { srHosts, str } from './fieldValue';
import { apiError, cliError, codeError } from './xeFailure';
import type { XeRun } from './xeRun';

/** Whole drives the simulated hosts have (the same set mdadm's stand-in knows), 1 TB each. */
const DRIVES = ['sda', 'sdb', 'sdc', 'sdd', 'sde', 'sdf', 'sdg', 'sdh'];
const DRIVE_BYTES = 1_000_204_886_016;
/** LVM's default extent: the LV EXTSR makes spans the VG's free extents. */
const EXTENT = 4 * 1024 * 1024;

/**
 * The SM backend's failure as xapi raises it: SR_BACKEND_FAILURE_<n> with `[""; reason; stderr]` (sm_exec.ml),
 * except code 16 (SRInUse), which xapi maps to SR_DEVICE_IN_USE without parameters.
 */
function smFailure(code: number, description: string, opterr?: string): Error {
  if (code === 16) return apiError('SR_DEVICE_IN_USE');
  return codeError(`SR_BACKEND_FAILURE_${code}`, '', opterr === undefined ? description : `${description} [opterr=${opterr}]`, '');
}

/** `device-config:k=v` and the old `device-config-k=v` (cli_operations.ml read_map_params). */
function mapParams(run: XeRun, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of run.params.list) {
    if ((k.startsWith(`${name}:`) || k.startsWith(`${name}-`)) && k.length > name.length + 1) out.set(k.slice(name.length + 1), v);
  }
  return out;
}

/** Size in bytes of a block device of the host's dom0, or undefined when /dev has no such node. */
function deviceBytes(dom0: Dom0State | undefined, dev: string): number | undefined {
  const name = dev.replace(/^\/dev\//, '');
  if (!dev.startsWith('/dev/')) return undefined;
  if (DRIVES.includes(name)) return DRIVE_BYTES;
  const array = dom0?.md.arrays.find((a) => a.device === name);
  return array ? array.blocks * 1024 : undefined;
}

/** PRIMARY_DISK of /etc/xensource-inventory: the installer's RAID 1 when it exists, else the first drive. */
function rootDevice(dom0: Dom0State | undefined): string {
  return dom0?.md.arrays.some((a) => a.device === 'md127') ? '/dev/md127' : '/dev/sda';
}

/** A drive md holds open exclusively: a member of an array (failed ones included, until removed). */
function heldByMd(dom0: Dom0State | undefined, dev: string): boolean {
  const name = dev.replace(/^\/dev\//, '');
  return dom0?.md.arrays.some((a) => a.members.some((m) => m.dev === name)) ?? false;
}

/**
 * The checks of the SM ext driver (EXTSR.create, then lvutil.createVG per device), in its order:
 * no `device` → ConfigDeviceMissing; a device already in a PBD of this host → SRInUse; the root disk →
 * Rootdev; no such node → InvalidDev; cannot be opened O_EXCL (an md member) → SRInUse.
 */
function assertExtDevices(state: { srs: SimRecord[] }, host: SimRecord, dom0: Dom0State | undefined, device: string | undefined): number {
  if (device === undefined) throw smFailure(90, 'The request is missing the device parameter');
  const devices = device.split(',');
  const inPbds = state.srs.filter((sr) => srHosts(sr).includes(host.uuid)).flatMap((sr) => str(sr, '_device').split(',')).filter((d) => d !== '');
  if (devices.some((d) => inPbds.includes(d))) throw smFailure(16, 'The SR device is currently in use');
  const root = rootDevice(dom0);
  let bytes = 0;
  for (const dev of devices) {
    if ([root, `${root}1`, `${root}2`].includes(dev)) throw smFailure(105, 'Root system device, cannot be used for VM storage', `Device ${dev} contains core system files, please use another device`);
    const size = deviceBytes(dom0, dev);
    if (size === undefined) throw smFailure(19, 'No such device', `Device ${dev} does not exist`);
    if (heldByMd(dom0, dev)) throw smFailure(16, 'The SR device is currently in use', `Device ${dev} in use, please check your existing SRs for an instance of this device`);
    bytes += size;
  }
  return bytes;
}

/**
 * `xe sr-create name-label= type= [host-uuid=] [device-config:k=v] [shared=] [physical-size=] [content-type=]
 * [sm-config:k=v]` (cli_operations.ml sr_create; reqd name-label and type in cli_frontend.ml). Prints the new
 * SR's uuid (`Print`, so `--minimal` adds its lone newline after it). Only the ext driver is modelled.
 */
export function srCreate(run: XeRun): void {
  const { ctx, params } = run;
  const state = ctx.state;
  const shared = params.bool('shared', ctx.flavour);
  const hostUuid = params.get('host-uuid');
  let host: SimRecord | undefined;
  if (hostUuid !== undefined) {
    host = state.hosts.find((h) => h.uuid === hostUuid);
    if (!host) throw apiError('UUID_INVALID', 'host', hostUuid);
  } else if (state.hosts.length === 1 || shared) {
    host = masterOf(state);
  } else {
    throw apiError('INTERNAL_ERROR', 'Failure: Required parameter not found: host-uuid');
  }
  if (!host) throw new Error('the simulated pool has no master');
  const type = params.get('type') ?? '';
  if (type !== 'ext') throw cliError(`the lab simulator models sr-create for type=ext only, not type=${type}`);
  if (shared) throw cliError('the lab simulator models sr-create of local SRs only (shared=false)');
  const dom0 = host['_dom0'] as Dom0State | undefined;
  const device = mapParams(run, 'device-config').get('device');
  const bytes = assertExtDevices(state, host, dom0, device);
  const pool = state.pool;
  const serial = Number(pool['_srCreated'] ?? 0) + 1;
  pool['_srCreated'] = serial;
  const uuid = uuidFrom(`${pool.uuid}/sr-create/${serial}`);
  state.srs.push({
    uuid,
    'name-label': params.get('name-label') ?? '',
    'name-description': '',
    type,
    'content-type': params.get('content-type') ?? '',
    shared: String(shared),
    'physical-size': Math.floor(bytes / EXTENT) * EXTENT - EXTENT,
    'physical-utilisation': 0,
    'virtual-allocation': 0,
    'other-config': {},
    'sm-config': Object.fromEntries(mapParams(run, 'sm-config')),
    _hosts: [host.uuid],
    _device: device ?? '',
  });
  ctx.invalidate();
  run.stdout.push(`${uuid}\n`);
  if (run.minimal) {
    run.stdout.push('\n');
    run.printedMinimal = true;
  }
}
