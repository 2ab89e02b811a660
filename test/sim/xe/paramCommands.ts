import { dbClassName, recordsOf, type MapValue, type SimRecord, type XeClass } from '../state/simState';
import { fieldsOf, isMapField, isSetField, keyLabel, type FieldSpec } from './fieldSpecs';
import { fieldValue, renderValue, str } from './fieldValue';
import { formatMinimal, formatRecord } from './formatRecord';
import { apiError, cliError, codeError } from './xeFailure';
import { parseXeBool } from './xeParams';
import type { XeRun } from './xeRun';

const MEMORY_FIELDS = new Set(['memory-static-max', 'memory-dynamic-max', 'memory-dynamic-min', 'memory-static-min']);
const INT_FIELDS = new Set([...MEMORY_FIELDS, 'VCPUs-max', 'VCPUs-at-startup', 'user-version', 'start-delay', 'shutdown-delay', 'order', 'ha-host-failures-to-tolerate', 'update-sync-day']);
const BOOL_FIELDS = new Set([
  'is-a-template', 'is-default-template', 'ha-always-run', 'has-vendor-device', 'https-only', 'ssl-legacy', 'multipathing', 'wlb-enabled',
  'wlb-verify-cert', 'igmp-snooping-enabled', 'ha-allow-overcommit', 'policy-no-vendor-device', 'live-patching-disabled', 'shared',
  'disallow-unplug', 'migration-compression', 'coordinator-bias', 'nomigrate',
]);
/** Reference fields and the class their uuid must belong to. */
const REF_FIELDS: Record<string, XeClass> = {
  affinity: 'host', 'default-SR': 'sr', 'crash-dump-SR': 'sr', 'suspend-image-SR': 'sr', 'suspend-image-sr-uuid': 'sr', 'crash-dump-sr-uuid': 'sr', 'suspend-SR-uuid': 'sr',
};
/** Fields a running VM may not change: ops changing_VCPUs and changing_static_range. */
const HALTED_ONLY_FIELDS = new Set(['VCPUs-max', 'memory-static-max', 'memory-static-min']);

/** The record named by `uuid=`; `*-param-*` insist on a uuid and answer UUID_INVALID otherwise. */
export function recordByUuid(run: XeRun, cls: XeClass): SimRecord {
  const uuid = run.params.get('uuid') ?? '';
  const rec = recordsOf(run.ctx.state, cls).find((r) => r.uuid === uuid);
  if (!rec) throw apiError('UUID_INVALID', dbClassName(cls), uuid);
  return rec;
}

function specByName(run: XeRun, cls: XeClass, name: string): FieldSpec | undefined {
  return fieldsOf(cls, run.ctx.flavour).find((s) => s.name === name);
}

export function paramList(run: XeRun, cls: XeClass): void {
  const rec = recordByUuid(run, cls);
  const specs = fieldsOf(cls, run.ctx.flavour).filter((s) => !s.hidden);
  const pairs = specs.map((s) => [keyLabel(s), renderValue(fieldValue(run.ctx, cls, rec, s), s)] as const);
  if (run.minimal) {
    run.stdout.push(formatMinimal([pairs[0]?.[1] ?? '']));
    run.printedMinimal = true;
    return;
  }
  run.stdout.push(formatRecord(pairs));
}

export function paramGet(run: XeRun, cls: XeClass): void {
  const rec = recordByUuid(run, cls);
  const name = run.params.get('param-name') ?? '';
  const spec = specByName(run, cls, name);
  if (!spec) throw codeError('Missing parameter', name);
  const value = fieldValue(run.ctx, cls, rec, spec);
  const key = run.params.get('param-key');
  let text: string;
  if (key !== undefined && isMapField(spec)) {
    const map = value && typeof value === 'object' && !Array.isArray(value) ? (value as MapValue) : {};
    if (!Object.prototype.hasOwnProperty.call(map, key)) throw cliError(`Key ${key} not found in map`);
    text = map[key] ?? '';
  } else {
    text = renderValue(value, spec);
  }
  if (run.minimal) {
    run.stdout.push(formatMinimal([text]));
    run.printedMinimal = true;
  } else {
    run.stdout.push(text + '\n');
  }
}

function requireHaltedFor(run: XeRun, cls: XeClass, rec: SimRecord, field: string): void {
  if (cls !== 'vm' || !HALTED_ONLY_FIELDS.has(field)) return;
  const ps = str(rec, 'power-state', 'halted');
  if (ps !== 'halted') throw apiError('VM_BAD_POWER_STATE', `${rec.uuid} (${str(rec, 'name-label')})`, 'halted', ps);
}

