import { splitSourceLines } from '../sourceLines';

/** One word as mdadm's `conf_word` reads it, with the place it was written. */
export interface MdadmWord {
  /** The word with its quote characters removed, as mdadm sees it. */
  readonly text: string;
  readonly line: number;
  /** Columns of the word as written, quotes included. */
  readonly start: number;
  readonly end: number;
}

/** A keyword line together with its continuation lines. `words[0]` is the keyword. */
export interface MdadmLine {
  readonly words: readonly MdadmWord[];
}

export interface MdadmTokens {
  readonly lines: readonly MdadmLine[];
  /** The first line whose CR mdadm would glue to a word (not one inside a comment), or -1. */
  readonly crLine: number;
  /** The physical lines, CRs removed, for rules that look at the text itself. */
  readonly physical: readonly string[];
}

const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const CR = 0x0d;

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

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
 * Appends the words of one physical line to `words` and says whether the line ends in a comment. A word
 * starting with `#` opens a comment to the end of the line; a `#` inside a word is an ordinary character.
 * Quotes may start mid-word, protect blanks, and close at the matching quote or at the end of the line
 * (mdadm lib.c conf_word; quotes never span lines).
 */
function readWords(text: string, line: number, words: MdadmWord[]): boolean {
  const length = text.length;
  let pos = 0;
  // Most lines have no quote and no tab: their words end at the next space, which indexOf finds in native code,
  // several times faster than looking at every character here.
  if (text.indexOf('"') < 0 && text.indexOf("'") < 0 && text.indexOf('\t') < 0) {
    while (pos < length) {
      while (text.charCodeAt(pos) === SPACE) pos++;
      if (pos >= length) break;
      if (text.charCodeAt(pos) === HASH) return true;
      const start = pos;
      const space = text.indexOf(' ', pos);
      pos = space < 0 ? length : space;
      words.push({ text: text.slice(start, pos), line, start, end: pos });
    }
    return false;
  }
  while (pos < length) {
    let c = text.charCodeAt(pos);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++pos);
    if (pos >= length) break;
    if (c === HASH) return true;
    const start = pos;
    let quotes = false;
    let quote = 0;
    // Character codes rather than one-character strings: this loop sees every character of the file.
    for (; pos < length; pos++) {
      c = text.charCodeAt(pos);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === SPACE || c === TAB) break;
      else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        quote = c;
        quotes = true;
      }
    }
    const raw = text.slice(start, pos);
    words.push({ text: quotes ? unquote(raw) : raw, line, start, end: pos });
  }
  return false;
}

/**
 * Cuts mdadm.conf into keyword lines the way mdadm does. A line starting with a blank continues the previous
 * keyword line; blank lines and comment lines in between do not end it (conf_word skips them before it looks
 * at the first character of the next line).
 */
export function tokenizeMdadmConf(text: string): MdadmTokens {
  const source = splitSourceLines(text);
  const lines: MdadmLine[] = [];
  let current: MdadmWord[] | undefined;
  let crLine = -1;
  for (let index = 0; index < source.lines.length; index++) {
    const physical = source.lines[index] as string;
    const continues = current !== undefined && isBlank(physical[0]);
    const words = continues ? (current as MdadmWord[]) : [];
    const before = words.length;
    const comment = readWords(physical, index, words);
    if (crLine < 0 && !comment && (source.endings[index] as string).charCodeAt(0) === CR) crLine = index;
    if (!continues && words.length > before) {
      current = words;
      lines.push({ words });
    }
  }
  return { lines, crLine, physical: source.lines };
}
