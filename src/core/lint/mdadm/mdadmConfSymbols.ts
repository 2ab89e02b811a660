import type { DocSymbolInfo } from '../languageSupport';
import { rangeOf } from '../rangeOf';
import { formatMdadmUuid } from '../raid/mdUuid';
import { parseMdadmConf } from './parseMdadmConf';
import type { MdadmWord } from './tokenizeMdadmConf';

/** One symbol per keyword line; ARRAY lines are named by their device (or UUID) so the outline lists the arrays. */
export function mdadmConfSymbols(text: string): DocSymbolInfo[] {
  const conf = parseMdadmConf(text);
  return conf.keywordLines.flatMap(({ line, keyword }): DocSymbolInfo[] => {
    if (!keyword) return [];
    const first = line.words[0] as MdadmWord;
    const last = line.words[line.words.length - 1] as MdadmWord;
    const range = { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
    const selectionRange = rangeOf(first.line, first.start, first.end);
    if (keyword.name !== 'ARRAY') {
      return [{ name: keyword.name, detail: line.words.slice(1).map((w) => w.text).join(' '), kind: 'key', range, selectionRange }];
    }
    const array = conf.arrays.find((a) => a.keyword === first);
    const uuid = array?.uuid === undefined ? undefined : formatMdadmUuid(array.uuid);
    return [{ name: array?.devname?.text ?? uuid ?? 'ARRAY', detail: uuid ?? '', kind: 'array', range, selectionRange }];
  });
}
