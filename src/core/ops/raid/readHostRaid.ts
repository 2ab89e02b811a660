import { parseMdstat, type MdstatArray } from '../../lint/raid/parseMdstat';
import type { RemoteExec } from '../../ssh/remoteExec';
import { MDSTAT } from './raidCommands';
import { readHostFile } from './readHostFile';

/** /proc/mdstat of the host the connection reaches, as read at one moment. */
export interface HostRaid {
  readonly text: string;
  readonly arrays: readonly MdstatArray[];
  readonly at: Date;
}

/** One `cat /proc/mdstat`. A dom0 without the md driver has no such file: that is "no arrays", not an error. */
export async function readHostRaid(exec: RemoteExec, signal?: AbortSignal): Promise<HostRaid> {
  const text = (await readHostFile(exec, MDSTAT, signal)) ?? '';
  return { text, arrays: parseMdstat(text), at: new Date() };
}
