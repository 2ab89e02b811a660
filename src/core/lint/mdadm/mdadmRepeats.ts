import type { CodeUnits } from '../codeUnits';
import { fourByteView, fourCharsRead } from '../fourBytes';
import { mdDeviceKeyStart } from '../raid/mdDeviceKey';
import { Spare } from '../spare';
import { FirstByHash } from './firstByHash';
import { FirstLineByUuid } from './firstLineByUuid';
import { growInt32Array } from './growInt32Array';
import type { MdadmArrayFacts } from './mdadmArrayFacts';

/** FNV-1a over `units[from..to)`. */
function hashRegion(units: CodeUnits, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ (units[i] as number), 0x01000193);
  return hash;
}

const DEV = fourCharsRead('/dev');
const SLASH = 0x2f;
const M = 0x6d;
const D = 0x64;

/**
 * {@link mdDeviceKeyStart}, with /dev/mdN, the name of nearly every ARRAY line, known by one read of four
 * bytes and four tests rather than the general rule's tests one unit at a time.
 */
function devnameKeyStart(units: CodeUnits, from: number, to: number): number {
  const view = fourByteView(units);
  if (to - from > 7 && view !== undefined && view.getInt32(from, true) === DEV && units[from + 4] === SLASH && units[from + 5] === M && units[from + 6] === D) {
    const digit = (units[from + 7] as number) - 0x30;
    if (digit >= 0 && digit <= 9) return from + 7;
  }
  return mdDeviceKeyStart(units, from, to);
}

/** Device numbers below this are looked up by value (see {@link decimalKey}). */
const NUMBER_KEYS = 1 << 16;

/**
 * The value of a key written as a plain decimal number (`0`, `12`, no leading zero, below {@link NUMBER_KEYS}),
 * or -1. Most device names are /dev/mdN: their keys index a table directly, which stays in cache as N grows
 * line by line, where a hash table is probed at random places.
 */
