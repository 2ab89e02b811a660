import type { DocSymbolInfo } from '../languageSupport';
import { lexDracutConf } from './lexDracutConf';
import { readDracutAssignments } from './readDracutAssignments';

/** One symbol per assignment, named like the line starts (`add_drivers+=`), so the outline reads like the file. */
export function dracutConfSymbols(text: string): DocSymbolInfo[] {
  const source = lexDracutConf(text);
  return readDracutAssignments(source).flatMap((c) =>
    c.assignments.map((a) => ({
      name: `${a.name}${a.op}`,
      detail: a.value.trim().replace(/\s+/g, ' '),
      kind: 'key' as const,
      range: { start: source.positionAt(a.word.start), end: source.positionAt(a.word.end) },
      selectionRange: { start: source.positionAt(a.word.start), end: source.positionAt(a.opStart) },
    })),
  );
}
