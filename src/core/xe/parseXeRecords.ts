import { XeFieldLayout, XeFields } from './xeFields';
import { XeParseError, type XeParseOptions } from './xeParseError';

/** One record of xe's table output: fields looked up by name, values exactly as printed. */
export interface XeRecord {
  /** Field name (without the access marker) to its raw value; leading and trailing spaces are data. */
  readonly fields: ReadonlyMap<string, string>;
  /** 1-based line of the record's first field, for error messages. */
  readonly line: number;
}

/** One key line's shape: what the next record's line at the same position is compared with. */
interface KeyLine {
  readonly name: string;
  /** Everything before the value: padding, name, marker, colon and the one separating space. */
  readonly prefix: string;
  /** For the strict layout check (§3). */
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

  // The record being read, and the key lines of the one before: every record of one listing has the same
  // fields in the same order and padding, so most lines are the previous record's line at the same position
  // with another value (see followsLayout), and the record's own key list is only made when it departs.
  let values: string[] | undefined;
  let keys: KeyLine[] | undefined;
  let previous: KeyLine[] = [];
  let fieldLayout: XeFieldLayout | undefined;
  // The previous record's layout as one sticky regex (see recordPattern); undefined when there is none.
  let pattern: RegExp | undefined;
  let currentLine = 0;
  let blankRun = 0;
  const keysSoFar = (): readonly KeyLine[] => keys ?? previous.slice(0, values?.length ?? 0);
  const finish = (): void => {
    if (values === undefined) {
      return;
    }
    const same = keys === undefined && values.length === previous.length && fieldLayout !== undefined;
    if (!same) {
      const recordKeys = keysSoFar();
      if (strict) {
        checkLayout(recordKeys, currentLine);
      }
      fieldLayout = new XeFieldLayout(recordKeys.map((k) => k.name));
      previous = [...recordKeys];
      pattern = recordPattern(previous);
    }
    records.push({ fields: new XeFields(fieldLayout as XeFieldLayout, values), line: currentLine });
    values = undefined;
    keys = undefined;
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
    if (values !== undefined && (blankRun >= 2 || (strict && blankRun > 0))) {
      if (strict && blankRun !== 2) {
        throw new XeParseError(`${blankRun} blank lines between records, expected 2`, lineNo, text.slice(start, nl));
      }
      finish();
    }
    if (values === undefined && pattern !== undefined) {
      // A record that repeats the previous one's layout exactly, followed by exactly two blank lines and then
      // another line or the end, is read by one match: what the line-by-line reading below gives for it, at a
      // fraction of the cost. Matches run back to back while records keep repeating it; anything else (other
      // keys or padding, a value with a newline, other blank lines) fails the match and is read line by line.
      pattern.lastIndex = start;
      let match = pattern.exec(text);
      if (match !== null) {
        const layout = fieldLayout as XeFieldLayout;
        const linesPerRecord = previous.length + 2;
        let line = lineNo;
        do {
          records.push({ fields: new XeFields(layout, match.slice(1)), line });
          line += linesPerRecord;
          pos = pattern.lastIndex;
          match = pattern.exec(text);
        } while (match !== null);
        lineNo = line - 1;
        blankRun = 2;
        continue;
      }
    }
    const count = values === undefined ? 0 : values.length;
    const expected = previous[count];
    const key =
      expected !== undefined && followsLayout(text, start, nl, expected, strict) ? expected : scanKeyLine(text.slice(start, nl), expected?.name);
    if (key === undefined) {
      const line = text.slice(start, nl);
      if (values !== undefined && blankRun < 2 && !strict) {
        values[count - 1] = `${values[count - 1] ?? ''}${'\n'.repeat(blankRun + 1)}${line}`;
        blankRun = 0;
      } else {
        reject(lineNo, line, 'not a field line');
      }
      continue;
    }
    if (values !== undefined && key !== expected) {
      // Lenient output may lack the blank lines: the first field coming back, or any field repeating, starts
      // the next record. A line that follows the previous record's layout can do neither.
      const soFar = keysSoFar();
      if (soFar.some((k) => k.name === key.name)) {
        if (strict) {
          throw new XeParseError('0 blank lines between records, expected 2', lineNo, text.slice(start, nl));
        }
        finish();
      }
    }
    if (values !== undefined && blankRun > 0) {
      // Lenient only: a blank line inside a record ends the value above it.
      values[count - 1] = `${values[count - 1] ?? ''}${'\n'.repeat(blankRun)}`;
    }
    if (values === undefined) {
      values = [];
      currentLine = lineNo;
    }
    blankRun = 0;
    const index = values.length;
    if (keys === undefined && key !== previous[index]) {
      keys = previous.slice(0, index);
    }
    keys?.push(key);
    values.push(text.slice(start + key.prefix.length, nl));
  }
  if (strict && blankRun !== 2) {
    throw new XeParseError(`${blankRun} blank lines after the last record, expected 2`, lineNo, '');
  }
  finish();
  return records;
}