function decimalKey(units: CodeUnits, from: number, to: number): number {
  if (to <= from || to - from > 5 || (units[from] === 0x30 && to - from > 1)) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = (units[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value < NUMBER_KEYS ? value : -1;
}

function sameRegion(a: CodeUnits, aFrom: number, aTo: number, b: CodeUnits, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let i = 0; i < aTo - aFrom; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

/**
 * The device names and UUIDs of the ARRAY lines read so far, to report a repeat on the line that repeats it
 * (config.c: "Already defined"; conf_match: "multiple lines in mdadm.conf match"). Device name keys stay where
 * they were read, in the text's code units (a quoted one in its own copy), and UUIDs are four numbers: a string per key
 * was a large part of the time of an mdadm.conf with thousands of arrays.
 */
export class MdadmRepeats {
  private units: CodeUnits = new Uint8Array(0);
  /** Per device name: where its key is (see mdDeviceKey) and its line; the source when it is not the text. */
  private devnameData = new Int32Array(3 * 128);
  private readonly quotedSources = new Map<number, CodeUnits>();
  private devnameCount = 0;
  /** What the last devnameSeen looked up: the device number (or -1 for a hashed name) and the name's line. */
  private seenNumber = -1;
  private seenLine = 0;
  private readonly devnames: FirstByHash;
  /** Per device number (see {@link decimalKey}): the line of its first devname plus one, 0 when none yet. */
  private numberLines = new Int32Array(128);
  /** How many entries of `numberLines` may be set: the ones to clear for the next file. */
  private numberCount = 0;
  private readonly uuids = new FirstLineByUuid();
  /** The tables of the last analysis that finished, for the next one (see {@link forText}). */
  private static readonly spare = new Spare<MdadmRepeats>();

  /**
   * Empty tables for the ARRAY lines of the text of `units`: those of the last analysis that called
   * {@link release}, when there is one (a large file needs hundreds of KB of them, and fresh ones cost more
   * in page faults and cache misses than all the look-ups), or new ones.
   */
  static forText(units: CodeUnits): MdadmRepeats {
    const repeats = MdadmRepeats.spare.take() ?? new MdadmRepeats();
    repeats.restart(units);
    return repeats;
  }

  private constructor() {
    this.devnames = new FirstByHash((a, b) => {
      const d = this.devnameData;
      return sameRegion(this.sourceOf(a), d[3 * a] as number, d[3 * a + 1] as number, this.sourceOf(b), d[3 * b] as number, d[3 * b + 1] as number);
    });
  }

  private restart(units: CodeUnits): void {
    this.units = units;
    this.quotedSources.clear();
    this.devnameCount = 0;
    this.devnames.restart(128);
    this.numberLines.fill(0, 0, this.numberCount);
    this.numberCount = 0;
    // Room for an ARRAY line every 64 characters, so a large file rarely grows the UUID table.
    const expected = Math.max(128, Math.min(units.length >> 6, 1 << 16));
    this.uuids.restart(expected);
  }

  /** Hands the tables to the next analysis; this one must not be used any more. */
  release(): void {
    // A spare table keeps no text alive.
    this.units = new Uint8Array(0);
    this.quotedSources.clear();
    MdadmRepeats.spare.giveBack(this);
  }

  private sourceOf(id: number): CodeUnits {
    return this.quotedSources.get(id) ?? this.units;
  }

  /**
   * Notes the device name and the UUID of the ARRAY line read into `facts` (keyword on line `line`) when
   * neither repeats one noted before, and says so; when one does, notes nothing. For a reader that settles
   * only lines with nothing to report (see settlePlainMdadmLines): one call per line, where asking and then
   * noting each key cost four, and a /dev/mdN name is looked up by its number in place.
   */
  claim(facts: MdadmArrayFacts, line: number): boolean {
    let number = -1;
    if (facts.devname) {
      const source = facts.devnameSource;
      number = decimalKey(source, devnameKeyStart(source, facts.devnameFrom, facts.devnameTo), facts.devnameTo);
      if (number < 0) return this.claimNamed(facts, line);
      if (number < this.numberCount && this.numberLines[number] !== 0) return false;
    }
    if (facts.uuidRead && this.uuid(facts, line) >= 0) return false;
    if (number >= 0) this.noteNumber(number, facts.devnameLine);
    return true;
  }

  /** {@link claim} of a line whose device name is not a plain number. */
  private claimNamed(facts: MdadmArrayFacts, line: number): boolean {
    if (this.devnameSeen(facts) >= 0 || (facts.uuidRead && this.uuid(facts, line) >= 0)) return false;
    this.noteDevname();
    return true;
  }

  /** The line of the first devname with the same key (see mdDeviceKey) as the one of `facts`, or -1 when it is the first. */
  devname(facts: MdadmArrayFacts): number {
    const first = this.devnameSeen(facts);
    if (first < 0) this.noteDevname();
    return first;
  }

  /**
   * {@link devname} without noting the name: {@link noteDevname} notes it, for {@link claim}, which notes a line's
   * name and UUID only when nothing on the line is wrong (see settlePlainMdadmLines).
   */
  private devnameSeen(facts: MdadmArrayFacts): number {
    const source = facts.devnameSource;
    const from = devnameKeyStart(source, facts.devnameFrom, facts.devnameTo);
    const number = decimalKey(source, from, facts.devnameTo);
    this.seenNumber = number;
    this.seenLine = facts.devnameLine;
    if (number >= 0) return number < this.numberCount ? (this.numberLines[number] as number) - 1 : -1;
    // Written where the next name goes; noteDevname moves the count on.
    const id = this.devnameCount;
    const d = (this.devnameData = growInt32Array(this.devnameData, 3 * id + 3));
    d[3 * id] = from;
    d[3 * id + 1] = facts.devnameTo;
    d[3 * id + 2] = facts.devnameLine;
    if (source !== this.units) this.quotedSources.set(id, source);
    else this.quotedSources.delete(id);
    const first = this.devnames.find(hashRegion(source, from, facts.devnameTo), id);
    return first < 0 ? -1 : (d[3 * first + 2] as number);
  }

  /** Notes the name the last {@link devnameSeen} found new. */
  private noteDevname(): void {
    const number = this.seenNumber;
    if (number < 0) {
      this.devnames.add(this.devnameCount++);
      return;
    }
    this.noteNumber(number, this.seenLine);
  }

  private noteNumber(number: number, line: number): void {
    if (number >= this.numberLines.length) this.numberLines = growInt32Array(this.numberLines, number + 1);
    if (number >= this.numberCount) this.numberCount = number + 1;
    this.numberLines[number] = line + 1;
  }

  /** The keyword line of the first ARRAY with the UUID of `facts` (read), or -1 when it is the first; `line` is this one's. */
  uuid(facts: MdadmArrayFacts, line: number): number {
    return this.uuids.claim(facts.uuid, line);
  }
}
