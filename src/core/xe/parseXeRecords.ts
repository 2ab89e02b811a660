import { XeFieldLayout, XeFields } from './xeFields';
import { XeParseError, type XeParseOptions } from './xeParseError';

/** One record of xe's table output: fields looked up by name, values exactly as printed. */
export interface XeRecord {
  /** Field name (without the access marker) to its raw value; leading and trailing spaces are data. */
  readonly fields: ReadonlyMap<string, string>;
  /** 1-based line of the record's first field, for error messages. */
  readonly line: number;
}

/** Where the parts of a key line are; filled by {@link scanKeyLine} (one object reused for every line). */
interface KeyScan {
  lead: number;
  nameStart: number;
  nameEnd: number;
  /** End of `name ( RO)` [+ ` [DEPRECATED]`]. */
  keyEnd: number;
  colon: number;
  valueStart: number;
}

interface KeyLayout {
  readonly line: number;
  readonly text: string;
  readonly lead: number;
  readonly keyLength: number;
  readonly pad: number;
  readonly spaced: boolean;
}

const SPACE = 32;
const OPEN = 40; // (
const CLOSE = 41; // )
const COLON = 58;
const BRACKET = 91; // [
const M = 77;
const O = 79;
const R = 82;
const S = 83;
const W = 87;
const DEPRECATED = ' [DEPRECATED]';

/**
 * Parses xe's record ("table") output (xe-cli.md §3). Strict mode checks the exact layout: padding, one space
 * after the colon, two blank lines after every record, and throws on any other line. Lenient mode (the
 * product) starts a new record when the first field comes back, a field repeats or two blank lines passed,
 * whatever the padding; an unmarked line less than two blank lines after a field continues that field's value
 * (a value set with newlines through the API); every other line is reported to `onSkip`.
 */
export function parseXeRecords(text: string, options: XeParseOptions = {}): XeRecord[] {
  const strict = options.strict ?? false;
  const records: XeRecord[] = [];
  if (text === '') {
    return records;
  }
  if (strict && !text.endsWith('\n')) {
    throw new XeParseError('output does not end with a newline', 0, '');
  }
  if (/^\n+$/.test(text)) {
    // params= named no existing field: each record prints as three bare newlines (§6).
    if (strict && text.length % 3 !== 0) {
      throw new XeParseError(`${text.length} blank lines do not make whole empty records`, 1, '');
    }
    for (let i = 0; i + 3 <= text.length; i += 3) {
      records.push({ fields: new Map(), line: i + 1 });
    }
    return records;
  }

  // The record being read: its values, and its names only once they stop following the previous layout.
  let values: string[] | undefined;
  let ownNames: string[] | undefined;
  let currentLine = 0;
  let previous: XeFieldLayout | undefined;
  let blankRun = 0;
  let layout: KeyLayout[] = [];
  const scan: KeyScan = { lead: 0, nameStart: 0, nameEnd: 0, keyEnd: 0, colon: 0, valueStart: 0 };
  const seen = (name: string, count: number): boolean => {
    for (let i = 0; i < count; i++) {
      if (nameAt(i) === name) {
        return true;
      }
    }
    return false;
  };
  const nameAt = (i: number): string | undefined => (ownNames ? ownNames[i] : previous?.names[i]);
  const finish = (): void => {
    if (values !== undefined) {
      if (strict) {
        checkLayout(layout);
      }
      if (ownNames !== undefined || previous === undefined || previous.names.length !== values.length) {
        previous = new XeFieldLayout(ownNames ?? previous?.names.slice(0, values.length) ?? []);
      }
      records.push({ fields: new XeFields(previous, values), line: currentLine });
      values = undefined;
      ownNames = undefined;
      layout = [];
    }
  };
  const reject = (lineNo: number, line: string, reason: string): void => {
    if (strict) {
      throw new XeParseError(reason, lineNo, line);
    }
    options.onSkip?.({ line: lineNo, text: line, reason });
  };

  let pos = 0;
  let lineNo = 0;
  // The last '\n' ends the last line; it does not start an empty one.
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  while (pos <= end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) {
      nl = end;
    }
    const start = pos;
    pos = nl + 1;
    lineNo++;
    if (nl === start) {
      if (values === undefined && strict) {
        throw new XeParseError('blank line outside a record', lineNo, '');
      }
      blankRun++;
      continue;
    }
    const count = values?.length ?? 0;
    const expected = values === undefined ? previous?.names[0] : nameAt(count);
    const name = scanKeyLine(text, start, nl, scan) ? fieldName(text, scan, expected) : undefined;
    if (name === undefined) {
      const line = text.slice(start, nl);
      if (values !== undefined && blankRun < 2 && !strict) {
        values[count - 1] = `${values[count - 1] ?? ''}${'\n'.repeat(blankRun + 1)}${line}`;
        blankRun = 0;
      } else {
        reject(lineNo, line, 'not a field line');
      }
      continue;
    }
    if (values !== undefined) {
      // A name that follows the layout cannot repeat one of this record; any other is looked up.
      const repeats = name !== expected && seen(name, count);
      const newRecord = strict ? blankRun > 0 || repeats : blankRun >= 2 || name === nameAt(0) || repeats;
      if (strict && newRecord && blankRun !== 2) {
        throw new XeParseError(`${blankRun} blank lines between records, expected 2`, lineNo, text.slice(start, nl));
      }
      if (newRecord) {
        finish();
      } else if (blankRun > 0) {
        // Lenient only: blank lines inside a record end the value above them.
        values[count - 1] = `${values[count - 1] ?? ''}${'\n'.repeat(blankRun)}`;
      }
    }
    if (values === undefined) {
      values = [];
      currentLine = lineNo;
    }
    const index = values.length;
    if (ownNames === undefined && name !== previous?.names[index]) {
      ownNames = previous?.names.slice(0, index) ?? [];
    }
    ownNames?.push(name);
    blankRun = 0;
    values.push(text.slice(scan.valueStart, nl));
    if (strict) {
      layout.push({
        line: lineNo,
        text: text.slice(start, nl),
        lead: scan.lead,
        keyLength: scan.keyEnd - scan.nameStart,
        pad: scan.colon - scan.keyEnd,
        spaced: scan.valueStart > scan.colon + 1,
      });
    }
  }
  if (strict && blankRun !== 2) {
    throw new XeParseError(`${blankRun} blank lines after the last record, expected 2`, lineNo, '');
  }
  finish();
  return records;
}

