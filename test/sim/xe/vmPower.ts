import type { SimRecord } from '../state/simState';
import { uuidFrom } from '../state/uuidFrom';
import { isNestedVirt, mapOf, num, refText, str, vmSrs, type ViewContext } from './fieldValue';
import { apiError } from './xeFailure';

/** `YYYYMMDDTHH:MM:SSZ`, xapi's date rendering (xe-cli.md §4). */
export function xapiDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}Z`;
}

/** Power states each operation accepts, in the order xapi lists them as `expected` ([L] allowed_power_states). */
const ALLOWED: Record<string, string[]> = {
  start: ['halted'],
  start_on: ['halted'],
  clean_shutdown: ['running'],
  clean_reboot: ['running'],
  suspend: ['running'],
  pool_migrate: ['running'],
  pause: ['running'],
  hard_shutdown: ['paused', 'suspended', 'running'],
  hard_reboot: ['paused', 'running'],
  resume: ['suspended'],
  resume_on: ['suspended'],
  unpause: ['paused'],
};

/** The first checks of check_operation_error: blocked-operations, then the power state. */
export function assertOperation(vm: SimRecord, op: string): void {
  const blocked = mapOf(vm, 'blocked-operations');
  if (Object.prototype.hasOwnProperty.call(blocked, op)) throw apiError('OPERATION_BLOCKED', refText(vm), blocked[op] ?? '');
  const allowed = ALLOWED[op] ?? [];
  const actual = str(vm, 'power-state', 'halted');
  if (!allowed.includes(actual)) throw apiError('VM_BAD_POWER_STATE', refText(vm), allowed.join(', '), actual);
}

/** nomigrate and nested virtualisation make a VM immobile for suspend and migration (is_mobile, strict). */
export function assertMobile(ctx: ViewContext, vm: SimRecord): void {
  if (str(vm, 'nomigrate', 'false') === 'true' || isNestedVirt(ctx, vm)) throw apiError('VM_IS_IMMOBILE', refText(vm));
}

function gmMap(vm: SimRecord, key: string): Record<string, string> {
  const gm = vm['_gm'];
  if (!gm || typeof gm !== 'object') return {};
  const v = (gm as Record<string, unknown>)[key];
  return v && typeof v === 'object' ? (v as Record<string, string>) : {};
}

/**
 * Clean shutdown/reboot of an HVM guest needs PV drivers or the feature-shutdown/feature-poweroff flags
 * (xe-cli.md §9, VM_LACKS_FEATURE).
 */
export function assertCleanShutdownPossible(vm: SimRecord): void {
  if (str(vm, 'domain-type', 'hvm') !== 'hvm' || String(vm['is-control-domain']) === 'true') return;
  const gm = vm['_gm'];
  const drivers = gm && typeof gm === 'object' && String((gm as Record<string, unknown>)['PV-drivers-detected']) === 'true';
  const other = gmMap(vm, 'other');
  if (!drivers && other['feature-shutdown'] !== '1' && other['feature-poweroff'] !== '1') throw apiError('VM_LACKS_FEATURE', refText(vm));
}

function nextDomId(ctx: ViewContext): number {
  return ctx.state.vms.reduce((m, v) => Math.max(m, num(v, 'dom-id')), 0) + 1;
}

export function markRunning(ctx: ViewContext, vm: SimRecord, host: SimRecord, paused = false): void {
  vm['power-state'] = paused ? 'paused' : 'running';
  vm['resident-on'] = host.uuid;
  vm['dom-id'] = nextDomId(ctx);
  vm['memory-actual'] = num(vm, 'memory-dynamic-max');
  vm['memory-target'] = num(vm, 'memory-dynamic-max');
  vm['VCPUs-number'] = num(vm, 'VCPUs-at-startup') || 1;
  vm['start-time'] = xapiDate(new Date());
  vm['suspend-VDI-uuid'] = null;
  vm['suspend-SR-uuid'] = null;
}

/** No domain any more: no host, no dom-id, no memory, no guest metrics shown (xe-cli.md §4, §11). */
export function markHalted(vm: SimRecord): void {
  vm['power-state'] = 'halted';
  vm['resident-on'] = null;
  vm['dom-id'] = -1;
  vm['memory-actual'] = 0;
  vm['VCPUs-number'] = 0;
  vm['suspend-VDI-uuid'] = null;
  vm['suspend-SR-uuid'] = null;
}

export function markSuspended(vm: SimRecord): void {
  const n = num(vm, '_suspends') + 1;
  vm['_suspends'] = n;
  vm['power-state'] = 'suspended';
  vm['resident-on'] = null;
  vm['dom-id'] = -1;
  vm['memory-actual'] = 0;
  vm['VCPUs-number'] = 0;
  vm['suspend-VDI-uuid'] = uuidFrom(`${vm.uuid}/suspend/${n}`);
  vm['suspend-SR-uuid'] = vmSrs(vm)[0] ?? null;
}

export function markRebooted(ctx: ViewContext, vm: SimRecord): void {
  vm['dom-id'] = nextDomId(ctx);
  vm['start-time'] = xapiDate(new Date());
}
