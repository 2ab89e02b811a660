import type { MdstatArray } from '../../lint/raid/parseMdstat';
import type { ConfirmQuestion } from '../confirm';
import type { Argv } from '../runbook/runbook';
import { isDevicePath } from './restoreFromBackup';
import { wipeDriveArgv } from './raidCommands';

export interface CreateArraySpec {
  /** `/dev/md0`. */
  readonly device: string;
  /** 0, 1, 5, 6 or 10. */
  readonly level: number;
  readonly members: readonly string[];
}

/** Fewest members mdadm accepts per level without `--force`. */
const MIN_MEMBERS: Readonly<Record<number, number>> = { 0: 2, 1: 2, 5: 3, 6: 4, 10: 2 };

export type CreateArrayPlan = { readonly kind: 'refuse'; readonly reason: string } | { readonly kind: 'ok'; readonly argv: Argv; readonly question: ConfirmQuestion };

/** `sda` and `sda1`, `nvme0n1` and `nvme0n1p2`: a drive and its partitions overlap. */
function sameDrive(a: string, b: string): boolean {
  const partitionOf = (part: string, disk: string): boolean => part.startsWith(disk) && /^p?\d+$/.test(part.slice(disk.length));
  return a === b || partitionOf(a, b) || partitionOf(b, a);
}

/**
 * The guide's `mdadm --create` (internal bitmap, assume-clean, metadata 1.2 near the start of each drive),
 * checked against what /proc/mdstat shows: a free md name, drives not in use by another array, enough of
 * them for the level. The question names every drive whose contents are destroyed.
 */
export function planCreateArray(spec: CreateArraySpec, arrays: readonly MdstatArray[]): CreateArrayPlan {
  const name = /^\/dev\/(md\d+)$/.exec(spec.device)?.[1];
  if (!name) return { kind: 'refuse', reason: `${spec.device} is not an md device name like /dev/md0.` };
  if (arrays.some((a) => a.name === name)) return { kind: 'refuse', reason: `${spec.device} already exists.` };
  const min = MIN_MEMBERS[spec.level];
  if (min === undefined) return { kind: 'refuse', reason: `RAID level ${spec.level} is not one the guide covers (0, 1, 5, 6, 10).` };
  const bad = spec.members.filter((m) => !isDevicePath(m));
  if (bad.length > 0) return { kind: 'refuse', reason: `Not device paths: ${bad.join(', ')}.` };
  if (new Set(spec.members).size !== spec.members.length) return { kind: 'refuse', reason: 'A drive is listed twice.' };
  if (spec.members.length < min) return { kind: 'refuse', reason: `RAID ${spec.level} needs at least ${min} drives; ${spec.members.length} given.` };
  for (const member of spec.members) {
    const base = member.replace(/^\/dev\//, '');
    const owner = arrays.find((a) => a.members.some((m) => sameDrive(m, base)));
    if (owner) return { kind: 'refuse', reason: `${member} is in use by ${owner.name} (${owner.members.join(', ')}).` };
  }
  const argv: Argv = [
    'mdadm', '--create', spec.device, '--run', `--level=${spec.level}`, '--bitmap=internal', '--assume-clean',
    `--raid-devices=${spec.members.length}`, '--metadata=1.2', ...spec.members,
  ];
  return {
    kind: 'ok',
    argv,
    question: {
      message: `Create ${spec.device} (RAID ${spec.level}) and overwrite ${spec.members.join(', ')}?`,
      detail:
        `Everything on these drives is lost: ${spec.members.join(', ')}.\n\n` +
        '--assume-clean skips the initial sync, which is only right for drives that were wiped (zeroed) first. ' +
        `The extension never wipes drives; the guide's way, run by you on the host:\n${spec.members.map((m) => wipeDriveArgv(m).join(' ')).join('\n')}`,
      action: 'Overwrite and Create',
    },
  };
}
