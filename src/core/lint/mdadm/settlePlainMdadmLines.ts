import type { MdadmArrayFacts } from './mdadmArrayFacts';
import { MdadmChar } from './mdadmChar';
import { matchMdadmKeywordAt, mdadmKeywords } from './mdadmKeywords';
import type { MdadmRepeats } from './mdadmRepeats';
import type { MdadmWordReader } from './mdadmWordReader';

const ARRAY = mdadmKeywords.findIndex((k) => k.name === 'ARRAY');
const DEVICE = mdadmKeywords.findIndex((k) => k.name === 'DEVICE');

/** What the analyzer asks of the lines {@link settlePlainMdadmLines} settles for it. */
export interface PlainLineRules {
  /** Whether the ARRAY line read into `facts` breaks no rule of its own (repeats are looked up here). */
  quietArray(facts: MdadmArrayFacts): boolean;
  /** The device names and UUIDs of the ARRAY lines read so far; settled lines note theirs. */
  readonly repeats: MdadmRepeats;
  /** Per index in mdadmKeywords, the line of its first keyword line or -1; settled DEVICE lines note theirs. */
  readonly firstOfKeyword: number[];
}

/**
 * Settles, from where `words` is, the lines that need no finding and are plain, and moves `words` past them
 * to the first line that needs the analyzer's full reading (or the end). Plain lines are: empty lines, comment
 * lines, DEVICE lines of absolute paths, and ARRAY lines that break no rule and repeat no device name or UUID
 * (whose names and UUIDs are then noted, as the full reading notes them), with their continuation lines.
 * Their words have no quotes and no line has a CR; anything else stops here, at the start of its keyword line,
 * with nothing noted for it.
 *
 * Why a second reading: a large mdadm.conf is thousands of such lines, and reading them word by word through
 * {@link MdadmWordReader.nextWord} and the analyzer's rules cost twice what one loop over a line costs. The
 * words are found by the reader's own {@link MdadmWordReader.runEnd} and judged by the same
 * {@link MdadmArrayFacts}, so the two readings cannot disagree on what a word is.
 */
export function settlePlainMdadmLines(words: MdadmWordReader, facts: MdadmArrayFacts, rules: PlainLineRules): void {
  if (!words.toLineStart()) return;
  const units = words.units;
  const length = units.length;
  /** The first line not settled: where `words` goes at the end. */
  let start = words.offset;
  let startLine = words.line;
  let pos = start;
  let line = startLine;
  while (pos < length) {
    let c = units[pos] as number;
    if (c === MdadmChar.Hash) {
      while (c !== MdadmChar.Lf && c !== MdadmChar.Cr) c = ++pos < length ? (units[pos] as number) : MdadmChar.Lf;
      if (c === MdadmChar.Cr) break;
    } else if (c !== MdadmChar.Lf) {
      if (c === MdadmChar.Space || c === MdadmChar.Tab || c === MdadmChar.Cr) break;
      const keywordEnd = words.runEnd(pos);
      c = keywordEnd < length ? (units[keywordEnd] as number) : MdadmChar.Lf;
      if (c === MdadmChar.Cr || c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) break;
      const index = matchMdadmKeywordAt(units, pos, keywordEnd);
      if (index !== ARRAY && index !== DEVICE) break;
      if (index === ARRAY) facts.begin();
      pos = keywordEnd;
      // The words of the keyword line, to the newline before the next line that starts with a word: as for
      // mdadm, a line that starts with a blank continues it, and empty and comment lines do not end it.
      let plain = true;
      for (;;) {
        c = pos < length ? (units[pos] as number) : MdadmChar.Lf;
        while (c === MdadmChar.Space || c === MdadmChar.Tab) c = ++pos < length ? (units[pos] as number) : MdadmChar.Lf;
        if (c === MdadmChar.Hash) while (c !== MdadmChar.Lf && c !== MdadmChar.Cr) c = ++pos < length ? (units[pos] as number) : MdadmChar.Lf;
        if (c === MdadmChar.Cr) {
          plain = false;
          break;
        }
        if (c === MdadmChar.Lf) {
          const first = pos + 1 < length ? (units[pos + 1] as number) : -1;
          if (first === MdadmChar.Cr) plain = false;
          if (first !== MdadmChar.Space && first !== MdadmChar.Tab && first !== MdadmChar.Hash && first !== MdadmChar.Lf) break;
          pos++;
          line++;
          continue;
        }
        const wordStart = pos;
        pos = words.runEnd(pos);
        c = pos < length ? (units[pos] as number) : MdadmChar.Lf;
        if (c === MdadmChar.Cr || c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) {
          plain = false;
          break;
        }
        if (index === ARRAY) facts.take(units, wordStart, pos, words.eq, line);
        else if (units[wordStart] !== MdadmChar.Slash) {
          plain = false;
          break;
        }
      }
      if (!plain) break;
      if (index === DEVICE) {
        if ((rules.firstOfKeyword[DEVICE] as number) < 0) rules.firstOfKeyword[DEVICE] = startLine;
      } else {
        if (!rules.quietArray(facts)) break;
        const repeats = rules.repeats;
        if ((facts.devname && repeats.devnameSeen(facts) >= 0) || (facts.uuidRead && repeats.uuidSeen(facts, startLine) >= 0)) break;
        if (facts.devname) repeats.noteDevname();
        if (facts.uuidRead) repeats.noteUuid();
      }
    }
    // At the newline that ends the settled line, or at the end of the text.
    if (pos < length) {
      pos++;
      line++;
    }
    start = pos;
    startLine = line;
  }
  words.moveTo(start, startLine);
}
