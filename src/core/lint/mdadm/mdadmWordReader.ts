import type { MdadmWord } from './tokenizeMdadmConf';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

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
    if (quote !== 0 ? c === quote : c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      value += raw.slice(from, i);
      quote = quote !== 0 ? 0 : c;
      from = i + 1;
    }
  }
  return value + raw.slice(from);
}

/**
 * Reads mdadm.conf word by word the way mdadm's `conf_word` does, keeping only the current word: a large
 * mdadm.conf has tens of thousands of words, and an object (or even a few array entries) per word cost more
 * than the whole lint budget, so the analyzer looks at each word here, in place, and makes objects only for
 * findings.
 *
 * Words are separated by space or TAB; a word starting with `#` opens a comment to the end of the line (a `#`
 * inside a word is an ordinary character); quotes may start mid-word, protect blanks, and close at the
 * matching quote or at the end of the line. A line starting with a blank continues the previous keyword line;
 * blank lines and comment lines in between do not end it (conf_word skips them before it looks at the first
 * character of the next line). Lines end where VS Code ends them (`\n`, `\r\n`, lone `\r`), so positions agree
 * with the editor.
 */
export class MdadmWordReader {
  /** The current word: its physical line and columns as written (quotes included)... */
  line = 0;
  start = 0;
  end = 0;
  /** ...and its text as mdadm sees it, `source.slice(from, to)` (the text itself unless the word has quotes). */
  source: string;
  from = 0;
  to = 0;
  /** Where the current keyword line starts: the offset and number of its physical line. */
  keywordOffset = 0;
  keywordLine = 0;
  /** The first line whose CR mdadm would glue to a word (not one inside a comment), or -1; final once read through. */
  crLine = -1;
  private readonly length: number;
  /**
   * No quote, TAB or CR anywhere in the text, as in most files: a word then ends at the next space or newline,
   * which indexOf finds in native code, several times faster than looking at every character here.
   */
  private readonly plain: boolean;
  private pos: number;
  private lineNumber: number;
  private lineStart: number;
  /** The current physical line has a comment (its CR, if any, is inside the comment). */
  private comment = false;
  /** Inside a keyword line, which blank-started lines continue. */
  private open = false;
  private nextSpace = -1;
  private nextNewline = -1;

  /** Reads `text` from the start, or from the start of the physical line `line` at `offset`. */
  constructor(
    readonly text: string,
    offset = 0,
    line = 0,
    plain?: boolean,
  ) {
    this.source = text;
    this.length = text.length;
    this.plain = plain ?? (text.indexOf('"') < 0 && text.indexOf("'") < 0 && text.indexOf('\t') < 0 && text.indexOf('\r') < 0);
    this.pos = offset;
    this.lineNumber = line;
    this.lineStart = offset;
  }

  /** A reader of the current keyword line only, from its keyword on, for callers that want its words again. */
  rereadKeywordLine(): MdadmWordReader {
    return new MdadmWordReader(this.text, this.keywordOffset, this.keywordLine, this.plain);
  }

  /** The current word as an object. */
  word(): MdadmWord {
    return { text: this.source.slice(this.from, this.to), line: this.line, start: this.start, end: this.end };
  }

  /** Moves to the keyword (first word) of the next keyword line; false at the end of the text. */
  nextLine(): boolean {
    if (this.open) while (this.nextWord());
    for (;;) {
      if (this.pos >= this.length) return false;
      if (this.atNewline()) this.endPhysicalLine();
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
    for (;;) {
      if (this.wordOnLine()) return true;
      if (this.pos >= this.length) return false;
      const text = this.text;
      const next = this.pos + (text.charCodeAt(this.pos) === CR && text.charCodeAt(this.pos + 1) === LF ? 2 : 1);
      const c = text.charCodeAt(next);
      // A line starting with a word ends the keyword line; blank, empty and comment lines do not.
      if (next < this.length && c !== SPACE && c !== TAB && c !== HASH && c !== LF && c !== CR) return false;
      this.endPhysicalLine();
    }
  }

  private atNewline(): boolean {
    const c = this.text.charCodeAt(this.pos);
    return c === LF || c === CR;
  }

  /** Steps over the newline at `pos` to the next physical line. */
  private endPhysicalLine(): void {
    const text = this.text;
    if (text.charCodeAt(this.pos) === CR) {
      if (this.crLine < 0 && !this.comment) this.crLine = this.lineNumber;
      if (text.charCodeAt(this.pos + 1) === LF) this.pos++;
    }
    this.pos++;
    this.lineNumber++;
    this.lineStart = this.pos;
    this.comment = false;
  }

  /** Reads the next word of the current physical line into the fields; false (at its newline or the end) when there is none. */
  private wordOnLine(): boolean {
    const text = this.text;
    let pos = this.pos;
    // Character codes rather than one-character strings: these loops see most characters of the file.
    let c = text.charCodeAt(pos);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++pos);
    if (pos >= this.length || c === LF || c === CR) {
      this.pos = pos;
      return false;
    }
    if (c === HASH) {
      this.comment = true;
      this.pos = this.plain ? this.newlineFrom(pos) : this.lineEndFrom(pos);
      return false;
    }
    const start = pos;
    if (this.plain) {
      const space = this.spaceFrom(pos);
      const newline = this.newlineFrom(pos);
      pos = space < newline ? space : newline;
      this.source = text;
      this.from = start;
      this.to = pos;
    } else {
      let quote = 0;
      let quoted = false;
      for (; pos < this.length; c = text.charCodeAt(++pos)) {
        if (c === LF || c === CR) break;
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === SPACE || c === TAB) break;
        else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
          quote = c;
          quoted = true;
        }
      }
      this.source = quoted ? unquote(text.slice(start, pos)) : text;
      this.from = quoted ? 0 : start;
      this.to = quoted ? this.source.length : pos;
    }
    this.line = this.lineNumber;
    this.start = start - this.lineStart;
    this.end = pos - this.lineStart;
    this.pos = pos;
    return true;
  }

  private spaceFrom(pos: number): number {
    if (this.nextSpace < pos) {
      this.nextSpace = this.text.indexOf(' ', pos);
      if (this.nextSpace < 0) this.nextSpace = this.length;
    }
    return this.nextSpace;
  }

  private newlineFrom(pos: number): number {
    if (this.nextNewline < pos) {
      this.nextNewline = this.text.indexOf('\n', pos);
      if (this.nextNewline < 0) this.nextNewline = this.length;
    }
    return this.nextNewline;
  }

  /** The newline (LF or CR) or end of text at or after `pos`, for text that may hold CRs. */
  private lineEndFrom(pos: number): number {
    let end = pos;
    for (let c = this.text.charCodeAt(end); end < this.length && c !== LF && c !== CR; c = this.text.charCodeAt(++end));
    return end;
  }
}
