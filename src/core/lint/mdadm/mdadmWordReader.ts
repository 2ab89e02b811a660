import { codeUnits, type CodeUnits } from '../codeUnits';
import { fourByteWords } from '../fourBytes';
import { MdadmChar } from './mdadmChar';
import { isMdadmWordEvent, nextMdadmWordEvent, stopsMdadmWord } from './mdadmWordStops';
import type { MdadmWord } from './tokenizeMdadmConf';

/**
 * A word without its quote characters: a quote opens at `'` or `"` and closes at the same character. Copies
 * the runs between quotes in one piece each: appending character by character made a 5 MB quoted word take
 * seconds, almost all of it in the garbage collector.
 */
function unquote(raw: string): string {
  let value = '';
  let from = 0;
  let quote = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (quote !== 0 ? c === quote : c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) {
      value += raw.slice(from, i);
      quote = quote !== 0 ? 0 : c;
      from = i + 1;
    }
  }
  return value + raw.slice(from);
}

/** The code units of `units.slice(from, to)` without quote characters (as {@link unquote}), in a new array of the same kind. */
function unquoteUnits(units: CodeUnits, from: number, to: number): CodeUnits {
  const out = units instanceof Uint8Array ? new Uint8Array(to - from) : new Uint16Array(to - from);
  let length = 0;
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = units[i] as number;
    if (quote !== 0 ? c === quote : c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) quote = quote !== 0 ? 0 : c;
    else out[length++] = c;
  }
  return out.subarray(0, length);
}

/**
 * Reads mdadm.conf word by word the way mdadm's `conf_word` does, keeping only the current word: a large
 * mdadm.conf has tens of thousands of words, and an object (or even a string) per word cost more than the
 * whole lint budget, so the analyzer looks at each word here, in place in the text's code units, and makes
 * objects only for findings.
 *
 * Words are separated by space or TAB; a word starting with `#` opens a comment to the end of the line (a `#`
 * inside a word is an ordinary character); quotes may start mid-word, protect blanks, and close at the
 * matching quote or at the end of the line. A line starting with a blank continues the previous keyword line;
 * blank lines and comment lines in between do not end it (conf_word skips them before it looks at the first
 * character of the next line). Lines end where VS Code ends them (`\n`, `\r\n`, lone `\r`), so positions agree
 * with the editor.
 */
export class MdadmWordReader {
  /**
   * The current word: its physical line and columns as written (quotes included)... Worked out when asked,
   * from where the reader is (still on the word's line): stored for every word, they cost more than they served.
   */
  get line(): number {
    return this.lineNumber;
  }

  get start(): number {
    return this.wordOffset - this.lineStart;
  }

  get end(): number {
    return this.wordEnd - this.lineStart;
  }

  /**
   * ...and its code units as mdadm sees it, `source[from..to)`: the text's own units, or a copy without the
   * quote characters when the word has quotes.
   */
  source: CodeUnits;
  from = 0;
  to = 0;
  /** Where the first `=` of the word is in `source`, or -1: what separates an ARRAY tag's name from its value. */
  eq = -1;
  /** Where the current keyword line starts: the offset and number of its physical line. */
  keywordOffset = 0;
  keywordLine = 0;
  /** The first line whose CR mdadm would glue to a word (not one inside a comment), or -1; final once read through. */
  crLine = -1;
  /** The code units of the text, read by everything here (see {@link codeUnits} for how long they stay valid). */
  readonly units: CodeUnits;
  /** The same units as aligned 32-bit words, when the text is ASCII: runs are scanned a word at a time. */
  private readonly words: Int32Array | undefined;
  private readonly length: number;
  private pos: number;
  private lineNumber: number;
  private lineStart: number;
  /** Where the current word starts and ends in the text, and whether it has quotes (then `source` is a copy). */
  private wordOffset = 0;
  private wordEnd = 0;
  private quoted = false;
  /** The current physical line has a comment (its CR, if any, is inside the comment). */
  private comment = false;
  /** Inside a keyword line, which blank-started lines continue. */
  private open = false;

