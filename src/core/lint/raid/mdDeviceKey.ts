/**
 * The part of an md device name that identifies the array, the way mdadm's `devname_matches` compares names:
 * `/dev/md/` or `/dev/` is dropped, then `md` before a digit, so `/dev/md0`, `/dev/md/0`, `md0` and `0` are
 * all `0`. Used wherever a name from one place (mdstat, add_device) is looked up among ARRAY devnames.
 */
export function mdDeviceKey(name: string): string {
  return name.slice(mdDeviceKeyStart(name, 0, name.length));
}

/** Where the key of {@link mdDeviceKey} starts in `text.slice(from, to)`, for callers that compare in place. */
export function mdDeviceKeyStart(text: string, from: number, to: number): number {
  let start = from;
  if (to - start >= 8 && text.startsWith('/dev/md/', start)) start += 8;
  else if (to - start >= 5 && text.startsWith('/dev/', start)) start += 5;
  const third = start + 2 < to ? text.charCodeAt(start + 2) : NaN;
  if (third >= 48 && third <= 57 && text.startsWith('md', start)) start += 2;
  return start;
}

/** `/dev/md/N` written the guide's way, `/dev/mdN`; any other name is returned unchanged. */
export function toNumberedMdName(devname: string): string {
  const match = /^\/dev\/md\/(\d+)$/.exec(devname);
  return match ? `/dev/md${match[1] as string}` : devname;
}
