import type { MdstatArray } from '../../lint/raid/parseMdstat';

export type MdHealthKind = 'ok' | 'degraded' | 'inactive';

export interface MdHealth {
  readonly kind: MdHealthKind;
  /** One line for the tree: `in sync [UUU]`, `degraded [UU_]: sde failed`, `recovery 8.5%, 82.3min left`. */
  readonly summary: string;
}

function progressText(array: MdstatArray): string | undefined {
  const p = array.progress;
  if (!p) return undefined;
  if (p.waiting !== undefined) return `${p.action} ${p.waiting.toLowerCase()}`;
  return `${p.action} ${String(p.percent)}%${p.finish ? `, ${p.finish} left` : ''}`;
}

/**
 * What the guide looks for in /proc/mdstat: an inactive array (assembled, not started), a missing or failed
 * member (`[3/2] [UU_]`, `(F)`), and a resync or recovery under way.
 */
export function mdArrayHealth(array: MdstatArray): MdHealth {
  const progress = progressText(array);
  if (!array.active) return { kind: 'inactive', summary: `inactive: assembled from ${array.members.join(', ') || 'no members'} but not started` };
  const failed = array.devices.filter((d) => d.faulty).map((d) => d.name);
  const missing = array.raidDevices !== undefined && array.workingDevices !== undefined && array.workingDevices < array.raidDevices;
  const slots = array.slots ? ` [${array.slots}]` : '';
  if (missing || failed.length > 0 || array.slots?.includes('_')) {
    const why = [failed.length > 0 ? `${failed.join(', ')} failed` : undefined, progress].filter(Boolean).join('; ');
    return { kind: 'degraded', summary: `degraded${slots}${why ? `: ${why}` : ''}` };
  }
  return { kind: 'ok', summary: progress ? `active${slots}, ${progress}` : array.slots ? `in sync${slots}` : 'active' };
}
