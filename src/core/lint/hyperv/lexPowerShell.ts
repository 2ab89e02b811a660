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
/** What may follow a dash for it to start a parameter: a letter, `_` or `?`. */
const startsParam = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 63;

// Character classes by code: these tests run on every character of the script, and a one-character string
// per character (`text[i]`) or `includes` on one cost more than the rest of the lexer.
const codesOf = (chars: string): number[] => [...chars].map((c) => c.charCodeAt(0));
const singleQuoteCodes = codesOf(singleQuotes);
const doubleQuoteCodes = codesOf(doubleQuotes);
const isSingleQuote = (c: number): boolean => (c < 128 ? c === 0x27 : singleQuoteCodes.includes(c));
const isDoubleQuote = (c: number): boolean => (c < 128 ? c === 0x22 : doubleQuoteCodes.includes(c));
/** Pasted en dash, em dash, horizontal bar: words keep them as `-`. */
const isPastedDash = (c: number): boolean => c >= 0x2013 && c <= 0x2015;
const isDash = (c: number): boolean => c === 0x2d || isPastedDash(c);

/** Characters that end a bare word (quotes of every kind included): a table for ASCII, the quotes beyond. */
const asciiStops = new Uint8Array(128);
for (const c of codesOf(wordStops + singleQuotes + doubleQuotes)) if (c < 128) asciiStops[c] = 1;
const stopsWord = (c: number): boolean => (c < 128 ? asciiStops[c] === 1 : isSingleQuote(c) || isDoubleQuote(c));

const LF = 0x0a;
const BACKTICK = 0x60;
const HASH = 0x23;
const LESS = 0x3c;
const AT = 0x40;
const DOLLAR = 0x24;
const LPAREN = 0x28;
const LBRACE = 0x7b;
const COLON = 0x3a;
const PIPE = 0x7c;
const EQUALS = 0x3d;
const LBRACKET = 0x5b;
const SEMI = 0x3b;
const RPAREN = 0x29;
const RBRACE = 0x7d;
const COMMA = 0x2c;

const punctuation = new Map<number, PsTokenKind>([
  [SEMI, 'semi'],
  [LPAREN, 'lparen'],
  [RPAREN, 'rparen'],
  [LBRACE, 'lbrace'],
  [RBRACE, 'rbrace'],
  [COMMA, 'comma'],
]);

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
    const start = i;
    if (code === LF) {
      tokens.push({ kind: 'newline', start, end: ++i });
      continue;
    }
    if (code === BACKTICK) {
      // A backtick before the end of the line continues the statement; elsewhere it escapes one character.
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '\t' || text[j] === '\r') j++;
      i = text[j] === '\n' ? j + 1 : i + 2;
      continue;
    }
    if (code === HASH) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? n : newline;
      continue;
    }
    if (code === LESS && text.charCodeAt(i + 1) === HASH) {
      const close = text.indexOf('#>', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (code === AT && (isSingleQuote(text.charCodeAt(i + 1)) || isDoubleQuote(text.charCodeAt(i + 1))) && /^[ \t]*\r?\n/.test(text.slice(i + 2, i + 200))) {
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
    if (code === AT && (text.charCodeAt(i + 1) === LPAREN || text.charCodeAt(i + 1) === LBRACE)) {
      tokens.push({ kind: text.charCodeAt(i + 1) === LPAREN ? 'lparen' : 'lbrace', start, end: i + 2 });
      i += 2;
      continue;
    }
    if (code === AT && isNameCode(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isNameCode(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'splat', start, end: i, value: text.slice(start + 1, i).toLowerCase() });
      continue;
    }
    if (code === DOLLAR) {
      if (text.charCodeAt(i + 1) === LPAREN) {
        tokens.push({ kind: 'lparen', start, end: i + 2 });
        i += 2;
        continue;
      }
      if (text.charCodeAt(i + 1) === LBRACE) {
        const close = text.indexOf('}', i);
        i = close < 0 ? n : close + 1;
        tokens.push({ kind: 'variable', start, end: i, value: text.slice(start + 2, i - 1).toLowerCase() });
        continue;
      }
      i++;
      while (i < n && (isNameCode(text.charCodeAt(i)) || text.charCodeAt(i) === COLON)) i++;
      tokens.push({ kind: 'variable', start, end: i, value: text.slice(start + 1, i).toLowerCase() });
      continue;
    }
    if (isSingleQuote(code)) {
      // Scan first, build the value once: a string can be megabytes long.
      i++;
      const bodyStart = i;
      // Only a body with a doubled quote needs the replace (the scan stops at any other quote).
      let doubled = false;
      while (i < n) {
        if (isSingleQuote(text.charCodeAt(i))) {
          if (isSingleQuote(text.charCodeAt(i + 1))) {
            doubled = true;
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      const body = text.slice(bodyStart, i);
      const value = doubled ? body.replace(doubledSingle, '$1') : body;
      if (i < n) i++;
      tokens.push({ kind: 'string', start, end: i, value, literal: true });
      continue;
    }
    if (isDoubleQuote(code)) {
      i++;
      const bodyStart = i;
      let interpolates = false;
      // Every backtick and doubled quote of the body passes through this scan: without one, the body is the value.
      let escaped = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKTICK) {
          escaped = true;
          i += 2;
          continue;
        }
        if (isDoubleQuote(d)) {
          if (isDoubleQuote(text.charCodeAt(i + 1))) {
            escaped = true;
            i += 2;
            continue;
          }
          break;
        }
        if (d === DOLLAR && /[A-Za-z_{(]/.test(text[i + 1] ?? '')) interpolates = true;
        i++;
      }
      const end = Math.min(i, n);
      if (i < n) i++;
      if (interpolates) tokens.push({ kind: 'string', start, end: i });
      else {
        const body = text.slice(bodyStart, end);
        tokens.push({ kind: 'string', start, end: i, value: escaped ? body.replace(/`(.)/g, '$1').replace(doubledDouble, '$1') : body });
      }
      continue;
    }
    if (isDash(code) && startsParam(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isNameCode(text.charCodeAt(i))) i++;
      const colon = text.charCodeAt(i) === COLON;
      const name = text.slice(start + 1, i);
      if (colon) i++;
      tokens.push(colon ? { kind: 'param', start, end: i, value: name, colon } : { kind: 'param', start, end: i, value: name });
      continue;
    }
    const kind = punctuation.get(code);
    if (kind) {
      tokens.push({ kind, start, end: ++i });
      continue;
    }
    if (code === PIPE) {
      const double = text.charCodeAt(i + 1) === PIPE;
      i += double ? 2 : 1;
      tokens.push({ kind: double ? 'other' : 'pipe', start, end: i });
      continue;
    }
    if (code === EQUALS) {
      tokens.push({ kind: 'assign', start, end: ++i });
      continue;
    }
    if (code === LBRACKET) {
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
