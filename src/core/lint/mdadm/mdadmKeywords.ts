import type { CodeUnits } from '../codeUnits';
import { ownCodeUnits } from '../ownCodeUnits';
import { FixedWord } from '../fixedWord';
import { WordShapeTable } from './wordShapeTable';

/** A line keyword of mdadm.conf with the words our hover and completion show for it. */
export interface MdadmKeyword {
  /** How mdadm.conf(5) writes it. */
  readonly name: string;
  /** The spelling in mdadm's keyword table, which abbreviations are matched against (DEVICE is `devices`). */
  readonly tableWord: string;
  readonly summary: string;
  /** Where the seed's Software RAID guide uses it, when it does. */
  readonly guide?: string;
}

/**
 * mdadm's keyword table in its own order (config.c). The order matters: an abbreviation means the first
 * entry it is a prefix of, so `pro` is PROGRAM, `hom` HOMEHOST and `mai` MAILADDR.
 */
export const mdadmKeywords: readonly MdadmKeyword[] = [
  {
    name: 'DEVICE',
    tableWord: 'devices',
    summary:
      'Which block devices mdadm may scan for RAID members: absolute paths or shell globs (`/dev/sd[a-e]`), or the words `partitions` (everything in /proc/partitions) and `containers`. Several DEVICE lines add up. Without any DEVICE line mdadm scans `partitions containers`.',
    guide: 'The guide lists every drive that takes part in an array (`DEVICE /dev/sda /dev/sdb /dev/sdc /dev/sdd /dev/sde`) so assembly at boot does not depend on probing.',
  },
  {
    name: 'ARRAY',
    tableWord: 'array',
    summary:
      'Describes one array: an optional device name (`/dev/md0`), then identity tags. mdadm drops the line unless it has `uuid=`, `super-minor=`, `devices=`, or `container=` with `member=`.',
    guide: 'Copy the lines from `mdadm --examine --scan`, then write `/dev/md0` instead of `/dev/md/0` and remove `name=`. The UUIDs must match the `rd.md.uuid=` entries of dracut_mdraid.conf.',
  },
  {
    name: 'MAILADDR',
    tableWord: 'mailaddr',
    summary: 'The one address `mdadm --monitor` mails alerts to. Only the first address counts; more words or lines are ignored.',
    guide: 'The guide sends alerts to `root`.',
  },
  { name: 'MAILFROM', tableWord: 'mailfrom', summary: 'Sender of alert mails; all words are joined with spaces. Needs at least `mailf`: `mai` already means MAILADDR.' },
  { name: 'PROGRAM', tableWord: 'program', summary: 'A program `mdadm --monitor` runs on each event. Only the first one counts.' },
  {
    name: 'CREATE',
    tableWord: 'create',
    summary: 'Defaults for arrays mdadm creates: `owner=` `group=` `mode=` (octal) `metadata=` `names=yes|no` `bbl=yes|no` (`auto=` is accepted and ignored). A later CREATE line overrides an earlier one.',
  },
  { name: 'HOMEHOST', tableWord: 'homehost', summary: 'The host name mdadm treats as home: `<system>`, `<none>`, `<ignore>` or a name. Only the first line counts.' },
  { name: 'HOMECLUSTER', tableWord: 'homecluster', summary: 'The cluster name for clustered arrays. Only the first line counts.' },
  {
    name: 'AUTO',
    tableWord: 'auto',
    summary:
      'Which metadata formats may be assembled automatically: `yes`, `no`, `homehost`, or `+`/`-` followed by `all`, `0.90`, `1.x`, `ddf` or `imsm`. Words are read in order and the first match wins. Only the first AUTO line counts.',
    guide: 'The guide uses `AUTO +all` so every array in the file may be assembled at boot.',
  },
  { name: 'POLICY', tableWord: 'policy', summary: 'Hot-plug policy for devices: `domain=` `metadata=` `path=` `type=disk|part` `action=` `auto=`.' },
  { name: 'PART-POLICY', tableWord: 'part-policy', summary: 'Like POLICY, for partitions of a device.' },
  { name: 'SYSFS', tableWord: 'sysfs', summary: 'sysfs attributes to set on an array found by `uuid=` or `name=`, as `attribute=value` pairs.' },
  { name: 'MONITORDELAY', tableWord: 'monitordelay', summary: 'Seconds between polls of `mdadm --monitor`.' },
  { name: 'ENCRYPTION_NO_VERIFY', tableWord: 'encryption_no_verify', summary: 'Skips the encryption check for the named kind of drive; the only value is `sata_opal`.' },
  { name: 'PROBING', tableWord: 'probing', summary: 'Extra probing; the only value is `ddf_extended`. Needs at least `prob`: `pro` already means PROGRAM.' },
  { name: 'IMSM_DISABLE_OROM', tableWord: 'imsm_disable_orom', summary: 'Ignore the Intel option ROM limits for IMSM arrays: `0` or `1`.' },
];

const TABLE_WORDS = mdadmKeywords.map((k) => new FixedWord(k.tableWord, true));
/** Per lower-case first letter, the indices of the keywords starting with it, in table order, ending with -1. */
const BY_FIRST_LETTER: readonly Int8Array[] = Array.from({ length: 128 }, (_, c) =>
  Int8Array.from([...mdadmKeywords.flatMap((k, index) => (k.tableWord.charCodeAt(0) === c ? [index] : [])), -1]),
);
const NONE = Int8Array.of(-1);

/** {@link matchMdadmKeywordAt} by asking, in table order, the keywords with the word's first letter. */
function matchByPrefixAt(units: CodeUnits, from: number, to: number): number {
  if (to - from < 3) return -1;
  const first = units[from] as number;
  const candidates = first < 128 ? (BY_FIRST_LETTER[first >= 0x41 && first <= 0x5a ? first | 0x20 : first] as Int8Array) : NONE;
  for (let i = 0, k = candidates[0] as number; k >= 0; k = candidates[++i] as number) {
    if ((TABLE_WORDS[k] as FixedWord).startsAt(units, from, to)) return k;
  }
  return -1;
}

/**
 * Keywords written in full (the table's word, or mdadm.conf(5)'s name when that is shorter), each with the
 * keyword the prefix rule gives it: nearly every line of a large file starts with one, and one look-up by
 * shape costs a third of asking the candidates in turn.
 */
const WHOLE_WORDS = [...new Set(mdadmKeywords.flatMap((k) => [k.tableWord, k.name.toLowerCase()]))].filter((word) => matchByPrefixAt(ownCodeUnits(word), 0, word.length) >= 0);
const WHOLE = new WordShapeTable(WHOLE_WORDS, true);
const WHOLE_KEYWORD = Int8Array.from(WHOLE_WORDS, (word) => matchByPrefixAt(ownCodeUnits(word), 0, word.length));

/**
 * Index in {@link mdadmKeywords} of the keyword that `units[from..to)` selects as mdadm matches it:
 * case-insensitive prefix of >= 3 characters, first in table order; -1 for "Unknown keyword".
 */
export function matchMdadmKeywordAt(units: CodeUnits, from: number, to: number): number {
  const whole = WHOLE.find(units, from, to);
  return whole >= 0 ? (WHOLE_KEYWORD[whole] as number) : matchByPrefixAt(units, from, to);
}

/** The keyword a first word selects (see {@link matchMdadmKeywordAt}). */
export function matchMdadmKeyword(word: string): MdadmKeyword | undefined {
  return mdadmKeywords[matchMdadmKeywordAt(ownCodeUnits(word), 0, word.length)];
}
