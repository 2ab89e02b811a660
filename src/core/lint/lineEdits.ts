import type { TextEdit } from './finding';
import { rangeOf } from './rangeOf';
import type { SourceLines } from './sourceLines';

/** The document's own line terminator, so inserted lines do not mix `\n` into a CRLF file. */
function eolOf(source: SourceLines): string {
  return source.endings.find((e) => e !== '') ?? '\n';
}

/** Deletes lines `first..last` whole, terminators included. */
export function removeLinesEdit(source: SourceLines, first: number, last: number): TextEdit {
  if (last + 1 < source.lines.length) return { range: rangeOf(first, 0, 0, last + 1), newText: '' };
  if (first > 0) {
    const previous = first - 1;
    return { range: rangeOf(previous, (source.lines[previous] as string).length, (source.lines[last] as string).length, last), newText: '' };
  }
  return { range: rangeOf(0, 0, (source.lines[last] as string).length, last), newText: '' };
}

/** Inserts a new line holding `text` after line `after`. */
export function insertLineEdit(source: SourceLines, after: number, text: string): TextEdit {
  const end = (source.lines[after] as string).length;
  return { range: rangeOf(after, end, end), newText: `${eolOf(source)}${text}` };
}

/** Adds a line at the end of the document, after its final newline if it has one. */
export function appendLineEdit(source: SourceLines, text: string): TextEdit {
  const last = source.lines.length - 1;
  const lastText = source.lines[last] as string;
  if (lastText === '' && last > 0) return { range: rangeOf(last, 0, 0), newText: `${text}${eolOf(source)}` };
  return { range: rangeOf(last, lastText.length, lastText.length), newText: `${eolOf(source)}${text}` };
}
