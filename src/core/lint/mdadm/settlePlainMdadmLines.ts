import type { CodeUnits } from '../codeUnits';
import { fourByteView, fourByteWords, fourCharsRead, lowBytes } from '../fourBytes';
import { PRINTED_MDADM_UUID_LENGTH } from '../raid/mdUuid';
import type { MdadmArrayFacts } from './mdadmArrayFacts';
import { mdadmArrayTags } from './mdadmArrayTags';
import { MdadmChar } from './mdadmChar';
import { matchMdadmKeywordAt, mdadmKeywords } from './mdadmKeywords';
import type { MdadmRepeats } from './mdadmRepeats';
import type { MdadmWordReader } from './mdadmWordReader';
import { nextMdadmWordEvent, stopsMdadmWord } from './mdadmWordStops';

const ARRAY = mdadmKeywords.findIndex((k) => k.name === 'ARRAY');
const DEVICE = mdadmKeywords.findIndex((k) => k.name === 'DEVICE');
/** From the `=` of `uuid=` to the unit after a printed UUID. */
const UUID_WORD_REST = 1 + PRINTED_MDADM_UUID_LENGTH;
const UUID = mdadmArrayTags.findIndex((t) => t.name === 'uuid');
const METADATA = mdadmArrayTags.findIndex((t) => t.name === 'metadata');
/** A read with every byte's 0x20 bit set: letters in lower case (the heads below are letters only). */
const LOWER_CASE = 0x20202020;
const UUID_HEAD = fourCharsRead('uuid');
const META_HEAD = fourCharsRead('meta');
const DATA_HEAD = fourCharsRead('data');
/** How many units from a word's start the tag heads look at: `metadata=`. */
const TAG_PEEK = 9;

/** What the analyzer asks of the lines {@link settlePlainMdadmLines} settles for it. */
export interface PlainLineRules {
  /** Whether the ARRAY line read into `facts` breaks no rule of its own (repeats are looked up here). */
  quietArray(facts: MdadmArrayFacts): boolean;
  /** The device names and UUIDs of the ARRAY lines read so far; settled lines note theirs. */
  readonly repeats: MdadmRepeats;
  /** Per index in mdadmKeywords, the line of its first keyword line or -1; settled DEVICE lines note theirs. */
  readonly firstOfKeyword: number[];
}

