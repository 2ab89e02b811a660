import type { DocSymbolInfo } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { parseVmx } from './parseVmx';

/** The outline of a .vmx: devices (`ethernet0`, `scsi0`, ...) as sections holding their keys, other keys flat. */
export function vmxSymbols(text: string): DocSymbolInfo[] {
  const symbols: DocSymbolInfo[] = [];
  const sections = new Map<string, { name: string; children: DocSymbolInfo[] }>();
  for (const e of parseVmx(text).entries.entries()) {
    const symbol: DocSymbolInfo = { name: e.key, detail: e.value, kind: 'key', range: rangeOf(e.line, e.keyStart, e.rawEnd), selectionRange: rangeOf(e.line, e.keyStart, e.keyEnd) };
    const device = /^([A-Za-z]+\d+)[.:]/.exec(e.key)?.[1];
    if (!device) {
      symbols.push(symbol);
      continue;
    }
    let section = sections.get(device.toLowerCase());
    if (!section) {
      section = { name: device, children: [] };
      sections.set(device.toLowerCase(), section);
    }
    section.children.push(symbol);
  }
  for (const section of sections.values()) {
    const first = section.children[0] as DocSymbolInfo;
    const last = section.children[section.children.length - 1] as DocSymbolInfo;
    symbols.push({ name: section.name, kind: 'section', range: { start: first.range.start, end: last.range.end }, selectionRange: first.selectionRange, children: section.children });
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}
