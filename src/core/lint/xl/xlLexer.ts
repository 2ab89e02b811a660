import type { CodeUnits } from '../codeUnits';

/** What a token is. Numbers, not strings: tokens live in typed arrays, one slot per field. */
export const enum XlTok {
  Ident,
  Number,
  String,
  Eq,
  PlusEq,
  LBracket,
  RBracket,
  Comma,
  Semi,
  /** The end of a line that is not the last. */
  Newline,
  /** The end of the last line; repeated for every token asked for past it. */
  Eof,
  /** Input xl's lexer rejects: the characters up to the next blank, like flex's `lexerr` state. */
  Error,
  /** A quote with no closing quote on its line; covers the rest of the line. */
  Unterminated,
}

/** Token flags. */
export const XL_PYTHON = 1;
/** A string token with a backslash inside: its body needs decoding. */
export const XL_ESCAPED = 2;

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
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

/** Whether a bare word (key or unquoted value) stops before the code unit `c` (followed by `next`). */
function endsBareWord(c: number, next: number): boolean {
  return isBlank(c) || c === Ch.Eq || c === Ch.Comma || c === Ch.LBracket || c === Ch.RBracket || c === Ch.Semi || c === Ch.Hash || c === Ch.Quote || c === Ch.Apostrophe || (c === Ch.Plus && next === Ch.Eq);
}

function grownInt32(array: Int32Array, fill?: number): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  if (fill !== undefined) grown.fill(fill, array.length);
  return grown;
}

