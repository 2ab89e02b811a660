/**
 * Decoders for the raw values of xe's record output (xe-cli.md §4). Values are never escaped by xe, so the
 * map and set decoders are best effort where a key or value itself contains the separator; read a single key
 * exactly with `param-get param-key=` when it matters.
 */

/** What xe prints for a null or dangling reference, and for fields of a missing metrics object. */
export const NOT_IN_DATABASE = '<not in database>';

/** `<not in database>` as null, anything else as is. */
export function decodeXeNullable(raw: string): string | null {
  return raw === NOT_IN_DATABASE ? null : raw;
}

/**
 * A map field, `k1: v1; k2: v2`: split on `"; "`, then each item on its first `": "` (values hold ':' in IPv6
 * addresses, `C:\Windows` and `OpaqueRef:NULL`). An item without `": "` can only be the tail of the previous
 * value that contained `"; "`, so it is glued back. Null for `<not in database>`; the empty string is `{}`.
 */
export function decodeXeMap(raw: string): Map<string, string> | null {
  const map = new Map<string, string>();
  if (raw === NOT_IN_DATABASE) {
    return null;
  }
  if (raw === '') {
    return map;
  }
  let lastKey: string | undefined;
  for (const item of raw.split('; ')) {
    const sep = item.indexOf(': ');
    if (sep < 0) {
      if (lastKey !== undefined) {
        map.set(lastKey, `${map.get(lastKey) ?? ''}; ${item}`);
      } else {
        map.set(item, '');
        lastKey = item;
      }
      continue;
    }
    lastKey = item.slice(0, sep);
    map.set(lastKey, item.slice(sep + 2));
  }
  return map;
}

/** A set field, items joined by `"; "`; the empty string is the empty set. */
export function decodeXeSet(raw: string): string[] {
  return raw === '' ? [] : raw.split('; ');
}

/** `tags` (and host `patches`, network `purpose`...) are the sets xe joins with `", "` instead (§4). */
export function decodeXeTags(raw: string): string[] {
  return raw === '' ? [] : raw.split(', ');
}

/**
 * Booleans as xapi reads them from the command line (§2): 8.2 takes `true t 1 false f 0`, 8.3 (xapi >= 24.13)
 * also `yes y no n`. Output fields only ever print `true`/`false`; the wider forms matter for values that
 * people typed into maps such as other-config. Undefined when the version would reject the text.
 */
export function decodeXeBool(raw: string, release: '8.2' | '8.3' = '8.3'): boolean | undefined {
  switch (raw.toLowerCase()) {
    case 'true':
    case 't':
    case '1':
      return true;
    case 'false':
    case 'f':
    case '0':
      return false;
    case 'yes':
    case 'y':
      return release === '8.3' ? true : undefined;
    case 'no':
    case 'n':
      return release === '8.3' ? false : undefined;
    default:
      return undefined;
  }
}

/** A decimal Int64 as xe prints it (sizes may be -1); undefined for anything else, null for `<not in database>`. */
export function decodeXeInt(raw: string): number | null | undefined {
  if (raw === NOT_IN_DATABASE) {
    return null;
  }
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

/** An object as xe error parameters show it: `<uuid> (<name-label>)`, or a bare uuid for nameless objects. */
export interface XeObjectRef {
  readonly uuid: string;
  readonly name?: string;
}

const OBJECT_REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?: \((.*)\))?$/s;

/** Decodes `uuid (name)`; the name may itself contain parentheses, so it runs to the last ')'. */
export function decodeXeObjectRef(raw: string): XeObjectRef | undefined {
  const m = OBJECT_REF.exec(raw);
  if (m === null) {
    return undefined;
  }
  return m[2] === undefined ? { uuid: m[1] as string } : { uuid: m[1] as string, name: m[2] };
}
