import type { Position } from '../finding';
import type { CompletionEntry } from '../languageSupport';
import { dracutKeys, findDracutKey, type DracutKey } from './dracutKeys';
import { kernelCmdlineTokens } from './kernelCmdlineTokens';

/** The whole assignment with the spacing dracut wants, as a snippet. */
function keySnippet(key: DracutKey): string {
  if (key.type === 'list') return `${key.name}+=" $1 "`;
  if (key.type === 'yes-no') return `${key.name}="\${1|yes,no|}"`;
  if (key.values && key.values.length > 0) return `${key.name}="\${1|${key.values.join(',')}|}"`;
  return `${key.name}="$1"`;
}

function valueEntries(key: DracutKey): CompletionEntry[] {
  if (key.type === 'yes-no') return ['yes', 'no'].map((label) => ({ label, kind: 'value' }));
  if (key.name === 'kernel_cmdline') {
    return (key.values ?? []).map((label) => ({ label, kind: 'value', documentation: kernelCmdlineTokens.get(label.split('=')[0] as string) }));
  }
  return (key.values ?? []).map((label) => ({ label, kind: 'value', detail: key.name }));
}

/** Setting names (as whole assignments) at the start of a line; known values inside a setting's value. */
export function completeDracutConf(text: string, position: Position): CompletionEntry[] {
  const lineText = text.split(/\r?\n|\r/)[position.line] ?? '';
  const before = lineText.slice(0, position.character);
  if (/^\s*[A-Za-z_0-9]*$/.test(before)) {
    return dracutKeys.map((key) => ({ label: key.name, kind: 'snippet', detail: `dracut ${key.type} setting`, documentation: key.summary, insertText: keySnippet(key) }));
  }
  const inValue = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(before);
  const key = inValue ? findDracutKey(inValue[1] as string) : undefined;
  return key ? valueEntries(key) : [];
}
