import type { Position } from '../finding';
import { splitSourceLines } from '../sourceLines';

/** A run of value characters written one after the other in the source. */
export interface ValueSegment {
  readonly valueStart: number;
  readonly sourceStart: number;
  readonly length: number;
}

/** Where the character at `index` of a value was written; `index === value.length` gives the end of the last one. */
export function sourceOffsetAt(segments: readonly ValueSegment[], index: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as ValueSegment).valueStart <= index) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  return segment ? segment.sourceStart + (index - segment.valueStart) : 0;
}

/** One shell word of a dracut config, with where each character of its value was written. */
export interface DracutWord {
  /** Offsets into {@link DracutSource.text}. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** The word after quote removal, as the variable receives it (expansions are kept as written). */
  readonly value: string;
  /** Where the characters of `value` were written (quotes and escapes make gaps). */
  readonly segments: readonly ValueSegment[];
  readonly quoted: boolean;
  /** Offset of the `(` of an array assignment `name=( ... )`. */
  readonly arrayOpen?: number;
}

/** A simple command: the words up to a newline, `;`, `&` or `|`. */
export interface DracutCommand {
  readonly words: readonly DracutWord[];
}

export interface DracutSource {
  /** The document with its line breaks turned into `\n` (CRs removed), which is what the rules analyse. */
  readonly text: string;
  readonly lines: readonly string[];
  /** The terminator of each line as written: `\n`, `\r\n`, `\r` or `''`. */
  readonly endings: readonly string[];
  readonly commands: readonly DracutCommand[];
  /** The first quote, backquote, `$(`, `${` or `(` that is never closed: bash stops there and runs nothing after it. */
  readonly unterminated?: { readonly offset: number; readonly opener: string };
  /**
   * The first quote whose string runs on into a line that starts like an assignment (`name=`, `name+=`): a
   * missing closing quote, even when a later stray quote happens to balance it.
   */
  readonly swallowed?: { readonly offset: number; readonly opener: string };
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

class Unterminated {
  constructor(
    readonly offset: number,
    readonly opener: string,
  ) {}
}

// Character classes as tables over ASCII codes: the lexer asks them for nearly every character of the file,
// and a Set lookup of a one-character string each time was most of the cost of a large file.
const SEPARATOR = 1;
/** Characters that start quoting, escapes, expansions or an array inside a word. */
const SPECIAL = 2;
const charClass = new Uint8Array(128);
for (const c of ' \t\n;&|)') charClass[c.charCodeAt(0)] = SEPARATOR;
for (const c of '(\\\'"$`') charClass[c.charCodeAt(0)] = SPECIAL;
const isSeparator = (c: number): boolean => c < 128 && charClass[c] === SEPARATOR;
/** Neither a separator nor special: an ordinary character of an unquoted run. */
const isPlain = (c: number): boolean => c >= 128 || charClass[c] === 0;

/**
 * Substitutions and quotes nested deeper than this are reported as unterminated at the opener: each level
 * is a recursion, and a hostile file must not overflow the stack.
 */
const MAX_NESTING = 500;

/** Index just past the closer of `$(`, `${` or a backquote string opening at `open` (the `(`/`{`/`` ` ``). */
function skipNested(s: string, open: number, nesting = 0): number {
  const opener = s[open] as string;
  if (nesting > MAX_NESTING) throw new Unterminated(s[open - 1] === '$' ? open - 1 : open, s[open - 1] === '$' ? `$${opener}` : opener);
  if (opener === '`') {
    for (let j = open + 1; j < s.length; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === '`') return j + 1;
    }
    throw new Unterminated(open, '`');
  }
  const closer = opener === '(' ? ')' : '}';
  let depth = 1;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === "'" && opener === '(') {
      const close = s.indexOf("'", j + 1);
      if (close < 0) throw new Unterminated(j, "'");
      j = close;
    } else if (c === '"') j = skipDoubleQuoted(s, j, nesting + 1) - 1;
    else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return j + 1;
  }
  // `$(` and `${` are reported at the `$`; the `(` of an array assignment on its own.
  if (s[open - 1] === '$') throw new Unterminated(open - 1, `$${opener}`);
  throw new Unterminated(open, opener);
}

/** Index just past the closing `"` of a double-quoted string opening at `open`. */
function skipDoubleQuoted(s: string, open: number, nesting = 0): number {
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c === '$' && (s[j + 1] === '(' || s[j + 1] === '{')) j = skipNested(s, j + 1, nesting + 1) - 1;
    else if (c === '`') j = skipNested(s, j, nesting + 1) - 1;
  }
  throw new Unterminated(open, '"');
}

const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;
const SWALLOWED_ASSIGNMENT = /\n[ \t]*[A-Za-z_][A-Za-z0-9_]*\+?=/;

