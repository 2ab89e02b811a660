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
  // The next `=` at or after the current item, searched again only once passed, so items without one do not
  // each rescan to the end of the body.
  let eq = body.indexOf('=', from);
  while (start <= to) {
    // indexOf jumps to the next comma in native code; a loop over every character cost several times more.
    const comma = body.indexOf(',', start);
    const i = comma < 0 || comma > to ? to : comma;
    let a = start;
    let b = i;
    while (a < b && isBlank(body.charCodeAt(a))) a++;
    while (b > a && isBlank(body.charCodeAt(b - 1))) b--;
    if (b > a || keepEmpty) {
      if (eq >= 0 && eq < a) eq = body.indexOf('=', a);
      items.push(eq < 0 || eq >= b ? { key: undefined, value: body.slice(a, b), offset: a, end: b, valueOffset: a } : { key: body.slice(a, eq), value: body.slice(eq + 1, b), offset: a, end: b, valueOffset: eq + 1 });
    }
    start = i + 1;
  }
  return items;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** The document range of `length` characters at `offset` in the body of a string. */
export function specRange(str: XlString, offset: number, length: number): Range {
  return rangeOf(str.line, str.start + 1 + offset, str.start + 1 + offset + length);
}
