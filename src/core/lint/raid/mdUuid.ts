import type { CodeUnits } from '../codeUnits';
import { fourByteView } from '../fourBytes';
import { ownCodeUnits } from '../ownCodeUnits';

/**
 * md array UUIDs as the two tools read them (config-formats.md §7). Both sides are reduced to 32 lower-case
 * hex digits before they are compared; the tools differ only in which separators they skip.
 */

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const SEPARATOR = -1;
const NOT_UUID = -2;
/** Per code unit below 256: its hex digit value, or SEPARATOR for `: . - space`, or NOT_UUID. */
const MDADM_UUID_CHARS = Int8Array.from({ length: 256 }, (_, c) => (hexValue(c) >= 0 ? hexValue(c) : [0x3a, 0x2e, 0x2d, 0x20].includes(c) ? SEPARATOR : NOT_UUID));
const PARTS = 4;
const DIGITS_PER_PART = 8;
/** How `mdadm --examine --scan` writes a UUID: four parts of eight digits, a separator between parts. */
export const PRINTED_MDADM_UUID_LENGTH = PARTS * DIGITS_PER_PART + PARTS - 1;
const PLAIN_LENGTH = PARTS * DIGITS_PER_PART;

/**
 * Writes four parts of eight hex digits, starting `step` apart, to `out` (see {@link readMdadmUuid} for the
 * order of the digits in a part) and says whether all are digits, from an ASCII text four bytes a read (first
 * byte lowest): each read's bytes are tested and converted together, where a look-up per digit was most of a
 * UUID's cost. One function without helpers, so the engine builds it into its caller; a part's two reads in
 * one turn of the loop.
 */
function readPartsFour(view: DataView, from: number, step: number, out: Int32Array): boolean {
  let bad = 0;
  for (let part = 0, at = from; part < PARTS; part++, at += step) {
    const x = view.getInt32(at, true);
    const y = view.getInt32(at + 4, true);
    // Per byte (all below 0x80, so no carries): 0x80 where it is 0-9, and where it is a-f once lower-cased.
    const xLower = x | 0x20202020;
    const yLower = y | 0x20202020;
    const xLetters = ((xLower + 0x1f1f1f1f) | 0) & ~((xLower + 0x19191919) | 0) & 0x80808080;
    const yLetters = ((yLower + 0x1f1f1f1f) | 0) & ~((yLower + 0x19191919) | 0) & 0x80808080;
    const xDigits = ((x + 0x50505050) | 0) & ~((x + 0x46464646) | 0) & 0x80808080;
    const yDigits = ((y + 0x50505050) | 0) & ~((y + 0x46464646) | 0) & 0x80808080;
    bad |= ((xDigits | xLetters) & (yDigits | yLetters)) ^ 0x80808080;
    // A digit's low four bits are its value; a letter's are 1 to 6, plus 9. Each byte's value then goes to
    // the next four bits of the part, the first byte's lowest.
    const xValues = (x & 0x0f0f0f0f) + Math.imul(xLetters >>> 7, 9);
    const yValues = (y & 0x0f0f0f0f) + Math.imul(yLetters >>> 7, 9);
    const xPairs = xValues | (xValues >>> 4);
    const yPairs = yValues | (yValues >>> 4);
    out[part] = (xPairs & 0xff) | ((xPairs >>> 8) & 0xff00) | ((yPairs & 0xff) << 16) | ((yPairs << 8) & 0xff000000);
  }
  return bad === 0;
}

/** The separators mdadm's printed form may have between its parts inside one word (a blank would end the word). */
function isWordSeparator(c: number): boolean {
  return c === 0x3a || c === 0x2e || c === 0x2d;
}

/**
 * Whether `units[at..at + 35)` is a UUID in the layout `mdadm --examine --scan` prints (four parts of eight
 * hex digits, `:` `.` or `-` between them), read as {@link readMdadmUuid} reads it into `out`; false, with
 * `out` unspecified, for anything else, which readMdadmUuid may still accept. For a reader that has not yet
 * found where the word ends: it reads the UUID first and then checks the word ends after it, instead of
 * scanning the UUID's bytes for the end of the word. `units` must hold the 35 units; an ASCII text only.
 */
