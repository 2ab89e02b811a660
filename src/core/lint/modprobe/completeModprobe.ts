import type { Position } from '../finding';
import type { CompletionEntry } from '../languageSupport';
import { splitSourceLines } from '../sourceLines';
import { modprobeCommands, normalizeModuleName } from './analyzeModprobe';
import { describeKvmType, kvmParams } from './kvmParams';
import { commandDocs, moduleDocs } from './modprobeDocs';

/** Completion in modprobe.d: commands, the KVM modules after `options`, their parameters and values. */
export function completeModprobe(text: string, position: Position): CompletionEntry[] {
  const before = (splitSourceLines(text).lines[position.line] ?? '').slice(0, position.character);
  const words = before.split(/[ \t]+/);
  if (words.length === 1) return [...modprobeCommands.keys()].map((c) => ({ label: c, kind: 'keyword', documentation: commandDocs[c] ?? '' }));
  if (words[0] !== 'options') return [];
  if (words.length === 2) return [...kvmParams.keys()].map((m) => ({ label: m, kind: 'value', documentation: moduleDocs[m] ?? '' }));
  const params = kvmParams.get(normalizeModuleName(words[1] as string));
  if (!params) return [];
  const current = words[words.length - 1] as string;
  const eq = current.indexOf('=');
  if (eq < 0) return [...params.entries()].map(([name, p]) => ({ label: `${name}=`, kind: 'key', detail: describeKvmType(p.type), documentation: p.doc ?? '' }));
  const param = params.get(normalizeModuleName(current.slice(0, eq)));
  if (!param) return [];
  const type = param.type;
  const values = typeof type === 'object' ? type.choices : type === 'bool' ? ['1', '0', 'Y', 'N'] : type === 'int' || type === 'intOrBool' ? ['1', '0'] : [];
  return values.map((v) => ({ label: v, kind: 'value' }));
}
