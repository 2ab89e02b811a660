import type { CodeUnits } from '../codeUnits';
import { isKnownMetadataAt, findMdadmArrayTagAt, mdadmArrayTags } from './mdadmArrayTags';
import { MdadmChar } from './mdadmChar';
import type { MdadmWordReader } from './mdadmWordReader';
import { PRINTED_MDADM_UUID_LENGTH, readMdadmUuid, readPrintedMdadmUuidAt } from '../raid/mdUuid';
import { stopsMdadmWord } from './mdadmWordStops';

/** What a word of an ARRAY line is to mdadm; a known tag is `Tag + k` for the tag `mdadmArrayTags[k]`. */
export const enum MdadmWordRole {
  Devname = 1,
  ExtraDevname = 2,
  UnknownTag = 3,
  Tag = 4,
}

const UUID = mdadmArrayTags.findIndex((t) => t.name === 'uuid');
const UUID_BIT = 1 << UUID;
const METADATA = mdadmArrayTags.findIndex((t) => t.name === 'metadata');
/** The tags mdadm takes once, as bits `1 << k`: asking each tag object was a polymorphic property read per tag word. */
const ONCE_BITS = mdadmArrayTags.reduce((bits, tag, k) => (tag.once === true ? bits | (1 << k) : bits), 0);

/**
 * What mdadm's `arrayline` (config.c) makes of one ARRAY line, read in place from a {@link MdadmWordReader}:
 * the device name, the tags present, the UUID, and whether any word needs a closer look. Reused from line to
 * line, so the analyzer reads thousands of ARRAY lines without an object per line or per word.
 */
export class MdadmArrayFacts {
  /** The first bare word (or word starting with `/`), the one mdadm keeps: `devnameSource[devnameFrom..devnameTo)`. */
  devname = false;
  devnameSource: CodeUnits = new Uint8Array(0);
  devnameFrom = 0;
  devnameTo = 0;
  devnameLine = 0;
  /** A second bare word ("Already defined"). */
  extraDevname = false;
  /** The known tags present, as bits `1 << k` of mdadmArrayTags. */
  tags = 0;
  /** A word with `=` that is no tag. */
  unknownTag = false;
  /** A tag that mdadm takes once, given again. */
  repeatedTag = false;
  /** A `metadata=` no metadata handler accepts. */
  badMetadata = false;
  /** Whether mdadm reads the first `uuid=`, and then the UUID as four numbers. */
  uuidRead = false;
  readonly uuid = new Int32Array(4);

  /**
   * Reads the words after the keyword `words` is on, to the end of its keyword line; `onWord` is called on
   * each word with its {@link MdadmWordRole}, while `words` is on it.
   */
  read(words: MdadmWordReader, onWord?: (role: number) => void): void {
    this.begin();
    while (words.nextWord()) {
      const role = this.take(words.source, words.from, words.to, words.eq, words.line);
      onWord?.(role);
    }
  }

  /** Forgets the last line, for the words of a new one. */
  begin(): void {
    this.devname = false;
    this.extraDevname = false;
    this.tags = 0;
    this.unknownTag = false;
    this.repeatedTag = false;
    this.badMetadata = false;
    this.uuidRead = false;
  }

  /**
   * Notes what the next word of the line, `source[from..to)` on line `line` with its first `=` at `eq` (or
   * -1), is to mdadm, and returns its {@link MdadmWordRole}. A word starting with `/` or without `=` names the
   * device; the others are tags.
   */
  take(source: CodeUnits, from: number, to: number, eq: number, line: number): number {
    if (eq < 0 || source[from] === MdadmChar.Slash) return this.readDevname(source, from, to, line);
    const k = findMdadmArrayTagAt(source, from, eq);
    if (k < 0) {
      this.unknownTag = true;
      return MdadmWordRole.UnknownTag;
    }
    return this.takeTag(k, source, eq, to);
  }

  /**
   * {@link take} of a word the reader knows is the tag `mdadmArrayTags[k]` with its `=` at `eq` and its value
   * up to `to`: a reader that recognised the tag by its bytes need not look it up again.
   */
  takeTag(k: number, source: CodeUnits, eq: number, to: number): number {
    // A tag mdadm takes once is read the first time only.
    if ((ONCE_BITS & this.tags & (1 << k)) === 0) {
      if (k === UUID) this.uuidRead = readMdadmUuid(source, eq + 1, to, this.uuid);
      else if (k === METADATA && !isKnownMetadataAt(source, eq + 1, to)) this.badMetadata = true;
    }
    return this.noteTag(k);
  }

  /**
   * {@link takeTag} without reading the value, for a reader that knows it is good: the same bytes as a value
   * takeTag found good before (settlePlainMdadmLines remembers the last `metadata=` value, which nearly every
   * ARRAY line of a large file repeats).
   */
  noteTag(k: number): number {
    if ((ONCE_BITS & this.tags & (1 << k)) !== 0) this.repeatedTag = true;
    this.tags |= 1 << k;
    return MdadmWordRole.Tag + k;
  }

  /**
   * {@link takeTag} of a `uuid=` word whose `=` is at `eq`, for a reader that has not yet found where the word
   * ends: when a UUID as mdadm prints it follows and ends the word (see readPrintedMdadmUuidAt), notes it and
   * returns where the word ends; otherwise notes nothing and returns -1, and the reader finds the end and calls
   * take. Saves scanning the 35 bytes of every UUID of a large file for the end of its word. `source` must
   * hold the unit after the UUID.
   */
  takePrintedUuid(source: CodeUnits, eq: number): number {
    if ((this.tags & UUID_BIT) !== 0) return -1;
    const end = eq + 1 + PRINTED_MDADM_UUID_LENGTH;
    const after = source[end] as number;
    // A quote after the UUID would go on with the word.
    if (!stopsMdadmWord(after) || after === MdadmChar.DoubleQuote || after === MdadmChar.SingleQuote) return -1;
    if (!readPrintedMdadmUuidAt(source, eq + 1, this.uuid)) return -1;
    this.uuidRead = true;
    this.noteTag(UUID);
    return end;
  }

  private readDevname(source: CodeUnits, from: number, to: number, line: number): number {
    if (this.devname) {
      this.extraDevname = true;
      return MdadmWordRole.ExtraDevname;
    }
    this.devname = true;
    this.devnameSource = source;
    this.devnameFrom = from;
    this.devnameTo = to;
    this.devnameLine = line;
    return MdadmWordRole.Devname;
  }
}
