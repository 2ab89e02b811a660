/** Words with a fixed meaning on DEVICE and AUTO lines, for hover and completion. */
export const mdadmDeviceWords: ReadonlyMap<string, string> = new Map([
  ['partitions', 'Every device listed in /proc/partitions. With this word, DEVICE no longer limits anything.'],
  ['containers', 'Every running container array (DDF or IMSM), so their member arrays can be found.'],
]);

export const mdadmAutoWords: ReadonlyMap<string, string> = new Map([
  ['+all', 'Allow automatic assembly of every metadata format not named before. The guide\'s choice.'],
  ['-all', 'Refuse automatic assembly of every metadata format not named before.'],
  ['yes', 'Same as +all.'],
  ['no', 'Same as -all (or homehost-only after `homehost`).'],
  ['homehost', 'Arrays that belong to this host may be assembled; a later `-format` then means "only when home".'],
  ['+1.x', 'Allow 1.0, 1.1 and 1.2 metadata (the guide\'s arrays).'],
  ['+0.90', 'Allow 0.90 metadata.'],
  ['+ddf', 'Allow DDF containers.'],
  ['+imsm', 'Allow Intel Matrix (IMSM) containers.'],
]);
