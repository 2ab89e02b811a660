import type { Finding, Fix, TextEdit } from '../finding';
import type { LintContext } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { FixedWord } from '../fixedWord';
import { mdDeviceKey, toNumberedMdName } from '../raid/mdDeviceKey';
import { parseMdstat } from '../raid/parseMdstat';
import { mdadmSiblingPaths } from '../raid/raidSiblingPaths';
import { splitSourceLines } from '../sourceLines';
import { suggestName } from '../suggestName';
import { checkMdadmKeywordLine } from './checkMdadmKeywordLine';
import { MdadmArrayFacts } from './mdadmArrayFacts';
import { findMdadmArrayTag, isKnownMetadata, mdadmArrayTags } from './mdadmArrayTags';
import { mdadmDeviceFilter } from './mdadmDeviceFilter';
import { matchMdadmKeywordAt, mdadmKeywords } from './mdadmKeywords';
import { MdadmRepeats } from './mdadmRepeats';
import { mdadmFinding } from './mdadmRules';
import { MdadmWordReader } from './mdadmWordReader';
import { parseMdadmConf, readMdadmArray, type MdadmArray, type MdadmConf } from './parseMdadmConf';
import { mdadmWordRange as wordRange } from './mdadmWordRange';
import { removeWordEdit } from './removeWordEdit';
import { settlePlainMdadmLines, type PlainLineRules } from './settlePlainMdadmLines';
import type { MdadmWord } from './tokenizeMdadmConf';

function replaceWord(word: MdadmWord, newText: string): TextEdit {
  return { range: wordRange(word), newText };
}

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

const ARRAY = mdadmKeywords.findIndex((k) => k.name === 'ARRAY');
const tagBit = (name: string): number => 1 << mdadmArrayTags.findIndex((t) => t.name === name);
const UUID_BIT = tagBit('uuid');
const NAME_BIT = tagBit('name');
const DEVICES_BIT = tagBit('devices');
const IDENTITY_BITS = mdadmArrayTags.reduce((bits, tag, k) => (tag.identity ? bits | (1 << k) : bits), 0);
const CONTAINER_AND_MEMBER = tagBit('container') | tagBit('member');

/** uuid=, super-minor= or devices=, or container= with member=, whether or not their values are good. */
function hasIdentity(tags: number): boolean {
  return (tags & IDENTITY_BITS) !== 0 || (tags & CONTAINER_AND_MEMBER) === CONTAINER_AND_MEMBER;
}

/** Whether some word of the ARRAY line just read breaks a rule that reports that word. */
function needsWordRules(facts: MdadmArrayFacts): boolean {
  return facts.extraDevname || facts.unknownTag || facts.repeatedTag || facts.badMetadata || (facts.tags & NAME_BIT) !== 0 || ((facts.tags & UUID_BIT) !== 0 && !facts.uuidRead);
}