const UNITS: Record<string, number> = { KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

function parseIntField(cls: XeClass, field: string, value: string): number {
  const m = /^(-?\d+)(KiB|MiB|GiB|TiB)?$/.exec(value);
  if (cls === 'network' && field === 'MTU') {
    if (!/^-?\d+$/.test(value)) throw apiError('INTERNAL_ERROR', 'Failure: Int64.of_string');
    return Number(value);
  }
  if (!m || (m[2] !== undefined && !MEMORY_FIELDS.has(field))) throw cliError(`Failed to parse parameter '${field}': expecting an integer`);
  return Number(m[1]) * (m[2] ? (UNITS[m[2]] ?? 1) : 1);
}

function setScalar(run: XeRun, cls: XeClass, rec: SimRecord, spec: FieldSpec, value: string): void {
  const field = spec.name;
  requireHaltedFor(run, cls, rec, field);
  if (INT_FIELDS.has(field) || (cls === 'network' && field === 'MTU')) {
    rec[field] = parseIntField(cls, field, value);
  } else if (BOOL_FIELDS.has(field)) {
    rec[field] = String(parseXeBool(field, value, run.ctx.flavour));
  } else if (REF_FIELDS[field] !== undefined) {
    const target = REF_FIELDS[field];
    if (value === '') rec[field] = null;
    else if (!recordsOf(run.ctx.state, target).some((r) => r.uuid === value)) throw apiError('UUID_INVALID', dbClassName(target), value);
    else rec[field] = value;
  } else {
    rec[field] = value;
  }
}

function storedMap(rec: SimRecord, spec: FieldSpec, run: XeRun, cls: XeClass): MapValue {
  const current = fieldValue(run.ctx, cls, rec, spec);
  const map: MapValue = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as MapValue) } : {};
  rec[spec.name] = map;
  return map;
}

/** `<class>-param-set uuid= k=v [map:key=v ...]`: applied in order, so earlier settings stay when a later one fails. */
export function paramSet(run: XeRun, cls: XeClass): void {
  const rec = recordByUuid(run, cls);
  for (const [key, value] of run.params.filters(new Set(['uuid']))) {
    const colon = key.indexOf(':');
    if (colon >= 0) {
      const spec = specByName(run, cls, key.slice(0, colon));
      if (!spec || !isMapField(spec)) throw cliError(`Unknown field '${key}'`);
      if (spec.marker === 'MRO') throw cliError(`Map field '${spec.name}' is read-only.`);
      const map = storedMap(rec, spec, run, cls);
      const mapKey = key.slice(colon + 1);
      // xapi removes an existing key and adds it again, so it moves to the end.
      delete map[mapKey];
      map[mapKey] = value;
      continue;
    }
    const spec = specByName(run, cls, key);
    if (!spec) throw cliError(`Unknown field '${key}'`);
    if (isMapField(spec)) throw cliError(`Field '${key}' is a map or set. use the 'name:key=value' syntax.`);
    if (isSetField(spec)) throw cliError('Cannot param-set on set fields');
    if (spec.marker === 'RO') throw cliError(`Field '${key}' is read-only.`);
    setScalar(run, cls, rec, spec, value);
  }
}

function mapOrSetSpec(run: XeRun, cls: XeClass, name: string): FieldSpec {
  const spec = specByName(run, cls, name);
  if (!spec) throw cliError(`Unknown field '${name}'`);
  if (!isMapField(spec) && !isSetField(spec)) throw cliError(`Field '${name}' is not a map or set.`);
  if (spec.marker === 'MRO') throw cliError(`Map field '${name}' is read-only.`);
  if (spec.marker === 'SRO') throw cliError(`Set field '${name}' is read-only.`);
  return spec;
}

function storedSet(rec: SimRecord, spec: FieldSpec, run: XeRun, cls: XeClass): string[] {
  const current = fieldValue(run.ctx, cls, rec, spec);
  const set = Array.isArray(current) ? [...current] : [];
  rec[spec.name] = set;
  return set;
}

/** `<class>-param-remove uuid= param-name= param-key=` (texts from xe-cli.md §8, "is not in map"). */
export function paramRemove(run: XeRun, cls: XeClass): void {
  const rec = recordByUuid(run, cls);
  const spec = mapOrSetSpec(run, cls, run.params.get('param-name') ?? '');
  const key = run.params.get('param-key') ?? '';
  if (isMapField(spec)) {
    const map = storedMap(rec, spec, run, cls);
    if (!Object.prototype.hasOwnProperty.call(map, key)) throw cliError(`Key ${key} is not in map`);
    delete map[key];
  } else {
    const set = storedSet(rec, spec, run, cls);
    const i = set.indexOf(key);
    if (i < 0) throw cliError(`Key ${key} is not in the set`);
    set.splice(i, 1);
  }
}

/** `<class>-param-add uuid= param-name= k=v...` for maps, `param-key=` for sets. */
export function paramAdd(run: XeRun, cls: XeClass): void {
  const rec = recordByUuid(run, cls);
  const spec = mapOrSetSpec(run, cls, run.params.get('param-name') ?? '');
  if (isMapField(spec)) {
    const map = storedMap(rec, spec, run, cls);
    for (const [k, v] of run.params.filters(new Set(['uuid', 'param-name']))) {
      delete map[k];
      map[k] = v;
    }
  } else {
    const set = storedSet(rec, spec, run, cls);
    const key = run.params.get('param-key') ?? '';
    if (!set.includes(key)) set.push(key);
  }
}

/** `<class>-param-clear uuid= param-name=`: empties a map or set. */
export function paramClear(run: XeRun, cls: XeClass): void {
  const rec = recordByUuid(run, cls);
  const spec = mapOrSetSpec(run, cls, run.params.get('param-name') ?? '');
  rec[spec.name] = isMapField(spec) ? {} : [];
}