  /** Reads `text` (whose code units `units` are, when the caller has them) from the start, or from the start of the physical line `line` at `offset`. */
  constructor(
    readonly text: string,
    offset = 0,
    line = 0,
    units?: CodeUnits,
  ) {
    this.units = units ?? codeUnits(text);
    this.words = fourByteWords(this.units);
    this.source = this.units;
    this.length = text.length;
    this.pos = offset;
    this.lineNumber = line;
    this.lineStart = offset;
  }

  /** A reader of the current keyword line only, from its keyword on, for callers that want its words again. */
  rereadKeywordLine(): MdadmWordReader {
    return new MdadmWordReader(this.text, this.keywordOffset, this.keywordLine, this.units);
  }

  /** The current word as an object. */
  word(): MdadmWord {
    const text = this.quoted ? unquote(this.text.slice(this.wordOffset, this.wordEnd)) : this.text.slice(this.from, this.to);
    return { text, line: this.line, start: this.start, end: this.end };
  }

  /** Moves to the keyword (first word) of the next keyword line; false at the end of the text. */
  nextLine(): boolean {
    while (this.open && this.nextWord());
    for (;;) {
      if (this.pos >= this.length) return false;
      const c = this.units[this.pos];
      if (c === MdadmChar.Lf || c === MdadmChar.Cr) this.endPhysicalLine();
      const offset = this.lineStart;
      if (this.wordOnLine()) {
        this.open = true;
        this.keywordOffset = offset;
        this.keywordLine = this.lineNumber;
        return true;
      }
    }
  }

  /** Moves to the next word of the current keyword line, continuation lines included; false at its end. */
  nextWord(): boolean {
    const units = this.units;
    for (;;) {
      if (this.wordOnLine()) return true;
      const pos = this.pos;
      // At the end of the text `units[pos]` is not read: a read past the end cost the optimized code.
      const next = pos + (pos + 1 < this.length && units[pos] === MdadmChar.Cr && units[pos + 1] === MdadmChar.Lf ? 2 : 1);
      // A line starting with a word ends the keyword line; blank, empty and comment lines do not. Once it has
      // ended, the next call says so at once: nextLine asks again after a caller read the line to its end.
      const c = next < this.length ? (units[next] as number) : MdadmChar.Space;
      if (pos >= this.length || (c !== MdadmChar.Space && c !== MdadmChar.Tab && c !== MdadmChar.Hash && c !== MdadmChar.Lf && c !== MdadmChar.Cr)) {
        this.open = false;
        return false;
      }
      this.endPhysicalLine();
    }
  }

  /** Where the reader is in the text: the offset of its next character. */
  get offset(): number {
    return this.pos;
  }

  /**
   * Reads the current keyword line to its end and steps over the LF after it, so that the reader is at the
   * start of a physical line, as it is before the first; false (and the reader at the line's end) when the
   * line ends in CR, which {@link nextLine} must see, or ends the text.
   */
  toLineStart(): boolean {
    if (this.pos === this.lineStart && !this.open) return this.pos < this.length;
    while (this.open && this.nextWord());
    if (this.pos >= this.length || this.units[this.pos] !== MdadmChar.Lf) return false;
    this.endPhysicalLine();
    return this.pos < this.length;
  }

  /**
   * Moves to the start of the physical line `line` at `offset`, where no keyword line is open: the lines before
   * it were read by someone else (see settlePlainMdadmLines). Their CRs are not noted, so they must have none.
   */
  moveTo(offset: number, line: number): void {
    this.pos = offset;
    this.lineNumber = line;
    this.lineStart = offset;
    this.comment = false;
    this.open = false;
  }

  /** Steps over the newline at `pos` to the next physical line. */
  private endPhysicalLine(): void {
    const units = this.units;
    if (units[this.pos] === MdadmChar.Cr) {
      if (this.crLine < 0 && !this.comment) this.crLine = this.lineNumber;
      if (this.pos + 1 < this.length && units[this.pos + 1] === MdadmChar.Lf) this.pos++;
    }
    this.pos++;
    this.lineNumber++;
    this.lineStart = this.pos;
    this.comment = false;
  }