function grownUint8(array: Uint8Array): Uint8Array {
  const grown = new Uint8Array(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * Where each line starts and ends, one table shared by every lexer and grown as needed: a lexer's table is read
 * only while its text is parsed (parseXl returns none of it), and a new one per parse, zeroed and then
 * collected, cost about 5% of the lint of a large config.
 */
let sharedLineStarts: Int32Array = new Int32Array(64);
let sharedLineEnds: Int32Array = new Int32Array(64);

/**
 * Tokenizes a whole xl config like xl's flex lexer (libxlu_cfg_l.l, config-formats.md §1.1), one token at a
 * time as the parser asks: identifiers `[a-z][._0-9a-z]*`, numbers `[0-9][0-9a-fx]*`, quoted strings where a
 * backslash escapes the next character and that end with their line, `#` comments to the end of the line
 * (their column goes to `commentStart`), and only space and tab as blanks. Lines end at `\n`, `\r\n` or a
 * lone `\r`, as in the editor (the analyzer reports CRs); each ends with a `newline` token, the last with
 * `eof`.
 *
 * Reads the text's code units with an index and keeps tokens in typed arrays (kind, line, columns, flags)
 * rather than objects or line strings: a large config is mostly list items, and a string and an object per
 * line and per token cost several times the reading itself. Tokens are addressed by their index in the
 * queue until {@link drop} forgets the ones read.
 */
export class XlLexer {
  /**
   * Where each line starts and ends (before its terminator) in the text; valid for lines lexed so far, until
   * the next lexer is made (they share the table).
   */
  lineStarts: Int32Array;
  lineEnds: Int32Array;
  /** Column where a comment starts on each line, or -1. */
  commentStart: Int32Array;
  /** Lines started so far; the last one is the line being lexed. */
  lineCount = 1;

  kinds: Uint8Array = new Uint8Array(64);
  lines: Int32Array = new Int32Array(64);
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  flags: Uint8Array = new Uint8Array(64);
  /** Tokens in the queue. */
  count = 0;

  private pos = 0;
  private line = 0;
  private lineStart = 0;
  private lineEnd = 0;
  private nextLf = -1;
  private nextCr = -1;
  /** The next backslash at or after the string being read, -1 when there is none; -2 until first needed. */
  private nextBackslash = -2;

  /** The string read by {@link lexItemLine}: its columns on the current line. */
  itemStart = 0;
  itemEnd = 0;

  constructor(
    readonly text: string,
    private readonly codes: CodeUnits,
  ) {
    // Sized for lines of about 32 characters, so a large file rarely grows them.
    const lines = Math.max(64, text.length >> 5);
    if (sharedLineStarts.length < lines) {
      sharedLineStarts = new Int32Array(lines);
      sharedLineEnds = new Int32Array(lines);
    }
    this.lineStarts = sharedLineStarts;
    this.lineEnds = sharedLineEnds;
    this.lineStarts[0] = 0;
    this.commentStart = new Int32Array(lines).fill(-1);
    this.nextLf = text.indexOf('\n');
    this.nextCr = text.indexOf('\r');
    this.lineEnd = this.findLineEnd(0);
    this.lineEnds[0] = this.lineEnd;
  }

  /** Where the line starting at `from` ends: the next LF or CR. The next of each is kept, so each is searched once. */
  private findLineEnd(from: number): number {
    if (this.nextLf >= 0 && this.nextLf < from) this.nextLf = this.text.indexOf('\n', from);
    if (this.nextCr >= 0 && this.nextCr < from) this.nextCr = this.text.indexOf('\r', from);
    const lf = this.nextLf < 0 ? this.text.length : this.nextLf;
    const cr = this.nextCr < 0 ? this.text.length : this.nextCr;
    return lf < cr ? lf : cr;
  }

  /** The text of a lexed line, without its terminator. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnds[line]);
  }

  /** The absolute offset of a column of a lexed line. */
  offset(line: number, column: number): number {
    return (this.lineStarts[line] as number) + column;
  }

  /**
   * Where a bare word starting at `column` of a lexed line ends, as a column: at a blank or a character that
   * structures a statement.
   */
  bareWordEnd(line: number, column: number): number {
    const codes = this.codes;
    const start = this.lineStarts[line] as number;
    const end = this.lineEnds[line] as number;
    let i = start + column;
    while (i < end && !endsBareWord(codes[i] as number, i + 1 < end ? (codes[i + 1] as number) : -1)) i++;
    return i - start;
  }

  /** Forgets the first `n` tokens of the queue: the one at index `n` becomes index 0. */
  drop(n: number): void {
    if (n === 0) return;
    const rest = this.count - n;
    if (rest > 0) {
      this.kinds.copyWithin(0, n, this.count);
      this.lines.copyWithin(0, n, this.count);
      this.starts.copyWithin(0, n, this.count);
      this.ends.copyWithin(0, n, this.count);
      this.flags.copyWithin(0, n, this.count);
    }
    this.count = rest > 0 ? rest : 0;
  }

  private push(kind: XlTok, start: number, end: number, flags: number): void {
    this.queue(kind, this.line, start - this.lineStart, end - this.lineStart, flags);
  }

  /** Appends a token given by its line and columns. */
  private queue(kind: XlTok, line: number, start: number, end: number, flags: number): void {
    if (this.count === this.kinds.length) {
      this.kinds = grownUint8(this.kinds);
      this.lines = grownInt32(this.lines);
      this.starts = grownInt32(this.starts);
      this.ends = grownInt32(this.ends);
      this.flags = grownUint8(this.flags);
    }
    const k = this.count++;
    this.kinds[k] = kind;
    this.lines[k] = line;
    this.starts[k] = start;
    this.ends[k] = end;
    this.flags[k] = flags;
  }

  /** Moves to the line after the current one's terminator. */
  private nextLine(): void {
    const end = this.lineEnd;
    const start = end + (this.codes[end] === Ch.Cr && this.codes[end + 1] === Ch.Lf ? 2 : 1);
    this.line++;
    if (this.line === this.lineStarts.length) {
      this.lineStarts = sharedLineStarts = grownInt32(this.lineStarts);
      this.lineEnds = sharedLineEnds = grownInt32(this.lineEnds);
    }
    // Its own size: the shared line table may be longer, left so by a longer text.
    if (this.line === this.commentStart.length) this.commentStart = grownInt32(this.commentStart, -1);
    this.lineCount = this.line + 1;
    this.lineStart = start;
    this.pos = start;
    this.lineEnd = this.findLineEnd(start);
    this.lineStarts[this.line] = start;
    this.lineEnds[this.line] = this.lineEnd;
  }

  /** The next backslash at or after `from`, or -1; searched again only once `from` passes the one kept. */
  private backslashFrom(from: number): number {
    if (this.nextBackslash === -2 || (this.nextBackslash >= 0 && this.nextBackslash < from)) this.nextBackslash = this.text.indexOf('\\', from);
    return this.nextBackslash;
  }

  /**
   * Reads the line ahead when it is one list item and its comma and nothing else: blanks, a quoted string
   * without a backslash, blanks, `,`, blanks, maybe a comment. Its string's columns go to {@link itemStart}
   * and {@link itemEnd}, and the next token is the line's end. Otherwise it reads nothing and returns false.
   * The tokens it stands for (string, comma) are the same as {@link lexOne} would queue; a large list is
   * mostly such lines, and three tokens a line through the queue cost more than reading the line.
   * Only at the start of a line, with nothing of it lexed yet.
   */
  lexItemLine(): boolean {
    const codes = this.codes;
    const n = this.lineEnd;
    let i = this.pos;
    while (i < n && isBlank(codes[i] as number)) i++;
    const quote = i < n ? (codes[i] as number) : -1;
    if (quote !== Ch.Apostrophe && quote !== Ch.Quote) return false;
    const close = this.text.indexOf(quote === Ch.Quote ? '"' : "'", i + 1);
    if (close < 0 || close >= n) return false;
    const backslash = this.backslashFrom(i + 1);
    if (backslash >= 0 && backslash < close) return false;
    let j = close + 1;
    while (j < n && isBlank(codes[j] as number)) j++;
    if (j >= n || codes[j] !== Ch.Comma) return false;
    j++;
    while (j < n && isBlank(codes[j] as number)) j++;
    if (j < n && codes[j] !== Ch.Hash) return false;
    if (j < n) this.commentStart[this.line] = j - this.lineStart;
    this.itemStart = i - this.lineStart;
    this.itemEnd = close + 1 - this.lineStart;
    this.pos = n;
    return true;
  }

  /**
   * After a line read whole by {@link lexItemLine}, with nothing queued: reads the next line the same way when it
   * is one too, without queueing the end of the line between them. Otherwise it leaves what {@link lexOne}
   * would: that line end queued and the next line not yet read (and returns false).
   */
  lexNextItemLine(): boolean {
    if (this.count !== 0 || this.pos !== this.lineEnd || this.lineEnd >= this.text.length) return false;
    const line = this.line;
    const end = this.lineEnd - this.lineStart;
    this.nextLine();
    if (this.lexItemLine()) return true;
    this.queue(XlTok.Newline, line, end, end, 0);
    return false;
  }

  /** Appends the next token to the queue. */
  lexOne(): void {
    const codes = this.codes;
    const n = this.lineEnd;
    let i = this.pos;
    while (i < n && isBlank(codes[i] as number)) i++;
    if (i >= n) {
      this.pos = n;
      if (n >= this.text.length) {
        this.push(XlTok.Eof, n, n, 0);
        return;
      }
      this.push(XlTok.Newline, n, n, 0);
      this.nextLine();
      return;
    }
    const start = i;
    const c = codes[i] as number;
    if (isLower(c)) {
      i++;
      while (i < n) {
        const d = codes[i] as number;
        if (isLower(d) || isDigit(d) || d === Ch.Dot || d === Ch.Underscore) i++;
        else break;
      }
      this.push(XlTok.Ident, start, i, 0);
    } else if (isDigit(c)) {
      i++;
      while (i < n) {
        const d = codes[i] as number;
        if (isDigit(d) || (d >= Ch.LowerA && d <= Ch.LowerF) || d === Ch.LowerX) i++;
        else break;
      }
      this.push(XlTok.Number, start, i, 0);
    } else if (c === Ch.Apostrophe || c === Ch.Quote) {
      i++;
      // Fast path: the closing quote on this line with no backslash before it, found by native searches
      // (several times faster than a loop over the code units). The next backslash is kept for the following
      // strings, so it is searched once for the whole text; each quote search stops at the next quote of its
      // kind, so those never overlap either.
      const close = this.text.indexOf(c === Ch.Quote ? '"' : "'", i);
      const backslash = this.backslashFrom(i);
      if (close >= 0 && close < n && (backslash < 0 || backslash > close)) {
        this.push(XlTok.String, start, close + 1, 0);
        this.pos = close + 1;
        return;
      }
      let closed = false;
      let escaped = 0;
      while (i < n) {
        const d = codes[i] as number;
        if (d === c) {
          i++;
          closed = true;
          break;
        }
        if (d === Ch.Backslash) {
          escaped = XL_ESCAPED;
          i += 2;
        } else i++;
      }
      if (closed) this.push(XlTok.String, start, i, escaped);
      else {
        i = n;
        this.push(XlTok.Unterminated, start, n, 0);
      }
    } else if (c === Ch.Hash) {
      this.commentStart[this.line] = i - this.lineStart;
      this.pos = n;
      this.lexOne();
      return;
    } else if (c === Ch.Eq) {
      i++;
      this.push(XlTok.Eq, start, i, 0);
    } else if (c === Ch.Plus && i + 1 < n && codes[i + 1] === Ch.Eq) {
      i += 2;
      this.push(XlTok.PlusEq, start, i, 0);
    } else if (c === Ch.LBracket || c === Ch.RBracket || c === Ch.Comma || c === Ch.Semi) {
      i++;
      this.push(c === Ch.LBracket ? XlTok.LBracket : c === Ch.RBracket ? XlTok.RBracket : c === Ch.Comma ? XlTok.Comma : XlTok.Semi, start, i, 0);
    } else {
      const python = c === Ch.Plus || c === Ch.Minus || c === Ch.Dot || c === Ch.LParen || c === Ch.RParen || c === Ch.Colon;
      // Flex runs a rejected run to the next blank; we also stop before the characters that structure a
      // statement, so that `Memory=4096` still shows its `=` and value to the parser and gets one precise
      // finding instead of a swallowed line.
      i++;
      while (i < n && !endsBareWord(codes[i] as number, i + 1 < n ? (codes[i + 1] as number) : -1)) i++;
      this.push(XlTok.Error, start, i, python ? XL_PYTHON : 0);
    }
    this.pos = i;
  }
}
