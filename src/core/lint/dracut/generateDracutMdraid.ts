import { parseMdadmConf } from '../mdadm/parseMdadmConf';
import { toNumberedMdName } from '../raid/mdDeviceKey';
import { formatMdadmUuid } from '../raid/mdUuid';

/** The md drivers the RAID guide puts in the initrd. */
const MD_DRIVERS = ['md_mod', 'raid0', 'raid1', 'raid456', 'raid10'];

/** A device path dracut can wait for: `/dev/mdN` for numbered arrays, `/dev/md/NAME` for named ones. */
function devicePath(devname: string): string | undefined {
  if (devname.toLowerCase() === '<ignore>') return undefined;
  if (devname.startsWith('/')) return toNumberedMdName(devname);
  return /^md\d+$/.test(devname) ? `/dev/${devname}` : `/dev/md/${devname}`;
}

/**
 * The RAID guide's `/etc/dracut.conf.d/dracut_mdraid.conf` for the arrays of an mdadm.conf: use that mdadm.conf
 * and fstab, add the mdraid module and md drivers, then `add_device` and `rd.md.uuid` per array, every `+=`
 * value with a space inside both quotes. Arrays without a usable name or UUID are left out of that line only.
 */
export function generateDracutMdraid(mdadmConfText: string): string {
  const arrays = parseMdadmConf(mdadmConfText).arrays;
  const lines = [
    'mdadmconf="yes"',
    'use_fstab="yes"',
    'add_dracutmodules+=" mdraid "',
    `add_drivers+=" ${MD_DRIVERS.join(' ')} "`,
  ];
  const devices = new Set(arrays.flatMap((a) => (a.devname ? [devicePath(a.devname.text)] : [])).filter((d): d is string => d !== undefined));
  for (const device of devices) lines.push(`add_device+=" ${device} "`);
  lines.push('kernel_cmdline+=" rd.auto=1 "', 'kernel_cmdline+=" rd.md=1 "', 'kernel_cmdline+=" rd.md.conf=1 "');
  const uuids = new Set(arrays.flatMap((a) => (a.uuid === undefined ? [] : [formatMdadmUuid(a.uuid)])));
  for (const uuid of uuids) lines.push(`kernel_cmdline+=" rd.md.uuid=${uuid} "`);
  return `${lines.join('\n')}\n`;
}
