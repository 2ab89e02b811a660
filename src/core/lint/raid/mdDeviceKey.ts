import type { CodeUnits } from '../codeUnits';
import { ownCodeUnits } from '../ownCodeUnits';

/**
 * The part of an md device name that identifies the array, the way mdadm's `devname_matches` compares names:
 * `/dev/md/` or `/dev/` is dropped, then `md` before a digit, so `/dev/md0`, `/dev/md/0`, `md0` and `0` are
 * all `0`. Used wherever a name from one place (mdstat, add_device) is looked up among ARRAY devnames.
 */
export function mdDeviceKey(name: string): string {
  return name.slice(mdDeviceKeyStart(ownCodeUnits(name), 0, name.length));
}

/** Whether `units[at..to)` starts with `prefix` (ASCII, exact case). */
function startsWithAt(units: CodeUnits, at: number, to: number, prefix: string): boolean {
  if (to - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (units[at + i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/** Where the key of {@link mdDeviceKey} starts in `units[from..to)`, for callers that compare in place. */
export function mdDeviceKeyStart(units: CodeUnits, from: number, to: number): number {
  let start = from;
  if (startsWithAt(units, start, to, '/dev/md/')) start += 8;
  else if (startsWithAt(units, start, to, '/dev/')) start += 5;
  const third = start + 2 < to ? (units[start + 2] as number) : NaN;
  if (third >= 48 && third <= 57 && units[start] === 0x6d && units[start + 1] === 0x64) start += 2;
  return start;
}

/** `/dev/md/N` written the guide's way, `/dev/mdN`; any other name is returned unchanged. */
export function toNumberedMdName(devname: string): string {
  const match = /^\/dev\/md\/(\d+)$/.exec(devname);
  return match ? `/dev/md${match[1] as string}` : devname;
}
