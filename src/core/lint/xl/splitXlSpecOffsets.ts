/**
 * The items of a vif or disk spec as offsets into the string body, three numbers per item: start and end
 * (blanks trimmed) and the `=` inside, or -1. `items` is reused and grown between calls: a large config has
 * thousands of disk specs, and one object and two string copies per item dominated their check.
 */
export interface XlSpecOffsets {
  items: Int32Array;
  count: number;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** Splits `body[from, to]` at commas; empty items are dropped unless `keepEmpty`. */
export function splitXlSpecOffsets(body: string, from: number, to: number, keepEmpty: boolean, into: XlSpecOffsets): void {
  let count = 0;
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
      if ((count + 1) * 3 > into.items.length) {
        const grown = new Int32Array(into.items.length * 2);
        grown.set(into.items);
        into.items = grown;
      }
      into.items[count * 3] = a;
      into.items[count * 3 + 1] = b;
      into.items[count * 3 + 2] = eq >= 0 && eq < b ? eq : -1;
      count++;
    }
    start = i + 1;
  }
  into.count = count;
}
