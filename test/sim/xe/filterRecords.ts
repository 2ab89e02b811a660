import type { SimRecord, XeClass } from '../state/simState';
import { fieldsOf, isMapField, isSetField, type FieldSpec } from './fieldSpecs';
import { fieldValue, renderValue, type ViewContext } from './fieldValue';
import { cliError } from './xeFailure';

type FilterTarget =
  | { kind: 'exact'; spec: FieldSpec }
  | { kind: 'map'; spec: FieldSpec; key: string }
  | { kind: 'set'; spec: FieldSpec }
  | { kind: 'unknown' };

function resolve(specs: FieldSpec[], key: string): FilterTarget {
  const colon = key.indexOf(':');
  if (colon >= 0) {
    const spec = specs.find((s) => s.name === key.slice(0, colon));
    const sub = key.slice(colon + 1);
    if (spec && isMapField(spec)) return { kind: 'map', spec, key: sub };
    if (spec && isSetField(spec)) {
      if (sub !== 'contains') throw cliError('Invalid syntax for set filtering (should be set-param:contains=key)');
      return { kind: 'set', spec };
    }
  }
  const exact = specs.find((s) => s.name === key);
  if (exact) return { kind: 'exact', spec: exact };
  // The old map filter form `other-config-auto_poweron=true`.
  const map = specs.find((s) => isMapField(s) && key.startsWith(`${s.name}-`));
  if (map) return { kind: 'map', spec: map, key: key.slice(map.name.length + 1) };
  return { kind: 'unknown' };
}

/** The value a filter compares against: in lists, expensive fields are the literal `<expensive field>`. */
export function shownValue(ctx: ViewContext, cls: XeClass, rec: SimRecord, spec: FieldSpec, inList: boolean): string {
  if (inList && spec.expensive) return '<expensive field>';
  return renderValue(fieldValue(ctx, cls, rec, spec), spec);
}

/**
 * xe's record filters (xe-cli.md §6): exact, case-sensitive match on the rendered value (MAC excepted),
 * `map:key=v`, `set:contains=x`; an unknown field is an error as soon as there is a record to test.
 */
export function filterRecords(
  ctx: ViewContext,
  cls: XeClass,
  records: SimRecord[],
  filters: ReadonlyArray<readonly [string, string]>,
  inList: boolean,
): SimRecord[] {
  const specs = fieldsOf(cls, ctx.flavour);
  let current = records;
  for (const [key, wanted] of filters) {
    const target = resolve(specs, key);
    if (target.kind === 'unknown') {
      if (current.length > 0) throw cliError(`Unknown field '${key}'`);
      continue;
    }
    current = current.filter((rec) => {
      if (target.kind === 'map') {
        const v = fieldValue(ctx, cls, rec, target.spec);
        return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, target.key) && v[target.key] === wanted;
      }
      if (target.kind === 'set') {
        const v = fieldValue(ctx, cls, rec, target.spec);
        return Array.isArray(v) && v.includes(wanted);
      }
      const shown = shownValue(ctx, cls, rec, target.spec, inList);
      if (target.spec.name === 'MAC' && (cls === 'vif' || cls === 'pif')) return shown.toLowerCase() === wanted.toLowerCase();
      return shown === wanted;
    });
  }
  return current;
}
