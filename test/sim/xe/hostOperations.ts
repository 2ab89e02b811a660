import type { Dom0State, SimRecord } from '../state/simState';
import { hostFreeMemory, mapOf, num, refText, residentVms, str, type ViewContext } from './fieldValue';
import { filterRecords } from './filterRecords';
import { assertCanBootHere, memoryNeeded } from './placeVm';
import { assertMobile, assertOperation, markHalted } from './vmPower';
import { apiError, cliError, XeFailureError } from './xeFailure';
import type { XeRun } from './xeRun';

/**
 * Host selection of do_host_op: `host=<uuid|name-label|hostname>`, `uuid=` or filters; none means all hosts.
 * `ignore` names the command's own parameters (not filters); `multiple: false` is do_host_op ~multiple:false.
 */
export function selectHosts(run: XeRun, ignore: ReadonlySet<string> = new Set(), multiple = true): SimRecord[] {
  const { ctx, params } = run;
  const host = params.get('host');
  let candidates = ctx.state.hosts;
  if (host !== undefined) candidates = candidates.filter((h) => h.uuid === host || str(h, 'name-label') === host || str(h, 'hostname') === host);
  const selected = filterRecords(ctx, 'host', candidates, params.filters(new Set(['host', ...ignore])), false);
  if (selected.length === 0) throw cliError('No matching hosts found');
  if (selected.length > 1 && !multiple) throw cliError('Multiple matching hosts found. Operation can only be performed on one host at a time');
  if (selected.length > 1 && !params.bool('multiple', ctx.flavour)) throw cliError('Multiple matching hosts found. --multiple required to complete the operation');
  return selected;
}

function isEnabled(host: SimRecord): boolean {
  return str(host, 'enabled', 'true') === 'true';
}

function isDom0(vm: SimRecord): boolean {
  return str(vm, 'is-control-domain') === 'true';
}

/**
 * With HA on, disabling a host must leave more enabled hosts than the failures to tolerate; this is the
 * simulator's simplified failover plan.
 */
