import type { DocSymbolInfo } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { xlValueRange as valueRange } from './xlValueRange';
import { parseXl } from './parseXl';
import type { XlValue } from './xlTree';

function label(value: XlValue): string {
  if (value.kind === 'string') return value.body.length > 60 ? `${value.body.slice(0, 57)}...` : value.body;
  if (value.kind === 'number') return value.text;
  return `[${value.items.length}]`;
}

/** The outline of an xl config: one symbol per assignment, lists with their items as children. */
export function xlSymbols(text: string): DocSymbolInfo[] {
  return parseXl(text).statements.map((s) => {
    const selectionRange = rangeOf(s.line, s.keyStart, s.keyEnd);
    const range = { start: selectionRange.start, end: valueRange(s.value).end };
    if (s.value.kind !== 'list') return { name: s.key, detail: label(s.value), kind: 'key', range, selectionRange };
    const children = s.value.items.map((item): DocSymbolInfo => ({ name: label(item), kind: 'key', range: valueRange(item), selectionRange: valueRange(item) }));
    return { name: s.key, detail: label(s.value), kind: 'array', range, selectionRange, children };
  });
}