/**
 * Reads `<spaces><name> (<marker>)[ [DEPRECATED]]<spaces>:[ ]<value>` between `start` and `end`, the shape of
 * the pattern `^ *(\S+) \((?: RO| RW|SRO|SRW|MRO|MRW)\)( \[DEPRECATED\])? *: ?` but scanned by hand: this
 * runs once per line of a 1,000-VM refresh, and a regex with captures costs several times the line split.
 * The value is whatever follows the first ': ' after the marker: never split on ':' (IPv6, C:\, OpaqueRef:).
 */
function scanKeyLine(text: string, start: number, end: number, out: KeyScan): boolean {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) {
    i++;
  }
  const nameStart = i;
  const space = text.indexOf(' ', i);
  // name, space, '(', three marker characters, ')'
  if (space <= nameStart || space + 6 > end || text.charCodeAt(space + 1) !== OPEN || text.charCodeAt(space + 5) !== CLOSE) {
    return false;
  }
  const kind = text.charCodeAt(space + 2);
  const r = text.charCodeAt(space + 3);
  const access = text.charCodeAt(space + 4);
  if ((kind !== SPACE && kind !== S && kind !== M) || r !== R || (access !== O && access !== W)) {
    return false;
  }
  let p = space + 6;
  if (text.charCodeAt(p + 1) === BRACKET && p + DEPRECATED.length <= end && text.slice(p, p + DEPRECATED.length) === DEPRECATED) {
    p += DEPRECATED.length;
  }
  const keyEnd = p;
  while (p < end && text.charCodeAt(p) === SPACE) {
    p++;
  }
  if (p >= end || text.charCodeAt(p) !== COLON) {
    return false;
  }
  const colon = p;
  p++;
  if (p < end && text.charCodeAt(p) === SPACE) {
    p++;
  }
  out.lead = nameStart - start;
  out.nameStart = nameStart;
  out.nameEnd = space;
  out.keyEnd = keyEnd;
  out.colon = colon;
  out.valueStart = p;
  return true;
}

/**
 * The scanned line's field name, or undefined when it holds blanks or control characters (the pattern's
 * `\S+`). `known` is the name at the same position in the previous record: every record of one listing has
 * the same fields in the same order, and reusing that string saves an allocation per line, which is most of
 * the parse on large pools.
 */
function fieldName(text: string, scan: KeyScan, known: string | undefined): string | undefined {
  if (known !== undefined && known.length === scan.nameEnd - scan.nameStart) {
    // A charCodeAt loop: String.prototype.startsWith with a position is much slower on a large text.
    let same = true;
    for (let j = 0; same && j < known.length; j++) {
      same = known.charCodeAt(j) === text.charCodeAt(scan.nameStart + j);
    }
    if (same) {
      return known;
    }
  }
  for (let j = scan.nameStart; j < scan.nameEnd; j++) {
    if (text.charCodeAt(j) <= SPACE) {
      return undefined;
    }
  }
  return text.slice(scan.nameStart, scan.nameEnd);
}

/** §3: the first key is left-justified, the others right-justified, all to 4 + the longest key. */
function checkLayout(layout: readonly KeyLayout[]): void {
  let longest = 0;
  for (const k of layout) {
    longest = Math.max(longest, k.keyLength);
  }
  const width = longest + 4;
  layout.forEach((k, i) => {
    const ok = i === 0 ? k.lead === 0 && k.keyLength + k.pad === width : k.pad === 0 && k.lead + k.keyLength === width;
    if (!ok) {
      throw new XeParseError(`key not padded to column ${width}`, k.line, k.text);
    }
    if (!k.spaced) {
      throw new XeParseError('no space after the colon', k.line, k.text);
    }
  });
}