function assertHaPlanHolds(ctx: ViewContext, host: SimRecord): void {
  const pool = ctx.state.pool;
  if (str(pool, 'ha-enabled') !== 'true' || !isEnabled(host)) return;
  const remaining = ctx.state.hosts.filter((h) => h !== host && isEnabled(h)).length;
  if (remaining <= num(pool, 'ha-host-failures-to-tolerate')) throw apiError('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
}

export function hostDisable(run: XeRun): void {
  for (const host of selectHosts(run)) {
    assertHaPlanHolds(run.ctx, host);
    host['enabled'] = 'false';
  }
}

export function hostEnable(run: XeRun): void {
  for (const host of selectHosts(run)) {
    const oc = { ...mapOf(host, 'other-config') };
    delete oc['MAINTENANCE_MODE'];
    host['other-config'] = oc;
    host['enabled'] = 'true';
  }
}

type Plan = { to: SimRecord } | { error: XeFailureError };

function failure(e: unknown): XeFailureError {
  if (e instanceof XeFailureError) return e;
  throw e;
}

/** A VM HA restarts: ha-always-run with restart priority `restart` (vm_should_always_run). */
function isProtected(vm: SimRecord): boolean {
  return str(vm, 'ha-always-run') === 'true' && str(vm, 'ha-restart-priority') === 'restart';
}

/**
 * xapi's compute_evacuation_plan_no_wlb: only other enabled hosts are targets; with HA on, unprotected
 * VMs are refused; every target must see the VM's SRs; power state and mobility are checked; then a
 * memory bin-packing places the VMs. Any per-VM error aborts the whole evacuation before a VM moves.
 */
function evacuationPlan(ctx: ViewContext, host: SimRecord): Map<SimRecord, Plan> {
  const targets = ctx.state.hosts.filter((h) => h !== host && isEnabled(h) && str(h, 'host-metrics-live', 'true') === 'true');
  const vms = residentVms(ctx, host.uuid).filter((vm) => !isDom0(vm));
  const plans = new Map<SimRecord, Plan>();
  if (targets.length === 0) {
    for (const vm of vms) plans.set(vm, { error: apiError('NO_HOSTS_AVAILABLE', refText(vm)) });
    return plans;
  }
  const haOn = str(ctx.state.pool, 'ha-enabled') === 'true';
  const movable: SimRecord[] = [];
  for (const vm of vms) {
    if (haOn && !isProtected(vm)) {
      plans.set(vm, { error: apiError('HOST_NOT_ENOUGH_FREE_MEMORY', refText(vm)) });
      continue;
    }
    try {
      for (const t of targets) assertCanBootHere(ctx, vm, t, false);
      movable.push(vm);
    } catch (e) {
      plans.set(vm, { error: failure(e) });
    }
  }
  for (const vm of vms) {
    try {
      assertOperation(vm, 'pool_migrate');
      assertMobile(ctx, vm);
    } catch (e) {
      plans.set(vm, { error: failure(e) });
    }
  }
  const free = new Map(targets.map((t) => [t, hostFreeMemory(ctx, t)] as const));
  const bySize = movable.filter((vm) => !plans.has(vm)).sort((a, b) => memoryNeeded(b) - memoryNeeded(a));
  for (const vm of bySize) {
    const need = memoryNeeded(vm);
    const best = targets.filter((t) => (free.get(t) ?? 0) >= need).sort((a, b) => (free.get(b) ?? 0) - (free.get(a) ?? 0))[0];
    if (!best) {
      plans.set(vm, { error: apiError('HOST_NOT_ENOUGH_FREE_MEMORY', refText(vm)) });
      continue;
    }
    free.set(best, (free.get(best) ?? 0) - need);
    plans.set(vm, { to: best });
  }
  return plans;
}

export function hostEvacuate(run: XeRun): void {
  for (const host of selectHosts(run)) {
    const plans = evacuationPlan(run.ctx, host);
    for (const plan of plans.values()) if ('error' in plan) throw plan.error;
    for (const [vm, plan] of plans) if ('to' in plan) vm['resident-on'] = plan.to.uuid;
  }
}

/** `dom0_mem=4096M,max:4096M` -> bytes of the base value (Xen sizes default to KiB). */
export function dom0MemBytes(cmdline: string): number | undefined {
  const m = /(?:^|\s)dom0_mem=([^\s]*)/.exec(cmdline);
  if (!m) return undefined;
  const base = (m[1] ?? '').split(',').find((part) => !part.includes(':'));
  const size = /^(\d+)([bBkKmMgGtT]?)$/.exec(base ?? '');
  if (!size) return undefined;
  const shift: Record<string, number> = { b: 0, k: 10, m: 20, g: 30, t: 40, '': 10 };
  return Number(size[1]) * 2 ** (shift[(size[2] ?? '').toLowerCase()] ?? 10);
}

function assertDisabledForPowerOp(ctx: ViewContext, host: SimRecord): void {
  if (isEnabled(host)) throw apiError('HOST_NOT_DISABLED');
  if (str(ctx.state.pool, 'ha-enabled') === 'true' && str(host, '_haStatefileLost') === 'true') throw apiError('HA_LOST_STATEFILE');
}

/** What a host reboot leaves behind: guests gone, the staged Xen command line in effect, xapi re-enabling the host. */
function rebootHost(ctx: ViewContext, host: SimRecord): void {
  for (const vm of residentVms(ctx, host.uuid)) if (!isDom0(vm)) markHalted(vm);
  const dom0 = host['_dom0'] as Dom0State | undefined;
  if (dom0) {
    dom0.bootXenCmdline = dom0.xenCmdline;
    const bytes = dom0MemBytes(dom0.xenCmdline);
    const dom0Vm = residentVms(ctx, host.uuid).find(isDom0);
    if (bytes !== undefined && dom0Vm) {
      for (const f of ['memory-static-max', 'memory-dynamic-max', 'memory-dynamic-min', 'memory-target', 'memory-actual']) dom0Vm[f] = bytes;
    }
  }
  host['enabled'] = 'true';
  host['host-metrics-live'] = 'true';
}

export function hostReboot(run: XeRun): void {
  for (const host of selectHosts(run)) {
    assertDisabledForPowerOp(run.ctx, host);
    rebootHost(run.ctx, host);
  }
}

export function hostShutdown(run: XeRun): void {
  for (const host of selectHosts(run)) {
    assertDisabledForPowerOp(run.ctx, host);
    for (const vm of residentVms(run.ctx, host.uuid)) if (!isDom0(vm)) markHalted(vm);
    host['host-metrics-live'] = 'false';
  }
}
