import type { HoverInfo } from '../languageSupport';
import type { Position } from '../finding';
import { rangeOf } from '../rangeOf';
import { xlValueRange as valueRange } from './xlValueRange';
import { parseXl } from './parseXl';
import type { XlValue } from './xlTree';
import { splitXlSpec, specRange } from './splitXlSpec';
import { diskItemDocs, vifItemDocs, xlKeyMarkdown } from './xlDocs';
import { ownEntry } from '../ownEntry';

const contains = (r: { start: Position; end: Position }, p: Position): boolean =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

function innermost(value: XlValue, p: Position): XlValue | undefined {
  if (!contains(valueRange(value), p)) return undefined;
  if (value.kind === 'list') {
    for (const item of value.items) {
      const hit = innermost(item, p);
      if (hit) return hit;
    }
  }
  return value;
}

/** Hover for an xl config: the key under the cursor, or the vif/disk item under it inside a spec string. */
export function hoverXl(text: string, position: Position): HoverInfo | undefined {
  const parsed = parseXl(text);
  for (const s of parsed.statements) {
    const keyRange = rangeOf(s.line, s.keyStart, s.keyEnd);
    if (contains(keyRange, position)) {
      const markdown = xlKeyMarkdown(s.key);
      return markdown ? { range: keyRange, markdown } : undefined;
    }
    const hit = innermost(s.value, position);
    if (!hit) continue;
    if (hit.kind === 'string' && (s.key === 'vif' || s.key === 'disk')) {
      const docs = s.key === 'vif' ? vifItemDocs : diskItemDocs;
      for (const item of splitXlSpec(hit.body)) {
        const range = specRange(hit, item.offset, item.end - item.offset);
        const doc = ownEntry(docs, item.key ?? item.value);
        if (doc && contains(range, position)) return { range, markdown: `**${item.key ?? item.value}** (${s.key} spec): ${doc}` };
      }
    }
    const markdown = xlKeyMarkdown(s.key);
    return markdown ? { range: valueRange(hit), markdown } : undefined;
  }
  return undefined;
}