/** Where the comment at `from` ends (its LF or CR), or -1 when it runs past the last full four-byte read. */
function commentEnd(units: CodeUnits, fours: Int32Array, from: number): number {
  for (let pos = from; ; pos++) {
    pos = nextMdadmWordEvent(fours, pos);
    if (pos < 0) return -1;
    const c = units[pos] as number;
    if (c === MdadmChar.Lf || c === MdadmChar.Cr) return pos;
  }
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
 * {@link MdadmWordReader.nextWord} and the analyzer's rules cost twice what one loop over a line costs. This
 * loop reads an ASCII text four bytes at a time and goes from one byte that may matter to the next
 * ({@link nextMdadmWordEvent}); a word ends where {@link stopsMdadmWord} says, as in the reader, and is judged by
 * the same {@link MdadmArrayFacts}, so the two readings cannot disagree on what a word is or means. The tags
 * `mdadm --examine --scan` writes, uuid= and metadata=, are known by their first bytes rather than scanned and
 * looked up, a printed UUID is read before the end of its word is known, and the last keyword and the last
 * good metadata= value are remembered by their bytes, since consecutive lines repeat them. It leaves
 * to the reader a text that is not ASCII and the last bytes after the last full four, so that it never reads
 * past the end.
 */
export function settlePlainMdadmLines(words: MdadmWordReader, facts: MdadmArrayFacts, rules: PlainLineRules): void {
  if (!words.toLineStart()) return;
  const units = words.units;
  const fours = fourByteWords(units);
  const view = fourByteView(units);
  if (fours === undefined || view === undefined) return;
  /** Where the loop stops: every byte before it is in a full four-byte read. */
  const limit = fours.length << 2;
  /** The first line not settled: where `words` goes at the end. */
  let start = words.offset;
  let startLine = words.line;
  let pos = start;
  let line = startLine;
  /**
   * The last keyword read, as its first eight bytes or fewer (two reads, masked to its length), and what it
   * matched: consecutive keyword lines mostly start with the same word, and comparing two reads costs less
   * than finding the word's end and matching it. A keyword longer than eight bytes is not remembered.
   */
  let lastLength = 0;
  let lastHead = 0;
  let lastTail = 0;
  let lastHeadMask = 0;
  let lastTailMask = 0;
  let lastKeyword = -1;
  /**
   * The last `metadata=` value takeTag found good, as one read masked to its length (1 to 4; -1 for none):
   * nearly every ARRAY line of a large file repeats it.
   */
  let lastMetadataLength = -1;
  let lastMetadataRead = 0;
  lines: while (pos < limit) {
    let c = units[pos] as number;
    if (c === MdadmChar.Lf) {
      start = ++pos;
      startLine = ++line;
      continue;
    }
    if (c === MdadmChar.Hash) {
      pos = commentEnd(units, fours, pos);
      if (pos < 0 || units[pos] === MdadmChar.Cr) break;
      start = ++pos;
      startLine = ++line;
      continue;
    }
    if (c === MdadmChar.Space || c === MdadmChar.Tab || c === MdadmChar.Cr) break;
    const keywordStart = pos;
    let keyword: number;
    if (
      lastLength > 0 &&
      pos + 8 < limit &&
      (view.getInt32(pos, true) & lastHeadMask) === lastHead &&
      (view.getInt32(pos + 4, true) & lastTailMask) === lastTail &&
      stopsMdadmWord(units[pos + lastLength] as number)
    ) {
      keyword = lastKeyword;
      pos += lastLength;
      c = units[pos] as number;
    } else {
      // Every scan goes from `pos` to the next event (see nextMdadmWordEvent) and reads its byte into `c`.
      for (;; pos++) {
        pos = nextMdadmWordEvent(fours, pos);
        if (pos < 0) break lines;
        c = units[pos] as number;
        if (stopsMdadmWord(c)) break;
      }
      keyword = matchMdadmKeywordAt(units, keywordStart, pos);
      const length = pos - keywordStart;
      lastLength = length <= 8 && keywordStart + 8 < limit ? length : 0;
      lastHeadMask = lowBytes(Math.min(length, 4));
      lastTailMask = length > 4 ? lowBytes(length - 4) : 0;
      lastHead = lastLength > 0 ? view.getInt32(keywordStart, true) & lastHeadMask : 0;
      lastTail = lastLength > 0 ? view.getInt32(keywordStart + 4, true) & lastTailMask : 0;
      lastKeyword = keyword;
    }
    if (c === MdadmChar.Cr || c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) break;
    if (keyword !== ARRAY && keyword !== DEVICE) break;
    const isArray = keyword === ARRAY;
    if (isArray) facts.begin();
    // The words of the keyword line, to the newline before the next line that starts with a word: as for
    // mdadm, a line that starts with a blank continues it, and empty and comment lines do not end it.
    for (;;) {
      while (c === MdadmChar.Space || c === MdadmChar.Tab) {
        if (++pos >= limit) break lines;
        c = units[pos] as number;
      }
      if (c === MdadmChar.Hash) {
        pos = commentEnd(units, fours, pos);
        if (pos < 0) break lines;
        c = units[pos] as number;
      }
      if (c === MdadmChar.Cr) break lines;
      if (c === MdadmChar.Lf) {
        if (pos + 1 >= limit) break lines;
        const first = units[pos + 1] as number;
        // A line that starts with CR is an empty line to the reader, which notes the CR.
        if (first === MdadmChar.Cr) break lines;
        if (first !== MdadmChar.Space && first !== MdadmChar.Tab && first !== MdadmChar.Hash && first !== MdadmChar.Lf) break;
        pos++;
        line++;
        c = first;
        continue;
      }
      const wordStart = pos;
      let eq = -1;
      /** The tag recognised by its bytes, or -1. */
      let tag = -1;
      let taken = false;
      // uuid= and metadata=, the tags `mdadm --examine --scan` writes, are recognised by their bytes, so that
      // their names are not scanned, and a UUID is read before its end is known (see takePrintedUuid).
      if (isArray && wordStart + TAG_PEEK <= limit) {
        const head = view.getInt32(wordStart, true) | LOWER_CASE;
        if (head === UUID_HEAD && units[wordStart + 4] === MdadmChar.Equals) {
          tag = UUID;
          eq = wordStart + 4;
          const end = eq + UUID_WORD_REST < limit ? facts.takePrintedUuid(units, eq) : -1;
          taken = end >= 0;
          pos = taken ? end : eq + 1;
        } else if (head === META_HEAD && (view.getInt32(wordStart + 4, true) | LOWER_CASE) === DATA_HEAD && units[wordStart + 8] === MdadmChar.Equals) {
          tag = METADATA;
          eq = wordStart + 8;
          pos = eq + 1;
        }
      }
      if (taken) c = units[pos] as number;
      else {
        for (;; pos++) {
          pos = nextMdadmWordEvent(fours, pos);
          if (pos < 0) break lines;
          c = units[pos] as number;
          if (c === MdadmChar.Equals) {
            if (eq < 0) eq = pos;
          } else if (stopsMdadmWord(c)) break;
        }
      }
      if (c === MdadmChar.Cr || c === MdadmChar.DoubleQuote || c === MdadmChar.SingleQuote) break lines;
      if (isArray) {
        if (taken) continue;
        if (tag === METADATA) {
          // Compared with the last value found good as one read; any other value is read by takeTag.
          const length = pos - eq - 1;
          const readable = length > 0 && length <= 4 && eq + 5 <= limit;
          const read = readable ? view.getInt32(eq + 1, true) & lowBytes(length) : 0;
          if (readable && length === lastMetadataLength && read === lastMetadataRead) facts.noteTag(tag);
          else {
            facts.takeTag(tag, units, eq, pos);
            lastMetadataLength = readable && !facts.badMetadata ? length : -1;
            lastMetadataRead = read;
          }
        } else if (tag >= 0) facts.takeTag(tag, units, eq, pos);
        else facts.take(units, wordStart, pos, eq, line);
      } else if (units[wordStart] !== MdadmChar.Slash) break lines;
    }
    if (!isArray) {
      if ((rules.firstOfKeyword[DEVICE] as number) < 0) rules.firstOfKeyword[DEVICE] = startLine;
    } else {
      if (!rules.quietArray(facts)) break;
      if (!rules.repeats.claim(facts, startLine)) break;
    }
    // At the newline that ends the settled line.
    start = ++pos;
    startLine = ++line;
  }
  words.moveTo(start, startLine);
}
