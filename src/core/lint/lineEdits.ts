import type { TextEdit } from './finding';
import { rangeOf } from './rangeOf';
import type { SourceLines } from './sourceLines';

/**
 * What the line edits read of a document: how many lines it has, how long each is (without its terminator) and
 * its line terminator. Both the lines cut by `splitSourceLines` and the line starts a scan records
 * (`LineStarts`) answer it, so an analyzer that never splits the text can still offer these fixes.
 */
export interface LineLengths {
  readonly count: number;
  length(line: number): number;
  /** The document's own line terminator, so inserted lines do not mix `\n` into a CRLF file. */
  readonly eol: string;
}

function lengthsOf(source: SourceLines | LineLengths): LineLengths {
  if (!('lines' in source)) return source;
  const { lines, endings } = source;
  return { count: lines.length, length: (line) => (lines[line] as string).length, eol: endings.find((e) => e !== '') ?? '\n' };
}

/** Deletes lines `first..last` whole, terminators included. */
export function removeLinesEdit(source: SourceLines | LineLengths, first: number, last: number): TextEdit {
  const lines = lengthsOf(source);
  if (last + 1 < lines.count) return { range: rangeOf(first, 0, 0, last + 1), newText: '' };
  if (first > 0) {
    const previous = first - 1;
    return { range: rangeOf(previous, lines.length(previous), lines.length(last), last), newText: '' };
  }
  return { range: rangeOf(0, 0, lines.length(last), last), newText: '' };
}

/** Inserts a new line holding `text` after line `after`. */
export function insertLineEdit(source: SourceLines | LineLengths, after: number, text: string): TextEdit {
  const lines = lengthsOf(source);
  const end = lines.length(after);
  return { range: rangeOf(after, end, end), newText: `${lines.eol}${text}` };
}

/** Adds a line at the end of the document, after its final newline if it has one. */
export function appendLineEdit(source: SourceLines | LineLengths, text: string): TextEdit {
  const lines = lengthsOf(source);
  const last = lines.count - 1;
  const lastLength = lines.length(last);
  if (lastLength === 0 && last > 0) return { range: rangeOf(last, 0, 0), newText: `${text}${lines.eol}` };
  return { range: rangeOf(last, lastLength, lastLength), newText: `${lines.eol}${text}` };
}