/**
 * A sticky regex matching one record whose lines are exactly `keys`' prefixes, each followed by a value
 * without a newline, then the two blank lines that end a record (§3), not followed by a third. Values are its
 * groups, in key order. Undefined when a key has no space after its colon (lenient input): only the line
 * reader knows where such a value starts.
 */
function recordPattern(keys: readonly KeyLine[]): RegExp | undefined {
  if (keys.length === 0 || keys.some((k) => !k.spaced)) {
    return undefined;
  }
  const lines = keys.map((k) => `${k.prefix.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}([^\\n]*)\\n`);
  return new RegExp(`${lines.join('')}\\n\\n(?!\\n)`, 'y');
}

/**
 * Whether the line at [start, end) is `key` again with another value: the name at the same column, the
 * marker after it and ': ' where the value starts. Cheaper than a scan, and most lines of a large listing
 * take this path. Strict mode compares the whole prefix, padding included; lenient mode lets any padding be.
 */
function followsLayout(text: string, start: number, end: number, key: KeyLine, strict: boolean): boolean {
  const valueStart = start + key.prefix.length;
  if (!key.spaced || valueStart > end || text.charCodeAt(valueStart - 1) !== SPACE || text.charCodeAt(valueStart - 2) !== COLON) {
    return false;
  }
  if (strict) {
    return text.startsWith(key.prefix, start);
  }
  const nameStart = start + key.lead;
  const nameEnd = nameStart + key.name.length;
  if ((key.lead > 0 && text.charCodeAt(nameStart - 1) !== SPACE) || text.charCodeAt(nameEnd) !== SPACE || text.charCodeAt(nameEnd + 1) !== OPEN) {
    return false;
  }
  for (let j = 0; j < key.name.length; j++) {
    if (key.name.charCodeAt(j) !== text.charCodeAt(nameStart + j)) {
      return false;
    }
  }
  return true;
}

/**
 * Reads a key line `<spaces><name> (<marker>)[ [DEPRECATED]]<spaces>:[ ]<value>`, the shape of the pattern
 * `^ *(\S+) \((?: RO| RW|SRO|SRW|MRO|MRW)\)( \[DEPRECATED\])? *: ?`, by hand: a regex with captures costs
 * several times the line split on a 1,000-VM refresh. The value is whatever follows the first ': ' after the
 * marker: never split on ':' (IPv6, C:\, OpaqueRef:). `known` is a name to share when it is the same.
 */
function scanKeyLine(line: string, known: string | undefined): KeyLine | undefined {
  const end = line.length;
  let i = 0;
  while (i < end && line.charCodeAt(i) === SPACE) {
    i++;
  }
  const nameStart = i;
  const space = line.indexOf(' ', i);
  // name, space, '(', three marker characters, ')'
  if (space <= nameStart || space + 6 > end || line.charCodeAt(space + 1) !== OPEN || line.charCodeAt(space + 5) !== CLOSE) {
    return undefined;
  }
  const kind = line.charCodeAt(space + 2);
  const r = line.charCodeAt(space + 3);
  const access = line.charCodeAt(space + 4);
  if ((kind !== SPACE && kind !== S && kind !== M) || r !== R || (access !== O && access !== W)) {
    return undefined;
  }
  for (let j = nameStart; j < space; j++) {
    if (line.charCodeAt(j) < SPACE) {
      return undefined;
    }
  }
  let p = space + 6;
  if (line.charCodeAt(p + 1) === BRACKET && line.startsWith(DEPRECATED, p)) {
    p += DEPRECATED.length;
  }
  const keyEnd = p;
  while (p < end && line.charCodeAt(p) === SPACE) {
    p++;
  }
  if (p >= end || line.charCodeAt(p) !== COLON) {
    return undefined;
  }
  const colon = p;
  p++;
  const spaced = p < end && line.charCodeAt(p) === SPACE;
  if (spaced) {
    p++;
  }
  const name = line.slice(nameStart, space);
  return {
    name: name === known ? known : name,
    prefix: line.slice(0, p),
    lead: nameStart,
    keyLength: keyEnd - nameStart,
    pad: colon - keyEnd,
    spaced,
  };
}

/** §3: the first key is left-justified, the others right-justified, all to 4 + the longest key. */
function checkLayout(keys: readonly KeyLine[], firstLine: number): void {
  let longest = 0;
  for (const k of keys) {
    longest = Math.max(longest, k.keyLength);
  }
  const width = longest + 4;
  keys.forEach((k, i) => {
    const ok = i === 0 ? k.lead === 0 && k.keyLength + k.pad === width : k.pad === 0 && k.lead + k.keyLength === width;
    if (!ok) {
      throw new XeParseError(`key not padded to column ${width}`, firstLine + i, k.prefix);
    }
    if (!k.spaced) {
      throw new XeParseError('no space after the colon', firstLine + i, k.prefix);
    }
  });
}
