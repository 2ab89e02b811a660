/** md RAID parameters of the initrd command line (dracut.cmdline(7)), for hover and completion. */
export const kernelCmdlineTokens: ReadonlyMap<string, string> = new Map([
  ['rd.auto', '`rd.auto=1`: let the initrd assemble RAID, LVM and encrypted devices it finds on its own. The RAID guide sets it.'],
  ['rd.md', '`rd.md=1` enables md RAID assembly in the initrd (`rd.md=0` disables it). The RAID guide sets it.'],
  ['rd.md.conf', '`rd.md.conf=1` makes the initrd use the mdadm.conf copied in by `mdadmconf="yes"`. The RAID guide sets it.'],
  [
    'rd.md.uuid',
    '`rd.md.uuid=<uuid>` assembles the array with this UUID; repeat it for each array. Once one is given, **only** the listed arrays are assembled. It must be the lower-case UUID of the ARRAY line in mdadm.conf.',
  ],
  ['rd.md.waitclean', '`rd.md.waitclean=1` waits for resync or recovery to finish before continuing the boot.'],
  ['rd.md.imsm', '`rd.md.imsm=0` leaves Intel Matrix (IMSM) arrays to dmraid instead of mdadm.'],
  ['rd.md.ddf', '`rd.md.ddf=0` leaves DDF arrays to dmraid instead of mdadm.'],
  ['rd_NO_MD', 'Old spelling of `rd.md=0`.'],
  ['rd_MD_UUID', 'Old spelling of `rd.md.uuid=`.'],
  ['rd_NO_MDADMCONF', 'Old spelling of `rd.md.conf=0`.'],
]);
