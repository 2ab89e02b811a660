import { rangeOf } from '../rangeOf';
import type { Range } from '../finding';
import type { XlString } from './xlTree';
import { splitXlSpecOffsets, type XlSpecOffsets } from './splitXlSpecOffsets';

/** One comma-separated item of a vif or disk spec string, with offsets into the string body. */
export interface XlSpecItem {
  /** The key of a `key=value` item, or undefined for a flag or positional item. */
  readonly key: string | undefined;
  readonly value: string;
  readonly offset: number;
  readonly end: number;
  readonly valueOffset: number;
}

/** Splits a spec body at commas, trimming blanks around each item; empty items are dropped unless kept. */
export function splitXlSpec(body: string, from = 0, to = body.length, keepEmpty = false): XlSpecItem[] {
  const offsets: XlSpecOffsets = { items: new Int32Array(24), count: 0 };
  splitXlSpecOffsets(body, from, to, keepEmpty, offsets);
  const items: XlSpecItem[] = [];
  for (let k = 0; k < offsets.count; k++) {
    const a = offsets.items[k * 3] as number;
    const b = offsets.items[k * 3 + 1] as number;
    const eq = offsets.items[k * 3 + 2] as number;
    items.push(eq < 0 ? { key: undefined, value: body.slice(a, b), offset: a, end: b, valueOffset: a } : { key: body.slice(a, eq), value: body.slice(eq + 1, b), offset: a, end: b, valueOffset: eq + 1 });
  }
  return items;
}

/** The document range of `length` characters at `offset` in the body of a string. */
export function specRange(str: XlString, offset: number, length: number): Range {
  return rangeOf(str.line, str.start + 1 + offset, str.start + 1 + offset + length);
}
