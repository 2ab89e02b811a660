import type { TextEdit } from '../finding';
import { rangeOf } from '../rangeOf';
import type { MdadmWord } from './tokenizeMdadmConf';

/**
 * Deletes a word together with the blanks before it, or after it when it starts a continuation line, so
 * the rest of the line keeps its spacing and the line keeps its indentation.
 */
export function removeWordEdit(word: MdadmWord, physicalLine: string): TextEdit {
  let start = word.start;
  while (start > 0 && /[ \t]/.test(physicalLine[start - 1] as string)) start--;
  if (start > 0) return { range: rangeOf(word.line, start, word.end), newText: '' };
  let end = word.end;
  while (end < physicalLine.length && /[ \t]/.test(physicalLine[end] as string)) end++;
  return { range: rangeOf(word.line, word.start, end), newText: '' };
}
