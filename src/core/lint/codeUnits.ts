import { ownCodeUnits } from './ownCodeUnits';

/** A text's UTF-16 code units, indexed like the string: `units[i] === text.charCodeAt(i)`. */
export type CodeUnits = Uint8Array | Uint16Array;

const encoder = new TextEncoder();
/** The bytes of the last ASCII text converted, grown as needed and reused (see {@link codeUnits}). */
let scratch = new Uint8Array(0);
let conversions = 0;

/**
 * How many texts {@link codeUnits} has converted: the units of a text stay valid while this has not moved, so
 * a parse that keeps them for later reads checks it, and converts its text again if another one came between.
 */
export function codeUnitsConversions(): number {
  return conversions;
}

/**
 * The code units of `text` in a typed array, for analyzers that read long lines a character at a time: an
 * array read costs a fraction of a `charCodeAt` on the sliced strings that lines and string bodies are.
 * An ASCII text (the usual config file) is one byte per unit, converted in native code in a fraction of the
 * time a split takes; any other text is copied unit by unit. The bytes of an ASCII text live in a buffer
 * reused by the next call (a fresh one per call cost twice the conversion, in page faults and garbage
 * collection): the analyzers are synchronous and read them before they return.
 */
export function codeUnits(text: string): CodeUnits {
  conversions++;
  if (scratch.length < text.length) scratch = new Uint8Array(Math.max(text.length, scratch.length * 2));
  const bytes = scratch.subarray(0, text.length);
  // Every non-ASCII character needs two or more UTF-8 bytes, so it cannot all fit: `read` comes up short.
  const { read } = encoder.encodeInto(text, bytes);
  return read === text.length ? bytes : ownCodeUnits(text);
}
