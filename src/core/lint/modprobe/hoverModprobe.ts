import type { Position } from '../finding';
import type { HoverInfo } from '../languageSupport';
import { splitSourceLines } from '../sourceLines';
import { normalizeModuleName } from './analyzeModprobe';
import { describeKvmType, kvmParams } from './kvmParams';
import { commandDocs, moduleDocs } from './modprobeDocs';
import { parseModprobe } from './parseModprobe';
import { ownEntry } from '../ownEntry';

const inside = (p: Position, start: Position, end: Position): boolean =>
  (p.line > start.line || (p.line === start.line && p.character >= start.character)) && (p.line < end.line || (p.line === end.line && p.character <= end.character));

/** Hover for modprobe.d: commands, the KVM modules (with the guide's VM-side hints), and their parameters. */
export function hoverModprobe(text: string, position: Position): HoverInfo | undefined {
  const line = parseModprobe(splitSourceLines(text)).find((l) => position.line >= l.firstLine && position.line <= l.lastLine);
  if (!line) return undefined;
  const index = line.tokens.findIndex((t) => inside(position, t.start, t.end));
  const token = line.tokens[index];
  if (!token) return undefined;
  const range = { start: token.start, end: token.end };
  if (index === 0) {
    const doc = ownEntry(commandDocs, token.text);
    return doc ? { range, markdown: doc } : undefined;
  }
  const module = normalizeModuleName(line.tokens[1]?.text ?? '');
  if (index === 1) {
    const doc = ownEntry(moduleDocs, module);
    return doc ? { range, markdown: `**${module}**: ${doc}` } : undefined;
  }
  const name = normalizeModuleName(token.text.split('=')[0] as string);
  const param = line.tokens[0]?.text === 'options' ? kvmParams.get(module)?.get(name) : undefined;
  if (!param) return undefined;
  return { range, markdown: `**${module}.${name}**: ${describeKvmType(param.type)}.${param.doc ? `\n\n${param.doc}` : ''}` };
}
