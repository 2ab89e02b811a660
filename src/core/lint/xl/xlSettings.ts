import { parseCInteger } from '../parseCInteger';
import type { XlStatement, XlValue } from './xlTree';
import { isNumericXlKey, xlKeys } from './xlKeys';

/** The text xl reads from an atom: a string's decoded value or a number's digits. */
export function atomText(value: XlValue): string | undefined {
  if (value.kind === 'string') return value.decoded.value;
  if (value.kind === 'number') return value.text;
  return undefined;
}

/**
 * The settings of one config with xl's semantics (config-formats.md §1.1): the last `=` wins, `+=`
 * concatenates strings or lists, and a numeric key touched by `+=` is ignored.
 */
export class XlSettings {
  readonly byKey = new Map<string, XlStatement[]>();

  constructor(readonly statements: readonly XlStatement[]) {
    for (const s of statements) {
      const list = this.byKey.get(s.key);
      if (list) list.push(s);
      else this.byKey.set(s.key, [s]);
    }
  }

  /** The statement that decides the key's value (the last one), if any. */
  last(key: string): XlStatement | undefined {
    const list = this.byKey.get(key);
    return list?.[list.length - 1];
  }

  /** The value xl ends up reading, or undefined when the key is absent or xl ignores it. */
  value(key: string): XlValue | undefined {
    const last = this.last(key);
    if (!last) return undefined;
    if (last.op === '+=' && isNumericXlKey(xlKeys.get(key))) return undefined;
    return last.value;
  }

  number(key: string): number | undefined {
    const value = this.value(key);
    const text = value && atomText(value);
    return text === undefined ? undefined : parseCInteger(text);
  }

  string(key: string): string | undefined {
    const value = this.value(key);
    return value && atomText(value);
  }

  /** `type` with xl's prefix matching (`"h"` means hvm), else `builder` mapped to a type. */
  guestType(): 'pv' | 'pvh' | 'hvm' | undefined {
    const type = this.string('type');
    if (type !== undefined && type !== '') {
      if (type === 'pv' || type === 'pvh' || type === 'hvm') return type;
      return (['hvm', 'pv', 'pvh'] as const).find((t) => t.startsWith(type));
    }
    const builder = this.string('builder');
    if (builder === 'hvm') return 'hvm';
    if (builder === 'generic') return 'pv';
    return undefined;
  }
}
