import type { Position } from '../finding';
import type { HoverInfo } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { splitSourceLines } from '../sourceLines';
import { parseVmx } from './parseVmx';
import { vmxKeyInfo, type VmxKeyInfo } from './vmxKeys';

export function vmxKeyMarkdown(key: string, info: VmxKeyInfo): string {
  const parts = [`**${key}**: ${info.doc}`];
  if (info.type === 'boolean') parts.push('Value: `"TRUE"` or `"FALSE"`.');
  if (info.values) parts.push(`Values: ${info.values.map((v) => `\`"${v}"\``).join(', ')}.`);
  if (info.guide) parts.push(`Nested XCP-ng (guide "XCP-ng in a VM", VMware section): ${info.guide}`);
  return parts.join('\n\n');
}

/** Hover for a .vmx line: what the key does, its values, and the guide step that needs it. */
export function hoverVmx(text: string, position: Position): HoverInfo | undefined {
  const source = splitSourceLines(text);
  const line = source.lines[position.line];
  if (line === undefined) return undefined;
  const { entries } = parseVmx(line);
  const entry = entries.count > 0 ? entries.entry(0) : undefined;
  if (!entry || position.character < entry.keyStart || position.character > entry.rawEnd) return undefined;
  const info = vmxKeyInfo(entry.lowerKey);
  if (!info) return undefined;
  const onKey = position.character <= entry.keyEnd;
  return { range: onKey ? rangeOf(position.line, entry.keyStart, entry.keyEnd) : rangeOf(position.line, entry.rawStart, entry.rawEnd), markdown: vmxKeyMarkdown(entry.key, info) };
}
