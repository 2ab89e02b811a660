import type { CompletionEntry } from '../languageSupport';
import type { Position } from '../finding';
import { splitSourceLines } from '../sourceLines';
import { diskItemDocs, vifItemDocs, xlKeyMarkdown } from './xlDocs';
import { describeXlType, xlKeys } from './xlKeys';

/** The key of the statement the cursor is in: on this line, or the last one opened above (lists span lines). */
function enclosingKey(lines: readonly string[], line: number, before: string): string | undefined {
  const here = /^\s*([a-z][._0-9a-z]*)\s*\+?=/.exec(before);
  if (here) return here[1];
  for (let i = line - 1; i >= 0 && i >= line - 200; i--) {
    const m = /^\s*([a-z][._0-9a-z]*)\s*\+?=/.exec(lines[i] as string);
    if (m) return m[1];
  }
  return undefined;
}

/** Completion in an xl config: keys at the start of a line, enum values after `=`, vif/disk items in spec strings. */
export function completeXl(text: string, position: Position): CompletionEntry[] {
  const lines = splitSourceLines(text).lines;
  const before = (lines[position.line] ?? '').slice(0, position.character);
  if (/^\s*[a-z0-9._]*$/.test(before)) {
    return [...xlKeys.entries()].map(([key, info]) => ({ label: key, kind: 'key', detail: describeXlType(info), documentation: xlKeyMarkdown(key) ?? '', insertText: `${key} = ` }));
  }
  const quotes = (before.match(/['"]/g) ?? []).length;
  const key = enclosingKey(lines, position.line, before);
  if (key === undefined) return [];
  if (quotes % 2 === 1 && (key === 'vif' || key === 'disk')) {
    const docs = key === 'vif' ? vifItemDocs : diskItemDocs;
    const extra = key === 'vif' ? ['type=ioemu', 'model=e1000'] : ['format=raw', 'access=rw', 'devtype=cdrom'];
    return [...Object.keys(docs).map((k): CompletionEntry => ({ label: k === 'cdrom' ? k : `${k}=`, kind: 'key', documentation: docs[k] ?? '' })), ...extra.map((v): CompletionEntry => ({ label: v, kind: 'value' }))];
  }
  const info = xlKeys.get(key);
  if (!info || !/=\s*['"]?[^'",\]]*$/.test(before)) return [];
  const inQuote = quotes % 2 === 1;
  if (info.type === 'boolean') return ['1', '0'].map((v) => ({ label: v, kind: 'value', detail: v === '1' ? 'on' : 'off' }));
  return (info.values ?? []).map((v) => ({ label: v, kind: 'value', detail: key, insertText: inQuote || info.type === 'number' ? v : `'${v}'` }));
}
