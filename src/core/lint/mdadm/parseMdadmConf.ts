import { mdadmUuidHex } from '../raid/mdUuid';
import { splitSourceLines } from '../sourceLines';
import { MdadmArrayFacts, MdadmWordRole } from './mdadmArrayFacts';
import { mdadmKeywords, matchMdadmKeywordAt, type MdadmKeyword } from './mdadmKeywords';
import { MdadmWordReader } from './mdadmWordReader';
import { readMdadmLine, type MdadmLine, type MdadmTokens, type MdadmWord } from './tokenizeMdadmConf';

/** A `tag=value` word of an ARRAY line. */
export interface MdadmTagWord {
  readonly word: MdadmWord;
  /** Lower-cased text before the first `=`. */
  readonly name: string;
  readonly value: string;
}

export interface MdadmArray {
  readonly line: MdadmLine;
  readonly keyword: MdadmWord;
  /** The first bare word (or word starting with `/`): the one mdadm keeps. */
  readonly devname?: MdadmWord;
  /** Further bare words, which mdadm rejects with "Already defined". */
  readonly extraDevnames: readonly MdadmWord[];
  readonly tags: readonly MdadmTagWord[];
  /** The 32 lower-case hex digits of the first `uuid=`, when mdadm can read it. */
  readonly uuid?: string;
}

export interface MdadmKeywordLine {
  readonly line: MdadmLine;
  /** Undefined when mdadm reports "Unknown keyword". */
  readonly keyword?: MdadmKeyword;
}

export interface MdadmConf {
  readonly tokens: MdadmTokens;
  readonly keywordLines: readonly MdadmKeywordLine[];
  readonly arrays: readonly MdadmArray[];
  /** The words of all DEVICE lines, in file order. */
  readonly deviceWords: readonly MdadmWord[];
}

/** The ARRAY line `words` is on (at its keyword) as an object, read to its end. */
export function readMdadmArray(words: MdadmWordReader, facts: MdadmArrayFacts): MdadmArray {
  const keyword = words.word();
  const all: MdadmWord[] = [keyword];
  let devname: MdadmWord | undefined;
  const extraDevnames: MdadmWord[] = [];
  const tags: MdadmTagWord[] = [];
  facts.read(words, (role) => {
    const word = words.word();
    all.push(word);
    if (role === MdadmWordRole.Devname) devname = word;
    else if (role === MdadmWordRole.ExtraDevname) extraDevnames.push(word);
    else {
      const eq = word.text.indexOf('=');
      tags.push({ word, name: word.text.slice(0, eq).toLowerCase(), value: word.text.slice(eq + 1) });
    }
  });
  // One object shape for every array, with or without a UUID, keeps the property reads of callers monomorphic.
  return { line: { words: all }, keyword, devname, extraDevnames, tags, uuid: facts.uuidRead ? mdadmUuidHex(facts.uuid) : undefined };
}

/** Reads mdadm.conf into its keyword lines, ARRAY records and DEVICE words, with positions for every word. */
export function parseMdadmConf(text: string): MdadmConf {
  const words = new MdadmWordReader(text);
  const facts = new MdadmArrayFacts();
  const keywordLines: MdadmKeywordLine[] = [];
  const arrays: MdadmArray[] = [];
  const deviceWords: MdadmWord[] = [];
  while (words.nextLine()) {
    const keyword = mdadmKeywords[matchMdadmKeywordAt(words.source, words.from, words.to)];
    let line: MdadmLine;
    if (keyword?.name === 'ARRAY') {
      const array = readMdadmArray(words, facts);
      arrays.push(array);
      line = array.line;
    } else {
      line = readMdadmLine(words);
      if (keyword?.name === 'DEVICE') deviceWords.push(...line.words.slice(1));
    }
    keywordLines.push({ line, keyword });
  }
  const tokens = { lines: keywordLines.map((k) => k.line), crLine: words.crLine, physical: splitSourceLines(text).lines };
  return { tokens, keywordLines, arrays, deviceWords };
}
