import { XeParseError, type XeParseOptions } from './xeParseError';

/** One record of xe's table output: fields looked up by name, values exactly as printed. */
export interface XeRecord {
  /** Field name (without the access marker) to its raw value; leading and trailing spaces are data. */
  readonly fields: ReadonlyMap<string, string>;
  /** 1-based line of the record's first field, for error messages. */
  readonly line: number;
}

// Groups: 1 leading spaces, 2 key (name + marker [+ deprecated]), 3 name, 4 padding, 5 the space after ':'.
// The value is whatever follows: never split the line on ':' (IPv6, C:\, OpaqueRef:...).
const KEY_LINE = /^( *)((\S+) \((?: RO| RW|SRO|SRW|MRO|MRW)\)(?: \[DEPRECATED\])?)( *):( ?)/;

interface KeyLayout {
  readonly line: number;
  readonly text: string;
  readonly lead: number;
  readonly keyLength: number;
  readonly pad: number;
  readonly spaced: boolean;
}

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

  let current: Map<string, string> | undefined;
  let currentLine = 0;
  let firstName = '';
  let lastName = '';
  let blankRun = 0;
  let layout: KeyLayout[] = [];
  const finish = (): void => {
    if (current !== undefined) {
      if (strict) {
        checkLayout(layout);
      }
      records.push({ fields: current, line: currentLine });
      current = undefined;
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
    const line = text.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (line === '') {
      if (current === undefined && strict) {
        throw new XeParseError('blank line outside a record', lineNo, line);
      }
      blankRun++;
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (m === null) {
      if (current !== undefined && blankRun < 2 && !strict) {
        current.set(lastName, `${current.get(lastName) ?? ''}${'\n'.repeat(blankRun + 1)}${line}`);
        blankRun = 0;
      } else {
        reject(lineNo, line, 'not a field line');
      }
      continue;
    }
    const name = m[3] as string;
    if (current !== undefined) {
      const newRecord = strict ? blankRun > 0 || current.has(name) : blankRun >= 2 || name === firstName || current.has(name);
      if (strict && newRecord && blankRun !== 2) {
        throw new XeParseError(`${blankRun} blank lines between records, expected 2`, lineNo, line);
      }
      if (newRecord) {
        finish();
      } else if (blankRun > 0) {
        // Lenient only: blank lines inside a record end the value above them.
        current.set(lastName, `${current.get(lastName) ?? ''}${'\n'.repeat(blankRun)}`);
      }
    }
    if (current === undefined) {
      current = new Map();
      currentLine = lineNo;
      firstName = name;
    }
    blankRun = 0;
    current.set(name, line.slice(m[0].length));
    lastName = name;
    if (strict) {
      layout.push({
        line: lineNo,
        text: line,
        lead: (m[1] as string).length,
        keyLength: (m[2] as string).length,
        pad: (m[4] as string).length,
        spaced: m[5] === ' ',
      });
    }
  }
  if (strict && blankRun !== 2) {
    throw new XeParseError(`${blankRun} blank lines after the last record, expected 2`, lineNo, '');
  }
  finish();
  return records;
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
