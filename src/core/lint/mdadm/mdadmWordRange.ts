import type { Range } from '../finding';
import { rangeOf } from '../rangeOf';
import type { MdadmWord } from './tokenizeMdadmConf';

/** Where a word of mdadm.conf stands in the document, as its findings point at it. */
export function mdadmWordRange(word: MdadmWord): Range {
  return rangeOf(word.line, word.start, word.end);
}
