import { parseMdadmUuid } from '../raid/mdUuid';
import { matchMdadmKeyword, type MdadmKeyword } from './mdadmKeywords';
import { tokenizeMdadmConf, type MdadmLine, type MdadmTokens, type MdadmWord } from './tokenizeMdadmConf';

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

const NONE: readonly MdadmWord[] = [];

function readArray(line: MdadmLine): MdadmArray {
  const words = line.words;
  const keyword = words[0] as MdadmWord;
  let devname: MdadmWord | undefined;
  let extraDevnames = NONE;
  const tags: MdadmTagWord[] = [];
  let uuid: string | undefined;
  let uuidSeen = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as MdadmWord;
    const eq = word.text.indexOf('=');
    // config.c arrayline: a word starting with / or without = names the device.
    if (eq < 0 || word.text.startsWith('/')) {
      if (!devname) devname = word;
      else extraDevnames = [...extraDevnames, word];
      continue;
    }
    const tag: MdadmTagWord = { word, name: word.text.slice(0, eq).toLowerCase(), value: word.text.slice(eq + 1) };
    tags.push(tag);
    if (tag.name === 'uuid' && !uuidSeen) {
      uuidSeen = true;
      uuid = parseMdadmUuid(tag.value);
    }
  }
  // One object shape for every array, with or without a UUID, keeps the property reads of the rules monomorphic.
  return { line, keyword, devname, extraDevnames, tags, uuid };
}

/** Reads mdadm.conf into its keyword lines, ARRAY records and DEVICE words, with positions for every word. */
export function parseMdadmConf(text: string): MdadmConf {
  const tokens = tokenizeMdadmConf(text);
  const keywordLines: MdadmKeywordLine[] = [];
  const arrays: MdadmArray[] = [];
  const deviceWords: MdadmWord[] = [];
  for (const line of tokens.lines) {
    const keyword = matchMdadmKeyword((line.words[0] as MdadmWord).text);
    keywordLines.push({ line, keyword });
    if (keyword?.name === 'ARRAY') arrays.push(readArray(line));
    else if (keyword?.name === 'DEVICE') deviceWords.push(...line.words.slice(1));
  }
  return { tokens, keywordLines, arrays, deviceWords };
}
