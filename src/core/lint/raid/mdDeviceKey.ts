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

const SLASH = 0x2f;
const D = 0x64;
const E = 0x65;
const V = 0x76;
const M = 0x6d;

/** Where the key of {@link mdDeviceKey} starts in `units[from..to)`, for callers that compare in place. */
export function mdDeviceKeyStart(units: CodeUnits, from: number, to: number): number {
  let start = from;
  // Character by character: this runs for every ARRAY line of a large file.
  if (to - start >= 5 && units[start] === SLASH && units[start + 1] === D && units[start + 2] === E && units[start + 3] === V && units[start + 4] === SLASH) {
    start += to - start >= 8 && units[start + 5] === M && units[start + 6] === D && units[start + 7] === SLASH ? 8 : 5;
  }
  const third = start + 2 < to ? (units[start + 2] as number) : NaN;
  if (third >= 48 && third <= 57 && units[start] === M && units[start + 1] === D) start += 2;
  return start;
}

/** `/dev/md/N` written the guide's way, `/dev/mdN`; any other name is returned unchanged. */
export function toNumberedMdName(devname: string): string {
  const match = /^\/dev\/md\/(\d+)$/.exec(devname);
  return match ? `/dev/md${match[1] as string}` : devname;
}