/**
 * Reads one word starting at `start` with bash's quoting: single quotes keep everything, double quotes let
 * backslash escape `$ \` " \ newline`, `$'...'` takes backslash escapes, backslash-newline joins lines,
 * `$(...)` `${...}` and backquotes are kept whole. A quote may span lines.
 */
function readWord(s: string, start: number, onQuoted: (open: number, close: number) => void): DracutWord {
  const parts: string[] = [];
  const segments: { valueStart: number; sourceStart: number; length: number }[] = [];
  let length = 0;
  let quoted = false;
  let arrayOpen: number | undefined;
  // Slices and runs rather than a string and an offset per character: large files stay cheap to lex.
  const add = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(s.slice(from, to));
    const last = segments[segments.length - 1];
    if (last && last.sourceStart + last.length === from) last.length += to - from;
    else segments.push({ valueStart: length, sourceStart: from, length: to - from });
    length += to - from;
  };
  let i = start;
  while (i < s.length && !isSeparator(s.charCodeAt(i))) {
    const c = s[i] as string;
    if (c === '(') {
      if (!ASSIGNMENT_PREFIX.test(s.slice(start, i)) || arrayOpen !== undefined) break;
      arrayOpen = i;
      const end = skipNested(s, i);
      add(i + 1, end - 1);
      i = end;
    } else if (c === '\\') {
      if (s[i + 1] === '\n') i += 2;
      else {
        add(i + 1, Math.min(i + 2, s.length));
        i += 2;
      }
    } else if (c === "'") {
      quoted = true;
      const close = s.indexOf("'", i + 1);
      if (close < 0) throw new Unterminated(i, "'");
      onQuoted(i, close);
      add(i + 1, close);
      i = close + 1;
    } else if (c === '$' && s[i + 1] === "'") {
      quoted = true;
      let j = i + 2;
      while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) throw new Unterminated(i, "$'");
      add(i + 2, j);
      i = j + 1;
    } else if (c === '"') {
      quoted = true;
      const end = skipDoubleQuoted(s, i);
      onQuoted(i, end - 1);
      let run = i + 1;
      for (let j = i + 1; j < end - 1; j++) {
        if (s[j] === '\\' && '$`"\\\n'.includes(s[j + 1] as string)) {
          add(run, j);
          run = s[j + 1] === '\n' ? j + 2 : j + 1;
          j++;
        }
      }
      add(run, end - 1);
      i = end;
    } else if ((c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) || c === '`') {
      const end = skipNested(s, c === '`' ? i : i + 1);
      add(i, end);
      i = end;
    } else {
      let j = i + 1;
      while (j < s.length && isPlain(s.charCodeAt(j))) j++;
      add(i, j);
      i = j;
    }
  }
  const word = { start, end: i, raw: s.slice(start, i), value: parts.length === 1 ? (parts[0] as string) : parts.join(''), segments, quoted };
  return arrayOpen === undefined ? word : { ...word, arrayOpen };
}

function lineStartsOf(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/**
 * Splits a dracut config into simple commands the way bash reads the file when dracut sources it. Only what
 * the rules need: words, comments, separators, and where an unclosed quote swallows the rest of the file.
 */
export function lexDracutConf(input: string): DracutSource {
  const { lines, endings } = splitSourceLines(input);
  const text = lines.join('\n');
  const starts = lineStartsOf(lines);
  const positionAt = (offset: number): Position => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (starts[lo] as number) };
  };
  const offsetAt = (position: Position): number => {
    const lineStart = starts[Math.min(Math.max(position.line, 0), starts.length - 1)] as number;
    return Math.min(lineStart + position.character, text.length);
  };
  const commands: DracutCommand[] = [];
  let words: DracutWord[] = [];
  const flush = (): void => {
    if (words.length > 0) commands.push({ words });
    words = [];
  };
  let unterminated: DracutSource['unterminated'];
  let swallowed: DracutSource['swallowed'];
  const onQuoted = (open: number, close: number): void => {
    if (swallowed === undefined && SWALLOWED_ASSIGNMENT.test(text.slice(open + 1, close))) swallowed = { offset: open, opener: text[open] as string };
  };
  let i = 0;
  try {
    while (i < text.length) {
      const c = text[i] as string;
      if (c === ' ' || c === '\t') i++;
      else if (isSeparator(text.charCodeAt(i)) || c === '(') {
        flush();
        i++;
      } else if (c === '#') {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length : eol;
      } else {
        const word = readWord(text, i, onQuoted);
        if (word.end === i) {
          // A lone `(` after a word (a function definition or subshell): not part of any word.
          flush();
          i++;
          continue;
        }
        words.push(word);
        i = word.end;
      }
    }
  } catch (error) {
    if (!(error instanceof Unterminated)) throw error;
    unterminated = { offset: error.offset, opener: error.opener };
    words = [];
  }
  flush();
  return {
    text,
    lines,
    endings,
    commands,
    positionAt,
    offsetAt,
    ...(unterminated ? { unterminated } : {}),
    ...(swallowed ? { swallowed } : {}),
  };
}