export function readPrintedMdadmUuidAt(units: CodeUnits, at: number, out: Int32Array): boolean {
  const view = fourByteView(units);
  return (
    view !== undefined &&
    isWordSeparator(units[at + 8] as number) &&
    isWordSeparator(units[at + 17] as number) &&
    isWordSeparator(units[at + 26] as number) &&
    readPartsFour(view, at, DIGITS_PER_PART + 1, out)
  );
}

/**
 * mdadm's reading of `uuid=` in `units[from..to)` (uuid.c parse_uuid): 32 hex digits in either case,
 * with `:` `.` `-` or space anywhere between them. Writes the UUID as four 32-bit numbers to `out`, each
 * eight digits with the first digit in the lowest four bits (the order that costs the fewest steps to build
 * from a four-byte read; {@link mdadmUuidHex} reads it back), and says whether mdadm can read it ("bad uuid"
 * otherwise). Numbers rather than a string: the analyzer compares thousands of UUIDs, and building a
 * normalised string for each was most of its time on a large mdadm.conf.
 */
export function readMdadmUuid(units: CodeUnits, from: number, to: number, out: Int32Array): boolean {
  // The usual layouts, as mdadm prints a UUID or as 32 digits in a row, four bytes a read; anything else (and
  // a text that is not ASCII) goes digit by digit below, which also reads the usual layouts, only slower.
  const length = to - from;
  if (length === PRINTED_MDADM_UUID_LENGTH ? readPrintedMdadmUuidAt(units, from, out) : length === PLAIN_LENGTH && readPlainFour(units, from, out)) return true;
  let count = 0;
  let part = 0;
  for (let i = from; i < to; i++) {
    const c = units[i] as number;
    const value = c < 256 ? (MDADM_UUID_CHARS[c] as number) : NOT_UUID;
    if (value < 0) {
      if (value === SEPARATOR) continue;
      return false;
    }
    if (count === 32) return false;
    part |= value << ((count & 7) << 2);
    count++;
    if ((count & 7) === 0) {
      out[(count >> 3) - 1] = part;
      part = 0;
    }
  }
  return count === 32;
}

function readPlainFour(units: CodeUnits, from: number, out: Int32Array): boolean {
  const view = fourByteView(units);
  return view !== undefined && readPartsFour(view, from, DIGITS_PER_PART, out);
}

/** Four 32-bit numbers of {@link readMdadmUuid} as 32 lower-case hex digits. */
export function mdadmUuidHex(parts: ArrayLike<number>, at = 0): string {
  let hex = '';
  for (let i = at; i < at + 4; i++) {
    const part = parts[i] as number;
    for (let digit = 0; digit < DIGITS_PER_PART; digit++) hex += ((part >>> (digit << 2)) & 0xf).toString(16);
  }
  return hex;
}

const scratch = new Int32Array(4);

/** mdadm's reading of `uuid=` (see {@link readMdadmUuid}): the lower-case digits, or undefined for "bad uuid". */
export function parseMdadmUuid(text: string): string | undefined {
  return readMdadmUuid(ownCodeUnits(text), 0, text.length, scratch) ? mdadmUuidHex(scratch) : undefined;
}

/**
 * dracut's reading of `rd.md.uuid=` (parse-md.sh): it strips only `-` and `:` and expects 32 characters.
 * Returns the hex digits as written (case kept, since the udev match is case-sensitive), or undefined.
 */
export function parseDracutMdUuid(text: string): string | undefined {
  let count = 0;
  let digits = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (hexValue(c) >= 0) count++;
    else if (c === 0x3a || c === 0x2d) {
      // Copied in runs between separators rather than by a regex replace.
      digits += text.slice(from, i);
      from = i + 1;
    } else return undefined;
  }
  if (count !== 32) return undefined;
  return from === 0 ? text : digits + text.slice(from);
}

/** The form `mdadm --examine --scan` prints: `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`, lower case. */
export function formatMdadmUuid(hex32: string): string {
  const lower = hex32.toLowerCase();
  return [0, 8, 16, 24].map((i) => lower.slice(i, i + 8)).join(':');
}