  /**
   * Where the run of ordinary characters of the word starting at `from` ends (a blank, newline or quote, or the
   * text's end), noting the first `=` on the way in `eq`, so no one scans the word for it again. In an ASCII
   * text it looks only at the bytes {@link nextEvent} points to; otherwise at every unit.
   */
  private runEnd(from: number): number {
    const units = this.units;
    const length = this.length;
    let eq = -1;
    let pos = from;
    for (; ; pos++) {
      if (this.words !== undefined) pos = this.nextEvent(pos);
      if (pos >= length) break;
      const c = units[pos] as number;
      if (c === MdadmChar.Equals) {
        if (eq < 0) eq = pos;
      } else if (stopsMdadmWord(c)) break;
    }
    this.eq = eq;
    return pos;
  }

  /**
   * The first position from `from` on whose byte is below 0x28 or is `=` (every byte that may end a run, and
   * a few that do not), or the text's length: the full 32-bit reads first, then the last bytes.
   */
  private nextEvent(from: number): number {
    const words = this.words as Int32Array;
    const at = nextMdadmWordEvent(words, from);
    return at >= 0 ? at : this.tailEvent(Math.max(from, words.length << 2));
  }

  /** {@link nextEvent} in the last bytes, after the text's last full 32-bit word. */
  private tailEvent(from: number): number {
    const units = this.units;
    let pos = from;
    while (pos < this.length && !isMdadmWordEvent(units[pos] as number)) pos++;
    return pos;
  }

  /** Steps to the end of the comment that starts at `from`: its newline or the end of the text. */
  private skipComment(from: number): void {
    const units = this.units;
    let pos = from;
    while (pos < this.length && units[pos] !== MdadmChar.Lf && units[pos] !== MdadmChar.Cr) pos++;
    this.comment = true;
    this.pos = pos;
  }

  /**
   * Reads on from the quote at `from` to the end of the word that starts at `start`, points the fields at a
   * copy of the word without its quotes, and returns where the word ends.
   */
  private readQuoted(start: number, from: number): number {
    const units = this.units;
    let pos = from;
    for (let quote = 0; pos < this.length; pos++) {
      const c = units[pos] as number;
      if (c === MdadmChar.Lf || c === MdadmChar.Cr) break;
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === MdadmChar.Space || c === MdadmChar.Tab) break;
      else if (c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) quote = c;
    }
    const source = (this.source = unquoteUnits(units, start, pos));
    this.from = 0;
    this.to = source.length;
    this.eq = source.indexOf(MdadmChar.Equals);
    return pos;
  }

  /**
   * Reads the next word of the current physical line into the fields; false (at its newline or the end) when
   * there is none. It runs for every word, so it holds the plain case only: comments and quotes, which are
   * rare, are read by their own methods.
   */
  private wordOnLine(): boolean {
    const units = this.units;
    const length = this.length;
    let pos = this.pos;
    // The end of the text reads as a newline.
    let c = pos < length ? (units[pos] as number) : MdadmChar.Lf;
    while (c === MdadmChar.Space || c === MdadmChar.Tab) c = ++pos < length ? (units[pos] as number) : MdadmChar.Lf;
    if (c === MdadmChar.Lf || c === MdadmChar.Cr) {
      this.pos = pos;
      return false;
    }
    if (c === MdadmChar.Hash) {
      this.skipComment(pos);
      return false;
    }
    const start = pos;
    pos = this.runEnd(pos);
    c = pos < length ? (units[pos] as number) : MdadmChar.Lf;
    this.quoted = c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote;
    if (this.quoted) pos = this.readQuoted(start, pos);
    else {
      this.source = units;
      this.from = start;
      this.to = pos;
    }
    this.wordOffset = start;
    this.wordEnd = pos;
    this.pos = pos;
    return true;
  }
}
