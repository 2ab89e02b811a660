import type { MdstatArray } from '../../lint/raid/parseMdstat';
import { quoteArgv } from '../../ssh/quoteArgv';
import { srCreateExt } from '../../xe/srCommands';
import type { XeCommand } from '../../xe/xeCommand';
import type { ConfirmQuestion } from '../confirm';
import { mdArrayHealth } from './mdArrayHealth';

export type SrCreatePlan =
  | { readonly kind: 'refuse'; readonly reason: string }
  | { readonly kind: 'ok'; readonly device: string; readonly command: XeCommand<string>; readonly question: ConfirmQuestion };

/** Why a name-label cannot be used, or undefined: xe carries no newline (xe-cli.md §1); anything else is data. */
export function srNameProblem(nameLabel: string): string | undefined {
  if (nameLabel.trim() === '') return 'The SR needs a name.';
  if (/[\n\r\0]/.test(nameLabel)) return 'The name cannot contain a line break: xe would split it into two arguments.';
  return undefined;
}

/**
 * The guide's `xe sr-create` of a local ext SR on an md array of the master, checked against /proc/mdstat: the
 * array exists and is healthy (an SR on a degraded or inactive array starts its life at risk). The question
 * names the md device and every member drive, since the SM driver wipes the array's start to make its LVM.
 */
export function planSrCreate(hostUuid: string, arrayName: string, nameLabel: string, arrays: readonly MdstatArray[]): SrCreatePlan {
  const array = arrays.find((a) => a.name === arrayName);
  const device = `/dev/${arrayName}`;
  if (!array) return { kind: 'refuse', reason: `${device} is not in /proc/mdstat.` };
  const health = mdArrayHealth(array);
  if (health.kind !== 'ok') return { kind: 'refuse', reason: `${device} is ${health.summary}; create an SR on a healthy array only.` };
  const problem = srNameProblem(nameLabel);
  if (problem) return { kind: 'refuse', reason: problem };
  const command = srCreateExt(hostUuid, nameLabel, device);
  const drives = array.members.map((m) => `/dev/${m}`);
  return {
    kind: 'ok',
    device,
    command,
    question: {
      message: `Format ${device} (${drives.join(', ')}) as the storage repository "${nameLabel}"?`,
      detail:
        `Everything on ${device} is lost, and so everything on its drives ${drives.join(', ')}: ` +
        `the ext driver writes a new LVM volume group and file system over the array.\n\nCommand:\n${quoteArgv(command.argv)}`,
      action: 'Erase and Create SR',
    },
  };
}
