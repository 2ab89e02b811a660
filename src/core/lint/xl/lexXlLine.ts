export type XlTokenKind =
  | 'ident'
  | 'number'
  | 'string'
  | 'eq'
  | 'plusEq'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'semi'
  | 'newline'
  | 'eof'
  /** Input xl's lexer rejects: the characters up to the next blank, like flex's `lexerr` state. */
  | 'error'
  /** A quote with no closing quote on its line; covers the rest of the line. */
  | 'unterminated';

export interface XlToken {
  readonly kind: XlTokenKind;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** For an error token: it starts with one of `+ - . ( ) :`, which makes xl say the file looks like Python. */
  readonly python?: boolean;
}

const enum Ch {
  Tab = 9,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Apostrophe = 39,
  LParen = 40,
  RParen = 41,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Semi = 59,
  Eq = 61,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  LowerA = 97,
  LowerF = 102,
  LowerX = 120,
  LowerZ = 122,
}

const isLower = (c: number): boolean => c >= Ch.LowerA && c <= Ch.LowerZ;
const isDigit = (c: number): boolean => c >= Ch.Zero && c <= Ch.Nine;
const isBlank = (c: number): boolean => c === Ch.Space || c === Ch.Tab;

/**
 * End of a run of input xl rejects. Flex runs it to the next blank; we also stop before the characters that
 * structure a statement, so that `Memory=4096` still shows its `=` and value to the parser and gets one
 * precise finding instead of a swallowed line.
 */
function badWordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (isBlank(d) || d === Ch.Eq || d === Ch.Comma || d === Ch.LBracket || d === Ch.RBracket || d === Ch.Semi || d === Ch.Hash || d === Ch.Quote || d === Ch.Apostrophe) break;
    if (d === Ch.Plus && text.charCodeAt(i + 1) === Ch.Eq) break;
    i++;
  }
  return i;
}

/**
 * Tokenizes one line like xl's flex lexer (libxlu_cfg_l.l, config-formats.md §1.1): identifiers
 * `[a-z][._0-9a-z]*`, numbers `[0-9][0-9a-fx]*`, quoted strings where a backslash escapes the next character,
 * `#` comments to the end of the line (their column goes to `commentStart`), and only space and tab as blanks.
 * Line terminators are not part of the line texts (the caller reports CRs); the line ends with a `newline`
 * token, the last line with `eof`. One line at a time, so the parser can drop the tokens it has read: holding
 * every token of a large file kept them alive long enough for the garbage collector to copy them all.
 */
export function lexXlLine(lines: readonly string[], line: number, tokens: XlToken[], commentStart: Int32Array): void {
  const text = lines[line] as string;
  const n = text.length;
  let i = 0;
  /** The next backslash at or after the string being read, -1 when there is none; -2 until first needed. */
  let backslash = -2;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isLower(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isLower(d) || isDigit(d) || d === Ch.Dot || d === Ch.Underscore) i++;
        else break;
      }
      tokens.push({ kind: 'ident', line, start, end: i });
    } else if (isDigit(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d) || (d >= Ch.LowerA && d <= Ch.LowerF) || d === Ch.LowerX) i++;
        else break;
      }
      tokens.push({ kind: 'number', line, start, end: i });
    } else if (c === Ch.Apostrophe || c === Ch.Quote) {
      i++;
      let closed = false;
      const quote = c === Ch.Quote ? '"' : "'";
      const close = text.indexOf(quote, i);
      // Fast path: no backslash before the closing quote, so nothing can escape it. A forward indexOf, not
      // lastIndexOf from the quote: V8 runs indexOf as fast inline code, lastIndexOf as a slow runtime call.
      // The backslash found is kept for the next strings of the line: searching again from each string scanned
      // to the end of the line every time, quadratic on a line of many strings.
      if (backslash === -2 || (backslash >= 0 && backslash < i)) backslash = text.indexOf('\\', i);
      if (close >= 0 && (backslash < 0 || backslash > close)) {
        i = close + 1;
        closed = true;
      }
      while (!closed && i < n) {
        const d = text.charCodeAt(i);
        if (d === Ch.Backslash) i += 2;
        else if (d === c) {
          i++;
          closed = true;
        } else i++;
      }
      if (closed) tokens.push({ kind: 'string', line, start, end: i });
      else {
        i = n;
        tokens.push({ kind: 'unterminated', line, start, end: n });
      }
    } else if (c === Ch.Hash) {
      commentStart[line] = i;
      i = n;
    } else if (c === Ch.Eq) {
      i++;
      tokens.push({ kind: 'eq', line, start, end: i });
    } else if (c === Ch.Plus && text.charCodeAt(i + 1) === Ch.Eq) {
      i += 2;
      tokens.push({ kind: 'plusEq', line, start, end: i });
    } else if (c === Ch.LBracket || c === Ch.RBracket || c === Ch.Comma || c === Ch.Semi) {
      i++;
      tokens.push({ kind: c === Ch.LBracket ? 'lbracket' : c === Ch.RBracket ? 'rbracket' : c === Ch.Comma ? 'comma' : 'semi', line, start, end: i });
    } else {
      const python = c === Ch.Plus || c === Ch.Minus || c === Ch.Dot || c === Ch.LParen || c === Ch.RParen || c === Ch.Colon;
      i = badWordEnd(text, i + 1);
      tokens.push(python ? { kind: 'error', line, start, end: i, python } : { kind: 'error', line, start, end: i });
    }
  }
  const last = line === lines.length - 1;
  tokens.push({ kind: last ? 'eof' : 'newline', line, start: n, end: n });
}
