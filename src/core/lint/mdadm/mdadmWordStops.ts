import { MdadmChar } from './mdadmChar';

/**
 * What ends a plain run of an mdadm.conf word (conf_word in config.c): a blank, a newline, or a quote, which
 * goes on to quote the rest of the word. Both readers ask here: the word-by-word {@link MdadmWordReader} and
 * the one-loop settlePlainMdadmLines, so they cannot disagree on where a word ends.
 */
const EVENTS_BELOW = 0x28;

/**
 * Whether the code unit `c` ends (or, for a quote, interrupts) the plain run of a word. Six comparisons: a
 * look-up table cost more (it is asked at every blank and `=` of a large file).
 */
export function stopsMdadmWord(c: number): boolean {
  return c === MdadmChar.Space || c === MdadmChar.Lf || c === MdadmChar.Tab || c === MdadmChar.Cr || c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote;
}

/**
 * Per byte of a 32-bit read of ASCII text (first byte lowest), 0x80 where the byte may matter inside a word:
 * below 0x28 (every byte {@link stopsMdadmWord} and a few that do not stop it) or `=` (what separates an ARRAY
 * tag from its value); 0 elsewhere. Exact for every byte: no byte is 0x80 or more, so adding to one never
 * carries into the next, and each set bit can be cleared on its own (`mask & (mask - 1)`).
 */
function mdadmWordEvents(x: number): number {
  return ~((x + 0x58585858) & ((x ^ 0x3d3d3d3d) + 0x7f7f7f7f)) & 0x80808080;
}

/** Whether `c` is below 0x28 or `=`: a byte {@link mdadmWordEvents} marks, for the units of a text that is not ASCII. */
export function isMdadmWordEvent(c: number): boolean {
  return c < EVENTS_BELOW || c === MdadmChar.Equals;
}

/**
 * The position of the first byte from `from` on that {@link mdadmWordEvents} marks, in the full 32-bit reads
 * `fours` of an ASCII text; -1 when there is none before the last full read ends. Words of a large file are
 * found by jumping from one such byte to the next, a read at a time.
 */
export function nextMdadmWordEvent(fours: Int32Array, from: number): number {
  const full = fours.length;
  let index = from >> 2;
  if (index >= full) return -1;
  let events = mdadmWordEvents(fours[index] as number) & (-1 << ((from & 3) << 3));
  while (events === 0) {
    if (++index >= full) return -1;
    events = mdadmWordEvents(fours[index] as number);
  }
  return (index << 2) | ((31 - Math.clz32(events & -events)) >> 3);
}
