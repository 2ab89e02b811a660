import { recordsOf, type XeClass } from '../state/simState';
import { fieldsOf, keyLabel, type FieldSpec } from './fieldSpecs';
import { filterRecords, shownValue } from './filterRecords';
import { formatMinimal, formatRecord } from './formatRecord';
import type { XeRun } from './xeRun';

/** Columns printed without `params=` ([O] gen_cmds); printed in record order like any selection. */
const DEFAULT_COLUMNS: Record<XeClass, string[]> = {
  vm: ['name-label', 'uuid', 'power-state'],
  host: ['uuid', 'name-label', 'name-description'],
  pool: ['uuid', 'name-label', 'name-description', 'master', 'default-SR'],
  vif: ['uuid', 'device', 'vm-uuid', 'network-uuid'],
  network: ['uuid', 'name-label', 'name-description', 'bridge'],
  pif: ['uuid', 'device', 'VLAN', 'MAC', 'network-uuid', 'currently-attached', 'host-uuid'],
  sr: ['uuid', 'name-label', 'name-description', 'host', 'type', 'content-type'],
};

/** `params=all` is every visible field; otherwise names split on "," exactly, unknown or hidden ones dropped. */
function selectFields(specs: FieldSpec[], cls: XeClass, params: string | undefined): FieldSpec[] {
  if (params === 'all') return specs.filter((s) => !s.hidden);
  const names = new Set(params === undefined ? DEFAULT_COLUMNS[cls] : params.split(','));
  return specs.filter((s) => !s.hidden && names.has(s.name));
}

/** `<class>-list [params=...] [filters...] [--minimal] [--all]` (xe-cli.md §3, §5, §6). */
export function listCommand(run: XeRun, cls: XeClass): void {
  const { ctx, params } = run;
  const all = params.bool('all', ctx.flavour);
  let records = recordsOf(ctx.state, cls);
  if (!all) {
    const filters = params.filters(new Set(['params']));
    // vm-list always hides templates (snapshots are templates too).
    if (cls === 'vm') filters.unshift(['is-a-template', 'false']);
    records = filterRecords(ctx, cls, records, filters, true);
  }
  const selected = selectFields(fieldsOf(cls, ctx.flavour), cls, params.get('params'));
  if (run.minimal) {
    const first = selected[0];
    run.stdout.push(formatMinimal(records.map((r) => (first ? shownValue(ctx, cls, r, first, true) : ''))));
    run.printedMinimal = true;
    return;
  }
  for (const rec of records) {
    run.stdout.push(formatRecord(selected.map((s) => [keyLabel(s), shownValue(ctx, cls, rec, s, true)] as const)));
  }
}
