import { flavourOf, type FieldValue, type MapValue, type SimRecord, type SimState, type XapiFlavour, type XeClass } from '../state/simState';
import { uuidFrom } from '../state/uuidFrom';
import type { FieldSpec } from './fieldSpecs';

/** What a field's value depends on besides the record: the rest of the pool. */
export class ViewContext {
  readonly flavour: XapiFlavour;
  private byUuid?: Map<string, SimRecord>;

  constructor(readonly state: SimState) {
    this.flavour = flavourOf(state);
  }

  find(uuid: unknown): SimRecord | undefined {
    if (typeof uuid !== 'string') return undefined;
    if (!this.byUuid) {
      const s = this.state;
      this.byUuid = new Map();
      for (const r of [s.pool, ...s.hosts, ...s.vms, ...s.vifs, ...s.networks, ...s.pifs, ...s.srs]) this.byUuid.set(r.uuid, r);
    }
    return this.byUuid.get(uuid);
  }

  /** Call after a mutation that adds or removes objects. */
  invalidate(): void {
    this.byUuid = undefined;
  }
}

const NOT_IN_DB = '<not in database>';

/** xe's rendering of a value (xe-cli.md §4): maps `k: v; k2: v2`, sets `a; b` (tags & co `a, b`), null refs `<not in database>`. */
export function renderValue(value: FieldValue | undefined, spec: FieldSpec): string {
  if (value === null || value === undefined) return NOT_IN_DB;
  if (Array.isArray(value)) return value.join(spec.commaSet ? ', ' : '; ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('; ');
  return String(value);
}

export function str(rec: SimRecord, field: string, fallback = ''): string {
  const v = rec[field];
  return v === undefined || v === null ? fallback : String(v);
}

export function mapOf(rec: SimRecord, field: string): MapValue {
  const v = rec[field];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as MapValue) : {};
}

