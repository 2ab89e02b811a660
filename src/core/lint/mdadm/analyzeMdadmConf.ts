import type { Finding, Fix, TextEdit } from '../finding';
import type { LintContext } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { mdDeviceKey, toNumberedMdName } from '../raid/mdDeviceKey';
import { parseMdstat } from '../raid/parseMdstat';
import { mdadmSiblingPaths } from '../raid/raidSiblingPaths';
import { suggestName } from '../suggestName';
import { findMdadmArrayTag, isKnownMetadata, mdadmArrayTags } from './mdadmArrayTags';
import { mdadmDeviceFilter } from './mdadmDeviceFilter';
import { mdadmKeywords } from './mdadmKeywords';
import { mdadmFinding } from './mdadmRules';
import { parseMdadmConf, type MdadmArray, type MdadmConf } from './parseMdadmConf';
import { removeWordEdit } from './removeWordEdit';
import type { MdadmWord } from './tokenizeMdadmConf';

function wordRange(word: MdadmWord) {
  return rangeOf(word.line, word.start, word.end);
}

function replaceWord(word: MdadmWord, newText: string): TextEdit {
  return { range: wordRange(word), newText };
}

/** Keywords whose later lines mdadm ignores (CREATE: later lines override), config-formats.md mdadm/keyword-repeated. */
const SINGLE_LINE_KEYWORDS = new Set(['AUTO', 'HOMEHOST', 'HOMECLUSTER', 'PROGRAM', 'CREATE']);

