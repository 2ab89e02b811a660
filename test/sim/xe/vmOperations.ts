import type { SimRecord } from '../state/simState';
import { str, type ViewContext } from './fieldValue';
import { filterRecords } from './filterRecords';
import { formatRecord } from './formatRecord';
import { assertCanBootHere, bootRefusal, chooseHost, findHost } from './placeVm';
import { assertCleanShutdownPossible, assertMobile, assertOperation, markHalted, markRebooted, markRunning, markSuspended } from './vmPower';
import { apiError, cliError, XeFailureError } from './xeFailure';
import { renderApiError } from './apiErrorDocs';
import type { XeRun } from './xeRun';

/**
 * VM selection of do_vm_op (xe-cli.md §8): `uuid=`, `vm=<name or uuid>` or any field filter; templates
 * are never selected, control domains only by vm-start and vm-migrate. No selector selects everything.
 */
function selectVms(run: XeRun, opParams: string[], includeDom0: boolean): SimRecord[] {
  const { ctx, params } = run;
  const filters: Array<[string, string]> = [['is-a-template', 'false']];
  if (!includeDom0) filters.push(['is-control-domain', 'false']);
  filters.push(...params.filters(new Set([...opParams, 'vm'])));
  let candidates = ctx.state.vms;
  const vm = params.get('vm');
  if (vm !== undefined) candidates = candidates.filter((v) => v.uuid === vm || str(v, 'name-label') === vm);
  const selected = filterRecords(ctx, 'vm', candidates, filters, false);
  if (selected.length === 0) throw cliError('No matching VMs found');
  if (selected.length > 1 && !params.bool('multiple', ctx.flavour)) throw cliError('Multiple matches VMs found. --multiple required to complete the operation');
  return selected;
}

/** Runs the op on each selected VM; with --multiple, API failures are reported on stdout and the exit code is 1. */
function eachVm(run: XeRun, vms: SimRecord[], op: (vm: SimRecord) => void): void {
  const multiple = run.params.bool('multiple', run.ctx.flavour);
  for (const vm of vms) {
    try {
      op(vm);
    } catch (e) {
      if (!multiple || !(e instanceof XeFailureError) || e.failure.form !== 'api') throw e;
      run.stdout.push(`operation failed on ${vm.uuid}: ${renderApiError(e.failure.code, e.failure.params, run.ctx.flavour)}`);
      run.exitCode = 1;
    }
  }
}

function namedHost(ctx: ViewContext, text: string): SimRecord {
  const host = findHost(ctx, text);
  if (!host) throw cliError(`Host ${text} not found`);
  return host;
}

/** The doc sentence of a boot refusal (the first line xe would print for it). */
function refusalReason(run: XeRun, refusal: Error | undefined): string {
  if (!(refusal instanceof XeFailureError) || refusal.failure.form !== 'api') return refusal ? refusal.message : 'OK';
  return renderApiError(refusal.failure.code, refusal.failure.params, run.ctx.flavour).split('\n')[0] ?? '';
}

/** Without `on=`, a VM that fits nowhere gets the per-host table on stdout before NO_HOSTS_AVAILABLE. */
function placeOrExplain(run: XeRun, vm: SimRecord): SimRecord {
  const host = chooseHost(run.ctx, vm);
  if (host) return host;
  if (!run.minimal) {
    run.stdout.push('There are no suitable hosts to start this VM on.\n');
    run.stdout.push('The following table provides per-host reasons for why the VM could not be started:\n');
    run.stdout.push('\n');
    const rows = run.ctx.state.hosts.map((h) => [str(h, 'name-label'), refusalReason(run, bootRefusal(run.ctx, vm, h))] as const);
    run.stdout.push(formatRecord(rows));
  }
  throw apiError('NO_HOSTS_AVAILABLE');
}

/** Where start/resume put the VM: `on=` (checked like xapi's start_on), else xapi's own choice. */
function targetHost(run: XeRun, vm: SimRecord, on: string | undefined, explain: boolean): SimRecord {
  if (on !== undefined) {
    const host = namedHost(run.ctx, on);
    assertCanBootHere(run.ctx, vm, host);
    return host;
  }
  if (explain) return placeOrExplain(run, vm);
  const chosen = chooseHost(run.ctx, vm);
  if (!chosen) throw apiError('NO_HOSTS_AVAILABLE');
  return chosen;
}

export function vmStart(run: XeRun): void {
  const { ctx, params } = run;
  const on = params.get('on');
  const paused = params.bool('paused', ctx.flavour);
  params.bool('force', ctx.flavour);
  eachVm(run, selectVms(run, ['on', 'paused'], true), (vm) => {
    assertOperation(vm, on !== undefined ? 'start_on' : 'start');
    markRunning(ctx, vm, targetHost(run, vm, on, true), paused);
  });
}

export function vmShutdown(run: XeRun): void {
  const force = run.params.bool('force', run.ctx.flavour);
  eachVm(run, selectVms(run, [], false), (vm) => {
    assertOperation(vm, force ? 'hard_shutdown' : 'clean_shutdown');
    if (!force) assertCleanShutdownPossible(vm);
    markHalted(vm);
  });
}

export function vmReboot(run: XeRun): void {
  const force = run.params.bool('force', run.ctx.flavour);
  eachVm(run, selectVms(run, [], false), (vm) => {
    assertOperation(vm, force ? 'hard_reboot' : 'clean_reboot');
    if (!force) assertCleanShutdownPossible(vm);
    markRebooted(run.ctx, vm);
  });
}

export function vmSuspend(run: XeRun): void {
  eachVm(run, selectVms(run, [], false), (vm) => {
    assertOperation(vm, 'suspend');
    assertMobile(run.ctx, vm);
    markSuspended(vm);
  });
}

export function vmResume(run: XeRun): void {
  const { ctx, params } = run;
  const on = params.get('on');
  params.bool('force', ctx.flavour);
  eachVm(run, selectVms(run, ['on'], false), (vm) => {
    assertOperation(vm, on !== undefined ? 'resume_on' : 'resume');
    markRunning(ctx, vm, targetHost(run, vm, on, false));
  });
}

const MIGRATE_PARAMS = ['host', 'host-uuid', 'host-name', 'live', 'encrypt', 'remote-master', 'remote-username', 'remote-password', 'remote-network', 'compress', 'copy'];

export function vmMigrate(run: XeRun): void {
  const { ctx, params } = run;
  const target = params.get('host') ?? params.get('host-uuid') ?? params.get('host-name');
  params.bool('live', ctx.flavour);
  if (target === undefined) throw cliError('No destination host specified');
  const host = namedHost(ctx, target);
  const vms = selectVms(run, MIGRATE_PARAMS, true);
  eachVm(run, vms, (vm) => {
    assertOperation(vm, 'pool_migrate');
    if (str(vm, 'is-control-domain') === 'true') throw apiError('OPERATION_NOT_ALLOWED', 'This operation is not allowed on a control domain');
    assertMobile(ctx, vm);
    assertCanBootHere(ctx, vm, host);
    vm['resident-on'] = host.uuid;
  });
}
