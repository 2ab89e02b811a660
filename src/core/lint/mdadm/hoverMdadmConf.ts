import type { Position } from '../finding';
import type { HoverInfo } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { formatMdadmUuid, parseMdadmUuid } from '../raid/mdUuid';
import { findMdadmArrayTag } from './mdadmArrayTags';
import { matchMdadmKeyword, type MdadmKeyword } from './mdadmKeywords';
import { mdadmAutoWords, mdadmDeviceWords } from './mdadmWordDocs';
import { tokenizeMdadmConf, type MdadmWord } from './tokenizeMdadmConf';

function keywordMarkdown(keyword: MdadmKeyword, written: string): string {
  const abbreviated = written.toUpperCase() !== keyword.name ? ` (written \`${written}\`: mdadm matches the first keyword it abbreviates)` : '';
  return [`**${keyword.name}**${abbreviated}`, '', keyword.summary, ...(keyword.guide ? ['', `*RAID guide:* ${keyword.guide}`] : [])].join('\n');
}

function arrayWordMarkdown(word: MdadmWord): string {
  const eq = word.text.indexOf('=');
  if (eq < 0 || word.text.startsWith('/')) {
    return `**Array device name** \`${word.text}\`\n\nThe name the array gets under /dev. The RAID guide writes \`/dev/mdN\` (as /proc/mdstat shows it) rather than \`/dev/md/N\`.`;
  }
  const name = word.text.slice(0, eq).toLowerCase();
  const tag = findMdadmArrayTag(name);
  if (!tag) return `\`${name}=\` is not an ARRAY tag.`;
  const parts = [`**${tag.name}=**`, '', tag.summary];
  if (tag.name === 'uuid') {
    const hex = parseMdadmUuid(word.text.slice(eq + 1));
    parts.push('', hex ? `Reads as \`${formatMdadmUuid(hex)}\`.` : 'Not a valid UUID: mdadm needs 32 hex digits.');
  }
  return parts.join('\n');
}

/** Hover for the keyword, ARRAY tag, DEVICE word or AUTO word under the cursor. */
export function hoverMdadmConf(text: string, position: Position): HoverInfo | undefined {
  for (const { words } of tokenizeMdadmConf(text).lines) {
    const keywordWord = words[0] as MdadmWord;
    const keyword = matchMdadmKeyword(keywordWord.text);
    const word = words.find((w) => w.line === position.line && w.start <= position.character && position.character <= w.end);
    if (!word) continue;
    const range = rangeOf(word.line, word.start, word.end);
    if (word === keywordWord) return keyword ? { range, markdown: keywordMarkdown(keyword, word.text) } : undefined;
    if (keyword?.name === 'ARRAY') return { range, markdown: arrayWordMarkdown(word) };
    const lower = word.text.toLowerCase();
    if (keyword?.name === 'DEVICE') {
      const doc = mdadmDeviceWords.get(lower);
      return { range, markdown: doc ? `**${lower}**\n\n${doc}` : `**Device glob** \`${word.text}\`\n\nmdadm considers devices whose path matches it (\`*\` \`?\` \`[...]\` stay within one path component).` };
    }
    if (keyword?.name === 'AUTO') {
      const doc = mdadmAutoWords.get(lower);
      return doc ? { range, markdown: `**${word.text}**\n\n${doc}` } : undefined;
    }
    return undefined;
  }
  return undefined;
}