function checkUnknownKeyword(word: MdadmWord, findings: Finding[]): void {
  const lower = word.text.toLowerCase();
  const names = mdadmKeywords.map((k) => k.name);
  const suggestion = lower.length > 0 && lower.length < 3 ? mdadmKeywords.find((k) => k.tableWord.startsWith(lower))?.name : suggestName(word.text, names);
  const why = word.text.length < 3 ? ' (a keyword needs at least 3 characters)' : '';
  findings.push(
    mdadmFinding(
      'mdadm/unknown-keyword',
      wordRange(word),
      `Unknown keyword "${word.text}"${why}: mdadm ignores this whole line.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      suggestion ? [{ title: `Change to ${suggestion}`, edits: [replaceWord(word, suggestion)], preferred: true }] : undefined,
    ),
  );
}

function checkDeviceLine(words: readonly MdadmWord[], findings: Finding[]): void {
  for (const word of words.slice(1)) {
    const lower = word.text.toLowerCase();
    if (word.text.startsWith('/') || lower === 'partitions' || lower === 'containers') continue;
    findings.push(
      mdadmFinding(
        'mdadm/device-word',
        wordRange(word),
        `"${word.text}" is not a device: DEVICE takes absolute paths or globs starting with /, or the words partitions and containers. mdadm skips it.`,
      ),
    );
  }
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

/** `<ignore>` in any case: an ARRAY line that tells mdadm to leave the array alone, so its name may repeat. */
function isIgnore(devname: string): boolean {
  // The `<` test first: `/dev/md0` has 8 characters too, and lower-casing every device name was measurable.
  return devname.length === 8 && devname.charCodeAt(0) === 0x3c && devname.toLowerCase() === '<ignore>';
}

function hasIdentity(array: MdadmArray): boolean {
  let container = false;
  let member = false;
  for (const { name } of array.tags) {
    if (name === 'uuid' || name === 'super-minor' || name === 'devices') return true;
    container ||= name === 'container';
    member ||= name === 'member';
  }
  return container && member;
}

/** The guide's normalisation of an `mdadm --examine --scan` line: /dev/mdN, no name=. */
function guideNormalisationFix(array: MdadmArray, physical: readonly string[]): Fix | undefined {
  const edits: TextEdit[] = array.tags
    .filter((t) => t.name === 'name')
    .map((t) => removeWordEdit(t.word, physical[t.word.line] as string));
  if (array.devname && toNumberedMdName(array.devname.text) !== array.devname.text) {
    edits.push(replaceWord(array.devname, toNumberedMdName(array.devname.text)));
  }
  return edits.length > 0 ? { title: 'Normalise as the RAID guide does (/dev/mdN, no name=)', edits, preferred: true } : undefined;
}

function checkArrayTags(array: MdadmArray, physical: readonly string[], findings: Finding[]): void {
  const seen: string[] = [];
  for (const tag of array.tags) {
    const known = findMdadmArrayTag(tag.name);
    if (!known) {
      const suggestion = suggestName(tag.name, mdadmArrayTags.map((t) => t.name));
      findings.push(
        mdadmFinding(
          'mdadm/array-unknown-tag',
          wordRange(tag.word),
          `"${tag.name}=" is not an ARRAY tag; mdadm says "unrecognised word on ARRAY line".${suggestion ? ` Did you mean ${suggestion}=?` : ''}`,
          suggestion ? [{ title: `Change to ${suggestion}=`, edits: [replaceWord(tag.word, `${suggestion}=${tag.value}`)], preferred: true }] : undefined,
        ),
      );
      continue;
    }
    if (known.once && seen.includes(known.name)) {
      findings.push(mdadmFinding('mdadm/array-duplicate-tag', wordRange(tag.word), `${known.name}= is given twice on this ARRAY line; mdadm keeps the first and ignores this one.`));
      continue;
    }
    seen.push(known.name);
    if (known.name === 'uuid' && array.uuid === undefined) {
      findings.push(
        mdadmFinding(
          'mdadm/array-bad-uuid',
          wordRange(tag.word),
          `Bad UUID "${tag.value}": mdadm needs exactly 32 hex digits (separators : . - allowed), as printed by mdadm --examine --scan.`,
        ),
      );
    } else if (known.name === 'metadata' && !isKnownMetadata(tag.value)) {
      findings.push(
        mdadmFinding('mdadm/array-metadata', wordRange(tag.word), `Unknown metadata format "${tag.value}" (use 0.90, 1.0, 1.1, 1.2, ddf or imsm); mdadm ignores it.`),
      );
    } else if (known.name === 'name') {
      const removeOnly: Fix = { title: 'Remove name=', edits: [removeWordEdit(tag.word, physical[tag.word.line] as string)] };
      const normalise = guideNormalisationFix(array, physical);
      findings.push(
        mdadmFinding(
          'mdadm/array-name-tag',
          wordRange(tag.word),
          'name= gives the array a second name. mdadm 4.3 and later ignore it; older mdadm (XCP-ng 8) refuses the array when it differs from the superblock name. The RAID guide removes it.',
          normalise && normalise.edits.length > 1 ? [normalise, removeOnly] : [{ ...removeOnly, preferred: true }],
        ),
      );
    }
  }
}

function checkArrays(conf: MdadmConf, findings: Finding[]): void {
  const physical = conf.tokens.physical;
  const byDevname = new Map<string, MdadmArray>();
  const byUuid = new Map<string, MdadmArray>();
  const covers = mdadmDeviceFilter(conf.deviceWords);
  for (const array of conf.arrays) {
    const extra = array.extraDevnames[0];
    if (extra) {
      findings.push(
        mdadmFinding(
          'mdadm/array-devname-twice',
          wordRange(extra),
          `"${extra.text}" is a second device name on this ARRAY line (mdadm: "Already defined"); only ${array.devname?.text ?? 'the first'} counts. A tag needs "=".`,
        ),
      );
    }
    checkArrayTags(array, physical, findings);
    if (!hasIdentity(array)) {
      findings.push(
        mdadmFinding(
          'mdadm/array-no-identity',
          wordRange(array.keyword),
          'This ARRAY line has no identity (uuid=, super-minor=, devices=, or container= with member=), so mdadm drops it. Add the UUID from mdadm --examine --scan.',
        ),
      );
    }
    const devname = array.devname;
    if (devname && !isIgnore(devname.text)) {
      const key = mdDeviceKey(devname.text);
      const first = byDevname.get(key);
      if (first?.devname) {
        findings.push(
          mdadmFinding('mdadm/array-duplicate-devname', wordRange(devname), `${devname.text} is already described on line ${first.devname.line + 1}; mdadm refuses the repeated name.`),
        );
      } else byDevname.set(key, array);
    }
    if (array.uuid !== undefined) {
      const first = byUuid.get(array.uuid);
      const uuidTag = first && array.tags.find((t) => t.name === 'uuid');
      if (uuidTag) {
        findings.push(
          mdadmFinding(
            'mdadm/array-duplicate-uuid',
            wordRange(uuidTag.word),
            `This UUID is already used by the ARRAY line on line ${first.keyword.line + 1}; mdadm reports "multiple lines in mdadm.conf match" and assembles neither.`,
          ),
        );
      } else byUuid.set(array.uuid, array);
    }
    if (covers) {
      for (const tag of array.tags) {
        if (tag.name !== 'devices') continue;
        const missing = tag.value.split(',').filter((entry) => entry !== '' && !covers(entry));
        if (missing.length > 0) {
          findings.push(
            mdadmFinding(
              'mdadm/devices-not-covered',
              wordRange(tag.word),
              `No DEVICE line covers ${missing.join(', ')}, so mdadm never looks at ${missing.length > 1 ? 'them' : 'it'}. Add ${missing.length > 1 ? 'them' : 'it'} to a DEVICE line.`,
            ),
          );
        }
      }
    }
  }
}

/** `<root>/proc/mdstat` members of each array must be covered by DEVICE (the guide lists "all drives participating"). */
function checkMdstatCoverage(conf: MdadmConf, context: LintContext, findings: Finding[]): void {
  const mdstatPath = mdadmSiblingPaths(context.fileName)[0];
  const mdstat = mdstatPath === undefined ? undefined : context.siblings?.get(mdstatPath);
  if (mdstat === undefined) return;
  const covers = mdadmDeviceFilter(conf.deviceWords);
  if (!covers) return;
  const members = new Map(parseMdstat(mdstat).map((a) => [mdDeviceKey(a.name), a.members]));
  for (const array of conf.arrays) {
    if (!array.devname) continue;
    const uncovered = (members.get(mdDeviceKey(array.devname.text)) ?? []).map((m) => `/dev/${m}`).filter((path) => !covers(path));
    if (uncovered.length === 0) continue;
    findings.push(
      mdadmFinding(
        'mdadm/device-coverage',
        wordRange(array.devname),
        `/proc/mdstat shows ${uncovered.join(', ')} in ${array.devname.text}, but no DEVICE line covers ${uncovered.length > 1 ? 'them' : 'it'}: the array would be assembled without ${uncovered.length > 1 ? 'them' : 'it'}. List every member drive on a DEVICE line.`,
      ),
    );
  }
}

/** Every mdadm.conf rule of config-formats.md §2.3, plus the /proc/mdstat coverage of §7 when a snapshot is handed in. */
export function analyzeMdadmConf(text: string, context: LintContext): Finding[] {
  const conf = parseMdadmConf(text);
  const findings: Finding[] = [];
  const { crLine, physical } = conf.tokens;
  if (crLine >= 0) {
    findings.push(
      mdadmFinding(
        'mdadm/crlf',
        rangeOf(crLine, 0, (physical[crLine] as string).length),
        'Windows (CRLF) line endings: mdadm does not treat CR as a blank, so it sticks to the last word of each line (a UUID then reads as "bad uuid"). Save the file with LF line endings.',
        [{ title: 'Convert to LF line endings', edits: [], endOfLine: 'lf', preferred: true }],
      ),
    );
  }
  const seenKeywords = new Map<string, MdadmWord>();
  for (const { line, keyword } of conf.keywordLines) {
    const first = line.words[0] as MdadmWord;
    if (context.hasBom && first.line === 0 && first.start === 0) {
      // mdadm reads bytes: a UTF-8 BOM glues itself to the first keyword, which then matches nothing.
      findings.push(
        mdadmFinding(
          'mdadm/unknown-keyword',
          wordRange(first),
          `The file starts with a UTF-8 byte order mark, so mdadm reads the first keyword as "\uFEFF${first.text}" and ignores this line. Save the file as UTF-8 without BOM.`,
        ),
      );
      continue;
    }
    if (!keyword) {
      checkUnknownKeyword(first, findings);
      continue;
    }
    const earlier = seenKeywords.get(keyword.name);
    if (earlier && keyword.name === 'MAILADDR') {
      findings.push(mdadmFinding('mdadm/mailaddr-multiple', wordRange(first), `A second MAILADDR line: mdadm only uses the address from line ${earlier.line + 1}.`));
    } else if (earlier && SINGLE_LINE_KEYWORDS.has(keyword.name)) {
      const effect = keyword.name === 'CREATE' ? `overrides the one on line ${earlier.line + 1}` : `is ignored: only the first (line ${earlier.line + 1}) counts`;
      findings.push(mdadmFinding('mdadm/keyword-repeated', wordRange(first), `${keyword.name} appears more than once; this line ${effect}.`));
    }
    if (!earlier) seenKeywords.set(keyword.name, first);
    if (keyword.name === 'DEVICE') checkDeviceLine(line.words, findings);
    else if (keyword.name === 'AUTO') checkAutoLine(line.words, findings);
    else if (keyword.name === 'CREATE') checkCreateLine(line.words, findings);
    else if (keyword.name === 'MAILADDR' && line.words.length > 2) {
      const extra = line.words[2] as MdadmWord;
      findings.push(mdadmFinding('mdadm/mailaddr-multiple', wordRange(extra), `MAILADDR takes one address; mdadm ignores "${extra.text}" and anything after it.`));
    }
  }
  checkArrays(conf, findings);
  checkMdstatCoverage(conf, context, findings);
  return findings;
}
