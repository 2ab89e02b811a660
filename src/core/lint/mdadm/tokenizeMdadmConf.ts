import { splitSourceLines } from '../sourceLines';
import { MdadmWordReader } from './mdadmWordReader';

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

/** The words of the keyword line `words` is on, from its keyword on, as objects. */
export function readMdadmLine(words: MdadmWordReader): MdadmLine {
  const line: MdadmWord[] = [words.word()];
  while (words.nextWord()) line.push(words.word());
  return { words: line };
}

/** mdadm.conf cut into keyword lines of words, as objects (see {@link MdadmWordReader} for the rules). */
export function tokenizeMdadmConf(text: string): MdadmTokens {
  const words = new MdadmWordReader(text);
  const lines: MdadmLine[] = [];
  while (words.nextLine()) lines.push(readMdadmLine(words));
  return { lines, crLine: words.crLine, physical: splitSourceLines(text).lines };
}
