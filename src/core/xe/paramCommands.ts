import { parseXeRecords, type XeRecord } from './parseXeRecords';
import { ignoreOutput, uuidArg, xeCommand, type XeCommand } from './xeCommand';
import { XeParseError } from './xeParseError';

/** The object classes whose `<class>-param-*` and `<class>-list` commands the extension uses. */
export type XeClass = 'pool' | 'host' | 'vm' | 'vif' | 'network' | 'pif' | 'sr' | 'vdi' | 'vbd' | 'pbd';

/** One assignment of `<class>-param-set`: a field, or one key of a map field when `key` is given. */
export interface XeParamAssignment {
  readonly field: string;
  readonly key?: string;
  readonly value: string;
}

// Field names are fixed identifiers; a map key may be anything but '=', which ends the key on xe's side (§2).
const FIELD = /^[A-Za-z][A-Za-z0-9_-]*$/;

function fieldName(field: string): string {
  if (!FIELD.test(field)) {
    throw new RangeError(`not an xe field name: ${JSON.stringify(field)}`);
  }
  return field;
}

function mapKey(key: string): string {
  if (key === '' || key.includes('=')) {
    throw new RangeError(`an xe map key cannot be empty or contain '=': ${JSON.stringify(key)}`);
  }
  return key;
}

/**
 * `<class>-param-get`: one value, exact (nothing is escaped without --minimal, §3). Only the one newline xe
 * adds is removed, so leading and trailing spaces survive.
 */
export function paramGet(cls: XeClass, uuid: string, field: string, key?: string): XeCommand<string> {
  const args = [`${cls}-param-get`, uuidArg('uuid', uuid), `param-name=${fieldName(field)}`];
  if (key !== undefined) {
    args.push(`param-key=${key}`);
  }
  return xeCommand(args, (stdout, options) => {
    if (stdout.endsWith('\n')) {
      return stdout.slice(0, -1);
    }
    if (options?.strict === true) {
      throw new XeParseError('param-get output does not end with a newline', 0, stdout);
    }
    return stdout;
  });
}

/** `<class>-param-set uuid= a=b map:key=v ...`; an existing map key is replaced. */
export function paramSet(cls: XeClass, uuid: string, assignments: readonly XeParamAssignment[]): XeCommand<void> {
  if (assignments.length === 0) {
    throw new RangeError('param-set needs at least one assignment');
  }
  const args = [`${cls}-param-set`, uuidArg('uuid', uuid)];
  for (const a of assignments) {
    const target = a.key === undefined ? fieldName(a.field) : `${fieldName(a.field)}:${mapKey(a.key)}`;
    args.push(`${target}=${a.value}`);
  }
  return xeCommand(args, ignoreOutput);
}

/** `<class>-param-remove`: removes one key of a map (or member of a set) field. */
export function paramRemove(cls: XeClass, uuid: string, field: string, key: string): XeCommand<void> {
  return xeCommand(
    [`${cls}-param-remove`, uuidArg('uuid', uuid), `param-name=${fieldName(field)}`, `param-key=${mapKey(key)}`],
    ignoreOutput,
  );
}

/** `<class>-param-list`: every visible field of one object (expensive fields computed). */
export function paramList(cls: XeClass, uuid: string): XeCommand<XeRecord | undefined> {
  return xeCommand([`${cls}-param-list`, uuidArg('uuid', uuid)], (stdout, options) => parseXeRecords(stdout, options)[0]);
}

/**
 * `<class>-list params=...` with exact-match filters (§6). Fields come back by name, in xapi's order, whatever
 * the order asked for; unknown names are dropped silently by xe.
 */
export function listRecords(
  cls: XeClass,
  params: readonly string[],
  filters: Readonly<Record<string, string>> = {},
): XeCommand<XeRecord[]> {
  const args = [`${cls}-list`, `params=${params.map(fieldName).join(',')}`];
  for (const [name, value] of Object.entries(filters)) {
    // Filters name fields, or map keys as `field:key`; `--all` would drop them all, so it is never sent.
    const [field = '', ...key] = name.split(':');
    args.push(`${key.length > 0 ? `${fieldName(field)}:${mapKey(key.join(':'))}` : fieldName(field)}=${value}`);
  }
  return xeCommand(args, (stdout, options) => parseXeRecords(stdout, options));
}
