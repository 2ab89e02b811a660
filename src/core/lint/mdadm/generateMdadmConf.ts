import { parseMdstat } from '../raid/parseMdstat';
import { toNumberedMdName } from '../raid/mdDeviceKey';
import { parseMdadmConf, type MdadmArray } from './parseMdadmConf';
import { removeWordEdit } from './removeWordEdit';

export interface MdadmConfSources {
  /** Output of `mdadm --examine --scan` (optionally `--verbose`, whose `devices=` lines name the members). */
  readonly examineScan: string;
  /** A `/proc/mdstat` snapshot: its member drives go on the DEVICE line. */
  readonly mdstat?: string;
  /** More drives to list on the DEVICE line, as paths. */
  readonly devices?: readonly string[];
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * The first line of an ARRAY entry the way the guide edits it: `/dev/md/N` becomes `/dev/mdN` and `name=`
 * goes. Everything else keeps mdadm's own spacing. Continuation lines (`devices=` of --verbose) are dropped:
 * their drives move to the DEVICE line.
 */
function normaliseArrayLine(array: MdadmArray, physical: string): string {
  const line = array.keyword.line;
  let text = physical;
  const words = [...array.line.words].filter((w) => w.line === line).reverse();
  for (const word of words) {
    if (word === array.devname) text = `${text.slice(0, word.start)}${toNumberedMdName(word.text)}${text.slice(word.end)}`;
    else if (array.tags.some((t) => t.word === word && t.name === 'name')) {
      const { range } = removeWordEdit(word, text);
      text = `${text.slice(0, range.start.character)}${text.slice(range.end.character)}`;
    }
  }
  return text.trimEnd();
}

/**
 * The guide's `/etc/mdadm.conf` from what a running host reports: `AUTO +all`, `MAILADDR root`, one DEVICE line
 * with every member drive (from mdstat, `devices=` and `devices`), then the scanned ARRAY lines normalised.
 */
export function generateMdadmConf(sources: MdadmConfSources): string {
  const scan = parseMdadmConf(sources.examineScan);
  const members = new Set<string>(sources.devices ?? []);
  for (const array of parseMdstat(sources.mdstat ?? '')) for (const member of array.members) members.add(`/dev/${member}`);
  for (const array of scan.arrays) {
    for (const tag of array.tags) {
      if (tag.name === 'devices') for (const entry of tag.value.split(',')) if (entry !== '') members.add(entry);
    }
  }
  const lines = ['AUTO +all', 'MAILADDR root'];
  if (members.size > 0) lines.push(`DEVICE ${[...members].sort(collator.compare).join(' ')}`);
  for (const array of scan.arrays) lines.push(normaliseArrayLine(array, scan.tokens.physical[array.keyword.line] as string));
  return `${lines.join('\n')}\n`;
}