export function num(rec: SimRecord, field: string): number {
  const n = Number(rec[field] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function isRunningLike(vm: SimRecord): boolean {
  const ps = vm['power-state'];
  return ps === 'running' || ps === 'paused';
}

/** `<uuid> (<name-label>)`: how xe prints an object reference inside an API error (`ref_convert`). */
export function refText(rec: SimRecord): string {
  return `${rec.uuid} (${str(rec, 'name-label')})`;
}

function nameOf(ctx: ViewContext, uuid: unknown): string {
  const r = ctx.find(uuid);
  return r ? str(r, 'name-label') : NOT_IN_DB;
}

export function residentVms(ctx: ViewContext, hostUuid: string): SimRecord[] {
  return ctx.state.vms.filter((v) => v['resident-on'] === hostUuid);
}

/** Memory a resident VM takes from its host: its actual allocation plus the domain overhead. */
function footprint(vm: SimRecord): number {
  return num(vm, 'memory-actual') + num(vm, 'memory-overhead');
}

export function hostFreeMemory(ctx: ViewContext, host: SimRecord): number {
  const used = residentVms(ctx, host.uuid).reduce((sum, vm) => sum + footprint(vm), 0);
  return num(host, 'memory-total') - num(host, 'memory-overhead') - used;
}

export function srHosts(sr: SimRecord): string[] {
  return Array.isArray(sr['_hosts']) ? (sr['_hosts'] as string[]) : [];
}

/** SRs holding the VM's disks. */
export function vmSrs(vm: SimRecord): string[] {
  return Array.isArray(vm['_srs']) ? (vm['_srs'] as string[]) : [];
}

export function hostCanSeeSrs(ctx: ViewContext, vm: SimRecord, hostUuid: string): SimRecord | undefined {
  for (const srUuid of vmSrs(vm)) {
    const sr = ctx.find(srUuid);
    if (sr && !srHosts(sr).includes(hostUuid)) return sr;
  }
  return undefined;
}

export function isNestedVirt(ctx: ViewContext, vm: SimRecord): boolean {
  const platform = mapOf(vm, 'platform');
  if (ctx.flavour === '8.3' && platform['nested-virt'] === 'true') return true;
  return platform['exp-nested-hvm'] === 'true';
}

const VM_OPS_RUNNING = ['changing_dynamic_range', 'migrate_send', 'pool_migrate', 'changing_VCPUs_live', 'suspend', 'hard_reboot', 'hard_shutdown', 'clean_reboot', 'clean_shutdown', 'pause', 'checkpoint', 'snapshot'];
const VM_OPS_HALTED = ['changing_NVRAM', 'changing_dynamic_range', 'changing_shadow_memory', 'changing_static_range', 'make_into_template', 'migrate_send', 'destroy', 'export', 'start_on', 'start', 'clone', 'copy', 'snapshot'];
const VM_OPS_SUSPENDED = ['resume_on', 'resume', 'hard_shutdown', 'export', 'checkpoint', 'snapshot', 'clone', 'copy'];
const VM_OPS_PAUSED = ['changing_dynamic_range', 'unpause', 'hard_reboot', 'hard_shutdown', 'checkpoint', 'snapshot'];
const VM_OPS_DOM0 = ['changing_dynamic_range', 'changing_VCPUs_live', 'clean_reboot', 'clean_shutdown', 'metadata_export', 'changing_static_range'];
const HOST_OPS_ENABLED = ['vm_migrate', 'provision', 'vm_resume', 'evacuate', 'vm_start'];
const HOST_OPS_DISABLED = ['vm_migrate', 'provision', 'vm_resume', 'reboot', 'evacuate', 'shutdown', 'vm_start'];

function computeVm(ctx: ViewContext, vm: SimRecord, name: string): FieldValue | undefined {
  switch (name) {
    case 'console-uuids':
      return isRunningLike(vm) ? [uuidFrom(`${vm.uuid}/console`)] : [];
    case 'nested-virt':
      return String(isNestedVirt(ctx, vm));
    case 'allowed-operations': {
      if (vm['is-a-template'] === true || vm['is-a-template'] === 'true') return ['clone', 'copy', 'export', 'destroy', 'provision'];
      if (vm['is-control-domain'] === true || vm['is-control-domain'] === 'true') return VM_OPS_DOM0;
      const ps = str(vm, 'power-state', 'halted');
      return ps === 'running' ? VM_OPS_RUNNING : ps === 'suspended' ? VM_OPS_SUSPENDED : ps === 'paused' ? VM_OPS_PAUSED : VM_OPS_HALTED;
    }
    case 'allowed-VBD-devices': {
      const used = new Set(Array.isArray(vm['_vbdDevices']) ? (vm['_vbdDevices'] as string[]) : ['0', '3']);
      return Array.from({ length: 16 }, (_, i) => String(i)).filter((d) => !used.has(d));
    }
    case 'allowed-VIF-devices': {
      const used = new Set(ctx.state.vifs.filter((v) => v['vm-uuid'] === vm.uuid).map((v) => str(v, 'device')));
      return Array.from({ length: 7 }, (_, i) => String(i)).filter((d) => !used.has(d));
    }
    case 'possible-hosts':
      return ctx.state.hosts
        .filter((h) => str(h, 'enabled', 'true') === 'true' && str(h, 'host-metrics-live', 'true') === 'true' && !hostCanSeeSrs(ctx, vm, h.uuid))
        .map((h) => h.uuid);
    case 'current-domain-type':
      return str(vm, 'power-state') === 'halted' ? 'unspecified' : str(vm, 'domain-type', 'hvm');
    default:
      return undefined;
  }
}

function computeHost(ctx: ViewContext, host: SimRecord, name: string): FieldValue | undefined {
  switch (name) {
    case 'allowed-operations':
      return str(host, 'enabled', 'true') === 'true' ? HOST_OPS_ENABLED : HOST_OPS_DISABLED;
    case 'API-version-minor':
      return ctx.flavour === '8.2' ? '16' : '21';
    case 'memory-free':
    case 'memory-free-computed':
      return host['memory-total'] === undefined || host['memory-total'] === null ? null : String(hostFreeMemory(ctx, host));
    case 'control-domain-uuid':
      return ctx.state.vms.find((v) => v['resident-on'] === host.uuid && String(v['is-control-domain']) === 'true')?.uuid ?? null;
    case 'resident-vms':
      return residentVms(ctx, host.uuid).map((v) => v.uuid);
    case 'uefi-certificates':
      return certBlob(host['_dom0'] && typeof host['_dom0'] === 'object' ? (host['_dom0'] as { uefiCerts?: string[] }).uefiCerts : undefined);
    default:
      return undefined;
  }
}

/** Stand-in for the base64 tarball secureboot-certs stores: stable per certificate set, empty when none. */
export function certBlob(names: string[] | undefined): string {
  return names && names.length > 0 ? Buffer.from(names.map((n) => `${n}.auth`).join('\n')).toString('base64') : '';
}

function compute(ctx: ViewContext, cls: XeClass, rec: SimRecord, name: string): FieldValue | undefined {
  switch (cls) {
    case 'vm': return computeVm(ctx, rec, name);
    case 'host': return computeHost(ctx, rec, name);
    case 'pool':
      return name === 'uefi-certificates' ? certBlob(rec['_uefiCerts'] as string[] | undefined) : undefined;
    case 'vif': {
      const vm = ctx.find(rec['vm-uuid']);
      const attached = vm !== undefined && isRunningLike(vm);
      switch (name) {
        case 'vm-name-label': return nameOf(ctx, rec['vm-uuid']);
        case 'network-name-label': return nameOf(ctx, rec['network-uuid']);
        case 'currently-attached': return String(attached);
        case 'allowed-operations': return attached ? ['attach', 'unplug'] : ['attach'];
        case 'io_read_kbs':
        case 'io_write_kbs': return '0.000';
        default: return undefined;
      }
    }
    case 'network':
      if (name === 'VIF-uuids') return ctx.state.vifs.filter((v) => v['network-uuid'] === rec.uuid).map((v) => v.uuid);
      if (name === 'PIF-uuids') return ctx.state.pifs.filter((p) => p['network-uuid'] === rec.uuid).map((p) => p.uuid);
      return undefined;
    case 'pif':
      if (name === 'network-name-label') return nameOf(ctx, rec['network-uuid']);
      if (name === 'host-name-label') return nameOf(ctx, rec['host-uuid']);
      return undefined;
    case 'sr':
      if (name === 'PBDs') return srHosts(rec).map((h) => uuidFrom(`${rec.uuid}/pbd/${h}`));
      if (name === 'host') {
        const hosts = srHosts(rec);
        return hosts.length > 1 ? '<shared>' : hosts.length === 1 ? nameOf(ctx, hosts[0]) : NOT_IN_DB;
      }
      return undefined;
  }
}

/** The value of one field of one record, computed fields included (expensive ones too). */
export function fieldValue(ctx: ViewContext, cls: XeClass, rec: SimRecord, spec: FieldSpec): FieldValue | undefined {
  if (spec.guestMetrics) {
    const gm = rec['_gm'];
    if (!gm || typeof gm !== 'object' || str(rec, 'power-state', 'halted') === 'halted') return null;
    const v = (gm as Record<string, FieldValue>)[spec.name];
    return v === undefined ? spec.default : v;
  }
  const computed = compute(ctx, cls, rec, spec.name);
  if (computed !== undefined) return computed;
  const stored = rec[spec.name];
  return stored === undefined ? spec.default : (stored as FieldValue);
}
