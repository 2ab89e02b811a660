export type PsTokenKind =
  | 'word'
  | 'param'
  | 'string'
  | 'variable'
  | 'splat'
  | 'newline'
  | 'semi'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'lbrace'
  | 'rbrace'
  | 'comma'
  | 'assign'
  | 'other';

export interface PsToken {
  readonly kind: PsTokenKind;
  /** Offsets into the text. */
  readonly start: number;
  readonly end: number;
  /**
   * word: the text with pasted dashes made ASCII; param: the name without dash or colon; string: the value
   * (`undefined` when it interpolates variables); variable/splat: the lower-cased name.
   */
  readonly value?: string;
  /** param: written `-Name:value`, so the value follows immediately. */
  readonly colon?: boolean;
  /** string: quoted with single quotes (no interpolation). */
  readonly literal?: boolean;
}

// PowerShell's CharTraits: pasted en dash, em dash and horizontal bar are dashes; curly quotes are quotes.
const singleQuotes = "'\u2018\u2019\u201A\u201B";
const doubleQuotes = '"\u201C\u201D\u201E';
const wordStops = ' \t\r\n;|(){},`=';
const doubledSingle = /(['\u2018\u2019\u201A\u201B])['\u2018\u2019\u201A\u201B]/g;
const doubledDouble = /(["\u201C\u201D\u201E])["\u201C\u201D\u201E]/g;

const isNameCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 63;
const isNameChar = (c: string): boolean => c.length > 0 && isNameCode(c.charCodeAt(0));

// Character classes by code: these tests run on every token, and `includes` on a one-character string or a
// Set lookup per character cost more than the rest of the lexer.
const codesOf = (chars: string): number[] => [...chars].map((c) => c.charCodeAt(0));
const singleQuoteCodes = codesOf(singleQuotes);
const doubleQuoteCodes = codesOf(doubleQuotes);
const isSingleQuote = (c: number): boolean => singleQuoteCodes.includes(c);
const isDoubleQuote = (c: number): boolean => doubleQuoteCodes.includes(c);
/** Pasted en dash, em dash, horizontal bar: words keep them as `-`. */
const isPastedDash = (c: number): boolean => c >= 0x2013 && c <= 0x2015;
const isDash = (c: number): boolean => c === 0x2d || isPastedDash(c);

/** Characters that end a bare word (quotes of every kind included): a table for ASCII, the quotes beyond. */
const asciiStops = new Uint8Array(128);
for (const c of codesOf(wordStops + singleQuotes + doubleQuotes)) if (c < 128) asciiStops[c] = 1;
const stopsWord = (c: number): boolean => (c < 128 ? asciiStops[c] === 1 : isSingleQuote(c) || isDoubleQuote(c));

const punctuation: Partial<Record<string, PsTokenKind>> = { ';': 'semi', '(': 'lparen', ')': 'rparen', '{': 'lbrace', '}': 'rbrace', ',': 'comma' };

/**
 * Tokenizes the parts of PowerShell that the Hyper-V checks need (config-formats.md §5.1): comments
 * (`#`, `<# #>`), here-strings, quoted strings with PowerShell's quote equivalences, variables, splats,
 * parameters (any dash), backtick line continuation, and the punctuation that separates statements.
 */
export function lexPowerShell(text: string): PsToken[] {
  const tokens: PsToken[] = [];
  const n = text.length;
  let i = 0;
  /** The first `]` and `\n` at or after the last `[` seen, -1 when there is none; -2 until first needed. */
  let nextClose = -2;
  let nextNewline = -2;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0c || code === 0xa0 || code === 0xfeff) {
      i++;
      continue;
    }
    const c = text[i] as string;
    const start = i;
    if (c === '\n') {
      tokens.push({ kind: 'newline', start, end: ++i });
      continue;
    }
    if (c === '`') {
      // A backtick before the end of the line continues the statement; elsewhere it escapes one character.
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t' || text[j] === '\r') j++;
      i = text[j] === '\n' ? j + 1 : i + 2;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '<' && text[i + 1] === '#') {
      const close = text.indexOf('#>', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === '@' && (singleQuotes.includes(text[i + 1] ?? '\0') || doubleQuotes.includes(text[i + 1] ?? '\0')) && /^[ \t]*\r?\n/.test(text.slice(i + 2, i + 200))) {
      const quote = text[i + 1] as string;
      const family = singleQuotes.includes(quote) ? singleQuotes : doubleQuotes;
      const bodyStart = text.indexOf('\n', i) + 1;
      let j = bodyStart;
      let end = n;
      while (j < n) {
        if (family.includes(text[j] as string) && text[j + 1] === '@') {
          end = j + 2;
          break;
        }
        const next = text.indexOf('\n', j);
        if (next < 0) break;
        j = next + 1;
      }
      tokens.push({ kind: 'string', start, end, literal: family === singleQuotes, value: text.slice(bodyStart, Math.max(bodyStart, end - 3)) });
      i = end;
      continue;
    }
    if (c === '@' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      tokens.push({ kind: text[i + 1] === '(' ? 'lparen' : 'lbrace', start, end: i + 2 });
      i += 2;
      continue;
    }
    if (c === '@' && isNameChar(text[i + 1] ?? '')) {
      i++;
      while (i < n && isNameChar(text[i] as string)) i++;
      tokens.push({ kind: 'splat', start, end: i, value: text.slice(start + 1, i).toLowerCase() });
      continue;
    }
    if (c === '$') {
      if (text[i + 1] === '(') {
        tokens.push({ kind: 'lparen', start, end: i + 2 });
        i += 2;
        continue;
      }
      if (text[i + 1] === '{') {
        const close = text.indexOf('}', i);
        i = close < 0 ? n : close + 1;
        tokens.push({ kind: 'variable', start, end: i, value: text.slice(start + 2, i - 1).toLowerCase() });
        continue;
      }
      i++;
      while (i < n && (isNameChar(text[i] as string) || text[i] === ':')) i++;
      tokens.push({ kind: 'variable', start, end: i, value: text.slice(start + 1, i).toLowerCase() });
      continue;
    }
    if (isSingleQuote(code)) {
      // Scan first, build the value once: a string can be megabytes long.
      i++;
      const bodyStart = i;
      while (i < n) {
        if (singleQuotes.includes(text[i] as string)) {
          if (singleQuotes.includes(text[i + 1] ?? '\0')) {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      const value = text.slice(bodyStart, i).replace(doubledSingle, '$1');
      if (i < n) i++;
      tokens.push({ kind: 'string', start, end: i, value, literal: true });
      continue;
    }
    if (isDoubleQuote(code)) {
      i++;
      const bodyStart = i;
      let interpolates = false;
      while (i < n) {
        const d = text[i] as string;
        if (d === '`') {
          i += 2;
          continue;
        }
        if (doubleQuotes.includes(d)) {
          if (doubleQuotes.includes(text[i + 1] ?? '\0')) {
            i += 2;
            continue;
          }
          break;
        }
        if (d === '$' && /[A-Za-z_{(]/.test(text[i + 1] ?? '')) interpolates = true;
        i++;
      }
      const body = text.slice(bodyStart, Math.min(i, n));
      if (i < n) i++;
      tokens.push(interpolates ? { kind: 'string', start, end: i } : { kind: 'string', start, end: i, value: body.replace(/`(.)/g, '$1').replace(doubledDouble, '$1') });
      continue;
    }
    if (isDash(code) && /[A-Za-z_?]/.test(text[i + 1] ?? '')) {
      i++;
      while (i < n && isNameChar(text[i] as string)) i++;
      const colon = text[i] === ':';
      const name = text.slice(start + 1, i);
      if (colon) i++;
      tokens.push(colon ? { kind: 'param', start, end: i, value: name, colon } : { kind: 'param', start, end: i, value: name });
      continue;
    }
    const kind = punctuation[c];
    if (kind) {
      tokens.push({ kind, start, end: ++i });
      continue;
    }
    if (c === '|') {
      const double = text[i + 1] === '|';
      i += double ? 2 : 1;
      tokens.push({ kind: double ? 'other' : 'pipe', start, end: i });
      continue;
    }
    if (c === '=') {
      tokens.push({ kind: 'assign', start, end: ++i });
      continue;
    }
    if (c === '[') {
      // A type literal such as [string] or [int64]: one token, never a command name.
      // The next `]` and line end are kept for the following brackets: searching again from each `[` scanned
      // to the end of the text every time, quadratic on a long run of brackets.
      if (nextClose === -2 || (nextClose >= 0 && nextClose < i)) nextClose = text.indexOf(']', i);
      if (nextNewline === -2 || (nextNewline >= 0 && nextNewline < i)) nextNewline = text.indexOf('\n', i);
      const close = nextClose;
      const newline = nextNewline;
      if (close > 0 && (newline < 0 || close < newline)) {
        i = close + 1;
        tokens.push({ kind: 'other', start, end: i });
        continue;
      }
    }
    // The word's first character is taken whatever it is (a lone quote or stop that no rule above took).
    let pasted = isPastedDash(code);
    i++;
    for (let d = text.charCodeAt(i); i < n && !stopsWord(d); d = text.charCodeAt(++i)) pasted ||= isPastedDash(d);
    const raw = text.slice(start, i);
    tokens.push({ kind: 'word', start, end: i, value: pasted ? raw.replace(/[\u2013\u2014\u2015]/g, '-') : raw });
  }
  return tokens;
}
