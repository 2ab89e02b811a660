import type { Position, TextEdit } from '../../../src/core/lint/finding';
import { splitSourceLines } from '../../../src/core/lint/sourceLines';

/** Applies a quick fix's edits the way an editor does (all ranges refer to the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const { lines, endings } = splitSourceLines(text);
  const starts: number[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    starts.push(offset);
    offset += line.length + (endings[i] as string).length;
  });
  const toOffset = (p: Position): number => {
    const start = starts[p.line];
    if (start === undefined) throw new Error(`Edit on line ${p.line}, past the end of the text`);
    if (p.character > (lines[p.line] as string).length) throw new Error(`Edit at ${p.line}:${p.character}, past the end of the line`);
    return start + p.character;
  };
  const resolved = edits
    .map((e) => ({ start: toOffset(e.range.start), end: toOffset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of resolved) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