function checkDevicesCovered(array: MdadmArray, covers: (path: string) => boolean, findings: Finding[]): void {
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

/** `<root>/proc/mdstat` members of each array must be covered by DEVICE (the guide lists "all drives participating"). */
function checkMdstatCoverage(conf: () => MdadmConf, context: LintContext, findings: Finding[]): void {
  const mdstatPath = mdadmSiblingPaths(context.fileName)[0];
  const mdstat = mdstatPath === undefined ? undefined : context.siblings?.get(mdstatPath);
  if (mdstat === undefined) return;
  const { arrays, deviceWords } = conf();
  const covers = mdadmDeviceFilter(deviceWords);
  if (!covers) return;
  const members = new Map(parseMdstat(mdstat).map((a) => [mdDeviceKey(a.name), a.members]));
  for (const array of arrays) {
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

/** What the ARRAY rules of one file share, built only when a rule needs it. */
interface ArrayRuleContext {
  readonly repeats: MdadmRepeats;
  /** The physical lines, for removal edits. */
  physicalLines(): readonly string[];
  /** Whether DEVICE lets mdadm look at a path; every DEVICE line counts, also those further down. */
  covers(): ((path: string) => boolean) | undefined;
}

/** The ARRAY line `words` was on when it was at its keyword, read again as an object, for the rules that fire. */
function arrayObjectOf(words: MdadmWordReader): MdadmArray {
  const again = words.rereadKeywordLine();
  again.nextLine();
  return readMdadmArray(again, new MdadmArrayFacts());
}

const IGNORE = new FixedWord('<ignore>', true);
const LESS_THAN = 0x3c;

/** Whether mdadm leaves the array alone (`<ignore>` in any case), so that its name may repeat. */
function isIgnoredDevname(facts: MdadmArrayFacts): boolean {
  return facts.devnameSource[facts.devnameFrom] === LESS_THAN && IGNORE.equalsAt(facts.devnameSource, facts.devnameFrom, facts.devnameTo);
}

/** Whether the ARRAY line read into `facts` breaks no rule of its own: {@link checkArrayLine} reports nothing unless it repeats a name or UUID. */
function isQuietArrayLine(facts: MdadmArrayFacts): boolean {
  return !needsWordRules(facts) && hasIdentity(facts.tags) && (facts.tags & DEVICES_BIT) === 0 && !(facts.devname && isIgnoredDevname(facts));
}

/** What {@link checkArrayLine} found on an ARRAY line with something to report: the line of each first use, or -1. */
interface ArrayLineVerdict {
  readonly wordRules: boolean;
  readonly identity: boolean;
  readonly devnameFirst: number;
  readonly uuidFirst: number;
}

/** The findings of an ARRAY line that has some, in the order of the rules; reads the line again as an object. */
function reportArrayLine(words: MdadmWordReader, facts: MdadmArrayFacts, verdict: ArrayLineVerdict, shared: ArrayRuleContext, findings: Finding[]): void {
  const array = arrayObjectOf(words);
  if (verdict.wordRules) {
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
    checkArrayTags(array, shared.physicalLines(), findings);
  }
  if (!verdict.identity) {
    findings.push(
      mdadmFinding(
        'mdadm/array-no-identity',
        wordRange(array.keyword),
        'This ARRAY line has no identity (uuid=, super-minor=, devices=, or container= with member=), so mdadm drops it. Add the UUID from mdadm --examine --scan.',
      ),
    );
  }
  const devname = verdict.devnameFirst >= 0 ? array.devname : undefined;
  if (devname) {
    findings.push(mdadmFinding('mdadm/array-duplicate-devname', wordRange(devname), `${devname.text} is already described on line ${verdict.devnameFirst + 1}; mdadm refuses the repeated name.`));
  }
  const uuidTag = verdict.uuidFirst >= 0 ? array.tags.find((t) => t.name === 'uuid') : undefined;
  if (uuidTag) {
    findings.push(
      mdadmFinding(
        'mdadm/array-duplicate-uuid',
        wordRange(uuidTag.word),
        `This UUID is already used by the ARRAY line on line ${verdict.uuidFirst + 1}; mdadm reports "multiple lines in mdadm.conf match" and assembles neither.`,
      ),
    );
  }
  const covers = (facts.tags & DEVICES_BIT) !== 0 ? shared.covers() : undefined;
  if (covers) checkDevicesCovered(array, covers, findings);
}

/**
 * The rules of the ARRAY line `words` is on (at its keyword), read to its end in place, through `facts`; the
 * line is read again as an object only when there is something to report ({@link reportArrayLine}), so that
 * what runs for every ARRAY line stays short.
 */
function checkArrayLine(words: MdadmWordReader, facts: MdadmArrayFacts, shared: ArrayRuleContext, findings: Finding[]): void {
  const keywordLine = words.line;
  facts.read(words);
  const wordRules = needsWordRules(facts);
  const identity = hasIdentity(facts.tags);
  const devnameFirst = facts.devname && !isIgnoredDevname(facts) ? shared.repeats.devname(facts) : -1;
  const uuidFirst = facts.uuidRead ? shared.repeats.uuid(facts, keywordLine) : -1;
  if (wordRules || !identity || devnameFirst >= 0 || uuidFirst >= 0 || (facts.tags & DEVICES_BIT) !== 0) {
    reportArrayLine(words, facts, { wordRules, identity, devnameFirst, uuidFirst }, shared, findings);
  }
}

/** mdadm reads bytes: a UTF-8 BOM glues itself to the first keyword, which then matches nothing. */
function reportBom(words: MdadmWordReader, findings: Finding[]): void {
  const first = words.word();
  findings.push(
    mdadmFinding(
      'mdadm/unknown-keyword',
      wordRange(first),
      `The file starts with a UTF-8 byte order mark, so mdadm reads the first keyword as "\uFEFF${first.text}" and ignores this line. Save the file as UTF-8 without BOM.`,
    ),
  );
}

interface KeywordLineOptions {
  readonly hasBom: boolean;
  /** Whether plain lines are settled in one loop (see settlePlainMdadmLines) rather than read word by word. */
  readonly plainLines: boolean;
}

/**
 * The rules of every keyword line, from the start of the text. The loop over a large file's lines is a
 * function of its own: the engine optimizes a long loop while it runs, before the code after it has run
 * once, and that code then threw the optimized loop away at the end of every analysis of a new file.
 */
function readKeywordLines(words: MdadmWordReader, facts: MdadmArrayFacts, shared: ArrayRuleContext, options: KeywordLineOptions, lineFindings: Finding[], arrayFindings: Finding[]): void {
  const { hasBom, plainLines } = options;
  /** The line of the first line of each keyword, by index in mdadmKeywords. */
  const firstOfKeyword: number[] = mdadmKeywords.map(() => -1);
  const plain: PlainLineRules = { quietArray: isQuietArrayLine, repeats: shared.repeats, firstOfKeyword };
  // The lines that need no finding are settled in one loop; the first line holds a BOM's finding.
  if (plainLines && !hasBom) settlePlainMdadmLines(words, facts, plain);
  while (words.nextLine()) {
    const index = matchMdadmKeywordAt(words.source, words.from, words.to);
    const keyword = mdadmKeywords[index];
    if (hasBom && words.line === 0 && words.start === 0) reportBom(words, lineFindings);
    else if (!keyword) checkUnknownKeyword(words.word(), lineFindings);
    else if (index !== ARRAY) checkMdadmKeywordLine(words, keyword, firstOfKeyword, index, lineFindings);
    // Behind a BOM the ARRAY rules still run: they say what the line means once the BOM is gone.
    if (index === ARRAY) checkArrayLine(words, facts, shared, arrayFindings);
    if (plainLines) settlePlainMdadmLines(words, facts, plain);
  }
}

export interface MdadmAnalysisOptions {
  /**
   * false reads every line word by word, the plain ones too: the findings are the same (tests compare the two
   * readings), only slower on a large file.
   */
  readonly plainLines?: boolean;
}

/**
 * Every mdadm.conf rule of config-formats.md §2.3, plus the /proc/mdstat coverage of §7 when a snapshot is handed
 * in. Reads the file once, word by word in place ({@link MdadmWordReader}): on a large mdadm.conf an object per
 * word cost more than the whole lint budget. Findings come in the order of the rules: line endings, keyword
 * lines, ARRAY records, mdstat coverage.
 */
export function analyzeMdadmConf(text: string, context: LintContext, options: MdadmAnalysisOptions = {}): Finding[] {
  const words = new MdadmWordReader(text);
  const facts = new MdadmArrayFacts();
  const lineFindings: Finding[] = [];
  const arrayFindings: Finding[] = [];
  let physical: readonly string[] | undefined;
  let conf: MdadmConf | undefined;
  const parsed = (): MdadmConf => (conf ??= parseMdadmConf(text));
  let covers: ((path: string) => boolean) | undefined | null = null;
  const shared: ArrayRuleContext = {
    repeats: MdadmRepeats.forText(words.units),
    physicalLines: () => (physical ??= splitSourceLines(text).lines),
    covers: () => (covers === null ? (covers = mdadmDeviceFilter(parsed().deviceWords)) : covers),
  };
  readKeywordLines(words, facts, shared, { hasBom: context.hasBom ?? false, plainLines: options.plainLines ?? true }, lineFindings, arrayFindings);
  shared.repeats.release();
  const findings: Finding[] = [];
  if (words.crLine >= 0) {
    findings.push(
      mdadmFinding(
        'mdadm/crlf',
        rangeOf(words.crLine, 0, (shared.physicalLines()[words.crLine] as string).length),
        'Windows (CRLF) line endings: mdadm does not treat CR as a blank, so it sticks to the last word of each line (a UUID then reads as "bad uuid"). Save the file with LF line endings.',
        [{ title: 'Convert to LF line endings', edits: [], endOfLine: 'lf', preferred: true }],
      ),
    );
  }
  // One at a time: spreading 120,000+ findings as arguments overflows the stack.
  for (const finding of lineFindings) findings.push(finding);
  for (const finding of arrayFindings) findings.push(finding);
  checkMdstatCoverage(parsed, context, findings);
  return findings;
}
