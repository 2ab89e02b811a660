import type { Position } from '../finding';
import type { CompletionEntry } from '../languageSupport';
import { splitSourceLines } from '../sourceLines';
import { vmxKeyMarkdown } from './hoverVmx';
import { vmxKeyInfo, vmxKeys } from './vmxKeys';

/** Completion in a .vmx: the known keys at the start of a line, booleans and enum values after `=`. */
export function completeVmx(text: string, position: Position): CompletionEntry[] {
  const before = (splitSourceLines(text).lines[position.line] ?? '').slice(0, position.character);
  if (/^\s*[A-Za-z0-9._:-]*$/.test(before)) {
    return vmxKeys.map((info) => ({ label: info.label, kind: 'key', detail: info.type, documentation: vmxKeyMarkdown(info.label, info), insertText: `${info.label} = ` }));
  }
  const m = /^\s*([A-Za-z0-9._:-]+)\s*=\s*("?)[^"]*$/.exec(before);
  const info = m ? vmxKeyInfo((m[1] as string).toLowerCase()) : undefined;
  if (!m || !info) return [];
  const values = info.type === 'boolean' ? ['TRUE', 'FALSE'] : (info.values ?? []);
  const open = m[2] === '"';
  return values.map((v) => ({ label: v, kind: 'value', insertText: open ? v : `"${v}"` }));
}
