import type { CodeUnits } from '../codeUnits';
import { ownCodeUnits } from '../ownCodeUnits';
import { WordShapeTable } from './wordShapeTable';

/** A `tag=value` word of an ARRAY line with the words our hover and completion show for it. */
export interface MdadmArrayTag {
  readonly name: string;
  readonly summary: string;
  /** Values completion offers after `tag=`. */
  readonly values?: readonly string[];
  /** mdadm keeps the first one and ignores a repeat with a message. */
  readonly once?: boolean;
  /** Enough on its own for mdadm to keep the ARRAY line. */
  readonly identity?: boolean;
}

/** The tags mdadm's `arrayline` accepts (config.c), matched case-insensitively by the text before `=`. */
export const mdadmArrayTags: readonly MdadmArrayTag[] = [
  {
    name: 'uuid',
    summary: 'The array UUID: 32 hex digits, `:` `.` `-` or spaces allowed between them. `mdadm --examine --scan` prints it as `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`. The most reliable identity, and the value dracut\'s `rd.md.uuid=` must repeat.',
    once: true,
    identity: true,
  },
  { name: 'super-minor', summary: 'The minor number stored in a 0.90 superblock (the N of /dev/mdN when it was created).', once: true, identity: true },
  {
    name: 'name',
    summary: 'The name stored in a 1.x superblock. Ignored since mdadm 4.3; older mdadm (as on XCP-ng 8) requires it to equal the superblock name. The guide removes it.',
  },
  { name: 'bitmap', summary: 'A write-intent bitmap file, or `none`, `internal`, `clustered`.', values: ['internal', 'none', 'clustered'], once: true },
  { name: 'devices', summary: 'A comma-separated list of device names or globs that may be members. Each entry must also be covered by a DEVICE line.', once: true, identity: true },
  { name: 'spare-group', summary: 'Arrays in the same spare group share spare drives under `mdadm --monitor`.', once: true },
  { name: 'level', summary: 'The RAID level (`raid1`, `raid5`...), printed by `--brief`; informative.', values: ['raid0', 'raid1', 'raid4', 'raid5', 'raid6', 'raid10', 'linear'] },
  { name: 'num-devices', summary: 'How many devices the complete array has; informative.' },
  { name: 'disks', summary: 'Old spelling of `num-devices=`.' },
  { name: 'spares', summary: 'How many spares to expect; `mdadm --monitor` warns when fewer are present.' },
  {
    name: 'metadata',
    summary: 'The superblock format: `0.90`, `1.0`, `1.1`, `1.2`, `ddf` or `imsm`. The guide creates its data array with `--metadata=1.2`; XCP-ng\'s boot mirror uses `1.0`.',
    values: ['1.2', '1.0', '1.1', '0.90', 'ddf', 'imsm'],
  },
  { name: 'auto', summary: 'Accepted for compatibility and ignored.' },
  { name: 'member', summary: 'The member index of a subarray inside a container (with `container=`).' },
  { name: 'container', summary: 'The container (device name or UUID) that holds this subarray (with `member=`).' },
];

const TAGS = new WordShapeTable(mdadmArrayTags.map((t) => t.name), true);

/** Index in {@link mdadmArrayTags} of the tag named `units[from..to)` (any case), or -1. */
export function findMdadmArrayTagAt(units: CodeUnits, from: number, to: number): number {
  return TAGS.find(units, from, to);
}

export function findMdadmArrayTag(name: string): MdadmArrayTag | undefined {
  return mdadmArrayTags[findMdadmArrayTagAt(ownCodeUnits(name), 0, name.length)];
}

const METADATA_FORMATS = ['0', '0.90', '1', '1.0', '1.00', '1.1', '1.01', '1.2', '1.02', 'default', 'ddf', 'imsm'];

const FORMATS = new WordShapeTable(METADATA_FORMATS, false);

function isMetadataFormat(units: CodeUnits, from: number, to: number): boolean {
  return FORMATS.find(units, from, to) >= 0;
}

/**
 * Whether some metadata handler of mdadm accepts `units[from..to)`; surplus leading zeros are tolerated,
 * as `--detail` prints them.
 */
export function isKnownMetadataAt(units: CodeUnits, from: number, to: number): boolean {
  if (isMetadataFormat(units, from, to)) return true;
  let start = from;
  while (start + 1 < to && units[start] === 0x30 && isDigit(units[start + 1] as number)) start++;
  return start !== from && isMetadataFormat(units, start, to);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isKnownMetadata(value: string): boolean {
  return isKnownMetadataAt(ownCodeUnits(value), 0, value.length);
}
