import type { Position } from '../finding';
import type { CompletionEntry } from '../languageSupport';
import { mdadmArrayTags, findMdadmArrayTag } from './mdadmArrayTags';
import { matchMdadmKeyword, mdadmKeywords } from './mdadmKeywords';
import { mdadmAutoWords, mdadmDeviceWords } from './mdadmWordDocs';
import { tokenizeMdadmConf } from './tokenizeMdadmConf';

function keywordEntries(): CompletionEntry[] {
  return mdadmKeywords.map((k) => ({ label: k.name, kind: 'keyword', detail: 'mdadm.conf keyword', documentation: k.summary }));
}

/** The keyword of the line the cursor is on, following continuation lines back to their keyword line. */
function keywordAt(text: string, line: number): string | undefined {
  let keyword: string | undefined;
  for (const { words } of tokenizeMdadmConf(text).lines) {
    const first = words[0];
    if (!first || first.line > line) break;
    keyword = matchMdadmKeyword(first.text)?.name;
  }
  return keyword;
}

/** Keywords at the start of a line; tags and their values on ARRAY lines; fixed words on DEVICE and AUTO lines. */
export function completeMdadmConf(text: string, position: Position): CompletionEntry[] {
  const lineText = text.split(/\r?\n|\r/)[position.line] ?? '';
  const before = lineText.slice(0, position.character);
  if (/^\S*$/.test(before)) return keywordEntries();
  const keyword = keywordAt(text, position.line);
  const current = /\S*$/.exec(before)?.[0] ?? '';
  if (keyword === 'ARRAY') {
    const eq = current.indexOf('=');
    if (eq >= 0) {
      const tag = findMdadmArrayTag(current.slice(0, eq));
      return (tag?.values ?? []).map((value) => ({ label: value, kind: 'value', detail: `${tag?.name}=` }));
    }
    return mdadmArrayTags.map((tag) => ({ label: `${tag.name}=`, kind: 'key', detail: 'ARRAY tag', documentation: tag.summary }));
  }
  if (keyword === 'DEVICE') {
    return [
      ...[...mdadmDeviceWords].map(([label, documentation]) => ({ label, kind: 'value' as const, documentation })),
      { label: '/dev/sd*', kind: 'value', documentation: 'Every SCSI/SATA disk.' },
      { label: '/dev/nvme*n*', kind: 'value', documentation: 'Every NVMe namespace.' },
    ];
  }
  if (keyword === 'AUTO') return [...mdadmAutoWords].map(([label, documentation]) => ({ label, kind: 'value', documentation }));
  if (keyword === 'MAILADDR') return [{ label: 'root', kind: 'value', documentation: 'The RAID guide mails alerts to root.' }];
  return [];
}
