import { rangeOf } from '../rangeOf';
import type { Range } from '../finding';
import type { XlString } from './parseXl';

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
  const items: XlSpecItem[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && body[i] !== ',') continue;
    let a = start;
    let b = i;
    while (a < b && (body[a] === ' ' || body[a] === '\t')) a++;
    while (b > a && (body[b - 1] === ' ' || body[b - 1] === '\t')) b--;
    if (b > a || keepEmpty) {
      const text = body.slice(a, b);
      const eq = text.indexOf('=');
      items.push(eq < 0 ? { key: undefined, value: text, offset: a, end: b, valueOffset: a } : { key: text.slice(0, eq), value: text.slice(eq + 1), offset: a, end: b, valueOffset: a + eq + 1 });
    }
    start = i + 1;
  }
  return items;
}

/** The document range of `length` characters at `offset` in the body of a string. */
export function specRange(str: XlString, offset: number, length: number): Range {
  return rangeOf(str.line, str.start + 1 + offset, str.start + 1 + offset + length);
}
