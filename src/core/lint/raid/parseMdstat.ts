/** One member as the array line lists it: `sdb1[1](F)`. */
export interface MdstatMember {
  readonly name: string;
  /** The slot number in brackets. */
  readonly role: number;
  /** `(F)`: failed, kicked out of its slot. */
  readonly faulty: boolean;
  /** `(S)`: a spare (every member of an inactive array is listed as one). */
  readonly spare: boolean;
}

/** A resync, recovery, check, repair or reshape line: `[=>...]  recovery =  8.5% (…) finish=82.3min speed=…`. */
export interface MdstatProgress {
  readonly action: string;
  /** Percent done; undefined for `resync=DELAYED` / `PENDING`. */
  readonly percent?: number;
  /** `DELAYED`, `PENDING`: queued behind another array on the same drives. */
  readonly waiting?: string;
  /** As the kernel prints it: `82.3min`. */
  readonly finish?: string;
  readonly speed?: string;
}

/** One array of a `/proc/mdstat` snapshot: `md0 : active raid5 sde[2] sdd[1] sdc[0]`. */
export interface MdstatArray {
  /** Kernel name without `/dev/`, e.g. `md0`. */
  readonly name: string;
  /** Member device names without `/dev/`, role and flags, in the order listed. */
  readonly members: readonly string[];
  /** The same members with their slot and flags. */
  readonly devices: readonly MdstatMember[];
  /** False for `inactive` (assembled but not started: the state the RAID guide warns about after a reboot). */
  readonly active: boolean;
  /** `(read-only)` / `(auto-read-only)` after `active`. */
  readonly readOnly?: string;
  /** `raid1`, `raid5`, `linear`...; absent on inactive arrays, whose line names no personality. */
  readonly level?: string;
  /** Size in 1 KiB blocks. */
  readonly blocks?: number;
  /** `[3/2]`: slots, and working members. Absent for levels without redundancy (raid0, linear). */
  readonly raidDevices?: number;
  readonly workingDevices?: number;
  /** `[UU_]`: one letter per slot, `U` in sync and `_` missing or rebuilding. */
  readonly slots?: string;
  readonly progress?: MdstatProgress;
}

const ARRAY_LINE = /^(md\S*)\s*:\s*(.*)$/;
/** `sde[2]`, `sdb1[1](F)`, `nvme0n1p3[0](S)`: a member is the only kind of word carrying `[role]`. */
const MEMBER = /^([^\s[\]()]+)\[(\d+)\]((?:\([A-Za-z]+\))*)$/;
const STATUS = /\[(\d+)\/(\d+)\]\s+\[([U_]+)\]/;
const BLOCKS = /^(\d+) blocks\b/;
const PROGRESS = /\b(resync|recovery|check|repair|reshape)\s*=\s*([\d.]+)%(?:.*?\bfinish=(\S+))?(?:.*?\bspeed=(\S+))?/;
const WAITING = /\b(resync|recovery|check|repair|reshape)\s*=\s*(DELAYED|PENDING)\b/;

/**
 * Reads the arrays, their members, level, `[n/m] [UU_]` status and any running or queued resync. Lines it does
 * not recognise (Personalities, bitmap, unused devices) are skipped; detail lines belong to the array above.
 */
export function parseMdstat(text: string): MdstatArray[] {
  const arrays: { -readonly [K in keyof MdstatArray]: MdstatArray[K] }[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const match = ARRAY_LINE.exec(line);
    if (match) {
      const devices: MdstatMember[] = [];
      const words = (match[2] as string).split(/\s+/);
      const active = words[0] === 'active';
      let readOnly: string | undefined;
      let level: string | undefined;
      for (const word of words.slice(1)) {
        const member = MEMBER.exec(word);
        if (member) {
          const flags = member[3] as string;
          devices.push({ name: member[1] as string, role: Number(member[2]), faulty: flags.includes('(F)'), spare: flags.includes('(S)') });
        } else if (/^\(.*\)$/.test(word)) readOnly = word.slice(1, -1);
        else if (active && level === undefined && word !== '') level = word;
      }
      arrays.push({ name: match[1] as string, members: devices.map((d) => d.name), devices, active, readOnly, level });
      continue;
    }
    const current = arrays[arrays.length - 1];
    if (!current || line === '' || !/^\s/.test(rawLine)) continue;
    const blocks = BLOCKS.exec(line);
    if (blocks) current.blocks = Number(blocks[1]);
    const status = STATUS.exec(line);
    if (status) {
      current.raidDevices = Number(status[1]);
      current.workingDevices = Number(status[2]);
      current.slots = status[3];
    }
    const progress = PROGRESS.exec(line);
    if (progress) current.progress = { action: progress[1] as string, percent: Number(progress[2]), finish: progress[3], speed: progress[4] };
    const waiting = WAITING.exec(line);
    if (waiting && !current.progress) current.progress = { action: waiting[1] as string, waiting: waiting[2] };
  }
  return arrays;
}
