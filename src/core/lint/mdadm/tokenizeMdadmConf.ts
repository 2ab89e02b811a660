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

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** A word without its quote characters: a quote opens at `'` or `"` and closes at the same character. */
function unquote(raw: string): string {
  let value = '';
  let quote: string | undefined;
  for (const c of raw) {
    if (quote !== undefined && c === quote) quote = undefined;
    else if (quote === undefined && (c === '"' || c === "'")) quote = c;
    else value += c;
  }
  return value;
}

/**
 * The words of one physical line. A word starting with `#` opens a comment to the end of the line; a `#`
 * inside a word is an ordinary character. Quotes may start mid-word, protect blanks, and close at the matching
 * quote or at the end of the line (mdadm lib.c conf_word; quotes never span lines).
 */
function wordsOfLine(text: string, line: number): { words: MdadmWord[]; comment: boolean } {
  const words: MdadmWord[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (isBlank(text[pos])) pos++;
    if (pos >= text.length) break;
    if (text[pos] === '#') return { words, comment: true };
    const start = pos;
    let quotes = false;
    let quote: string | undefined;
    while (pos < text.length && (quote !== undefined || !isBlank(text[pos]))) {
      const c = text[pos] as string;
      if (quote !== undefined && c === quote) quote = undefined;
      else if (quote === undefined && (c === '"' || c === "'")) {
        quote = c;
        quotes = true;
      }
      pos++;
    }
    words.push({ text: quotes ? unquote(text.slice(start, pos)) : text.slice(start, pos), line, start, end: pos });
  }
  return { words, comment: false };
}

/**
 * Cuts mdadm.conf into keyword lines the way mdadm does. A line starting with a blank continues the previous
 * keyword line; blank lines and comment lines in between do not end it (conf_word skips them before it looks
 * at the first character of the next line).
 */
export function tokenizeMdadmConf(text: string): MdadmTokens {
  const source = splitSourceLines(text);
  const lines: MdadmWord[][] = [];
  let crLine = -1;
  source.lines.forEach((physical, index) => {
    const { words, comment } = wordsOfLine(physical, index);
    if (crLine < 0 && (source.endings[index] as string).startsWith('\r') && !comment) crLine = index;
    if (words.length === 0) return;
    const current = lines[lines.length - 1];
    if (isBlank(physical[0]) && current) current.push(...words);
    else lines.push(words);
  });
  return { lines: lines.map((words) => ({ words })), crLine, physical: source.lines };
}
