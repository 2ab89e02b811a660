/**
 * The part of an md device name that identifies the array, the way mdadm's `devname_matches` compares names:
 * `/dev/md/` or `/dev/` is dropped, then `md` before a digit, so `/dev/md0`, `/dev/md/0`, `md0` and `0` are
 * all `0`. Used wherever a name from one place (mdstat, add_device) is looked up among ARRAY devnames.
 */
export function mdDeviceKey(name: string): string {
  let rest = name;
  if (rest.startsWith('/dev/md/')) rest = rest.slice('/dev/md/'.length);
  else if (rest.startsWith('/dev/')) rest = rest.slice('/dev/'.length);
  const third = rest.charCodeAt(2);
  if (rest.startsWith('md') && third >= 48 && third <= 57) rest = rest.slice(2);
  return rest;
}

/** `/dev/md/N` written the guide's way, `/dev/mdN`; any other name is returned unchanged. */
export function toNumberedMdName(devname: string): string {
  const match = /^\/dev\/md\/(\d+)$/.exec(devname);
  return match ? `/dev/md${match[1] as string}` : devname;
}
