import type { Finding } from '../finding';
import { isKnownMetadata } from './mdadmArrayTags';
import { MdadmChar } from './mdadmChar';
import { mdadmKeywords, type MdadmKeyword } from './mdadmKeywords';
import { mdadmFinding } from './mdadmRules';
import type { MdadmWordReader } from './mdadmWordReader';
import { mdadmWordRange as wordRange } from './mdadmWordRange';
import { readMdadmLine, type MdadmWord } from './tokenizeMdadmConf';

/**
 * Per index in mdadmKeywords: whether mdadm ignores its later lines (CREATE: later lines override),
 * config-formats.md mdadm/keyword-repeated. By index: a set of names was asked on every repeated keyword line.
 */
const SINGLE_LINE_KEYWORDS = mdadmKeywords.map((k) => ['AUTO', 'HOMEHOST', 'HOMECLUSTER', 'PROGRAM', 'CREATE'].includes(k.name));

/** A DEVICE word that is no absolute path and not partitions/containers. Most start with `/`, all this looks at for them. */
function checkDeviceWord(words: MdadmWordReader, findings: Finding[]): void {
  if (words.source[words.from] === MdadmChar.Slash) return;
  const word = words.word();
  const lower = word.text.toLowerCase();
  if (lower === 'partitions' || lower === 'containers') return;
  findings.push(
    mdadmFinding(
      'mdadm/device-word',
      wordRange(word),
      `"${word.text}" is not a device: DEVICE takes absolute paths or globs starting with /, or the words partitions and containers. mdadm skips it.`,
    ),
  );
}

function checkAutoLine(words: readonly MdadmWord[], findings: Finding[]): void {
  for (const word of words.slice(1)) {
    const lower = word.text.toLowerCase();
    if (lower === 'yes' || lower === 'no' || lower === 'homehost' || lower.startsWith('+') || lower.startsWith('-')) continue;
    findings.push(
      mdadmFinding(
        'mdadm/auto-word',
        wordRange(word),
        `mdadm silently ignores "${word.text}" on the AUTO line: use yes, no, homehost, or +/- followed by all, 0.90, 1.x, ddf or imsm (for example +all).`,
      ),
    );
  }
}

/** The complaint mdadm's createline makes about a word, or undefined when it accepts it. */
function createWordProblem(text: string): string | undefined {
  const lower = text.toLowerCase();
  const value = text.slice(text.indexOf('=') + 1);
  if (lower.startsWith('auto=')) return undefined;
  if (lower.startsWith('owner=') || lower.startsWith('group=')) return value === '' ? `"${text}" names no ${lower.slice(0, 5)}` : undefined;
  if (lower.startsWith('mode=')) return /^[0-7]+$/.test(value) ? undefined : `"${text}" is not an octal mode`;
  if (lower.startsWith('metadata=')) return isKnownMetadata(value) ? undefined : `metadata format "${value}" is unknown`;
  if (['names=yes', 'names=no', 'bbl=yes', 'bbl=no'].includes(lower)) return undefined;
  return `"${text}" is not a CREATE setting (owner= group= mode= metadata= names=yes|no bbl=yes|no)`;
}

function checkCreateLine(words: readonly MdadmWord[], findings: Finding[]): void {
  for (const word of words.slice(1)) {
    const problem = createWordProblem(word.text);
    if (problem) findings.push(mdadmFinding('mdadm/create-word', wordRange(word), `${problem}; mdadm ignores it.`));
  }
}

/** The rules of a keyword line with a known keyword other than ARRAY's own; reads DEVICE, AUTO, CREATE and MAILADDR words. */
export function checkMdadmKeywordLine(words: MdadmWordReader, keyword: MdadmKeyword, firstOfKeyword: number[], index: number, findings: Finding[]): void {
  const earlier = firstOfKeyword[index] as number;
  const first = words.line;
  if (earlier >= 0 && keyword.name === 'MAILADDR') {
    findings.push(mdadmFinding('mdadm/mailaddr-multiple', wordRange(words.word()), `A second MAILADDR line: mdadm only uses the address from line ${earlier + 1}.`));
  } else if (earlier >= 0 && SINGLE_LINE_KEYWORDS[index] === true) {
    const effect = keyword.name === 'CREATE' ? `overrides the one on line ${earlier + 1}` : `is ignored: only the first (line ${earlier + 1}) counts`;
    findings.push(mdadmFinding('mdadm/keyword-repeated', wordRange(words.word()), `${keyword.name} appears more than once; this line ${effect}.`));
  }
  if (earlier < 0) firstOfKeyword[index] = first;
  if (keyword.name === 'DEVICE') {
    while (words.nextWord()) checkDeviceWord(words, findings);
  } else if (keyword.name === 'AUTO') checkAutoLine(readMdadmLine(words).words, findings);
  else if (keyword.name === 'CREATE') checkCreateLine(readMdadmLine(words).words, findings);
  else if (keyword.name === 'MAILADDR' && words.nextWord() && words.nextWord()) {
    const extra = words.word();
    findings.push(mdadmFinding('mdadm/mailaddr-multiple', wordRange(extra), `MAILADDR takes one address; mdadm ignores "${extra.text}" and anything after it.`));
  }
}
