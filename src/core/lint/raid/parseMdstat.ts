/** One array of a `/proc/mdstat` snapshot: `md0 : active raid5 sde[2] sdd[1] sdc[0]`. */
export interface MdstatArray {
  /** Kernel name without `/dev/`, e.g. `md0`. */
  readonly name: string;
  /** Member device names without `/dev/`, role and flags, in the order listed. */
  readonly members: readonly string[];
}

const ARRAY_LINE = /^(md\S*)\s*:\s*(.*)$/;
/** `sde[2]`, `sdb1[1](F)`, `nvme0n1p3[0](S)`: a member is the only kind of word carrying `[role]`. */
const MEMBER = /^([^\s[\]()]+)\[\d+\](?:\([A-Za-z]+\))*$/;

/** Reads the arrays and their members; lines it does not recognise (Personalities, bitmap, resync) are skipped. */
export function parseMdstat(text: string): MdstatArray[] {
  const arrays: MdstatArray[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const match = ARRAY_LINE.exec(rawLine.trim());
    if (!match) continue;
    const members: string[] = [];
    for (const word of (match[2] as string).split(/\s+/)) {
      const member = MEMBER.exec(word);
      if (member) members.push(member[1] as string);
    }
    arrays.push({ name: match[1] as string, members });
  }
  return arrays;
}
