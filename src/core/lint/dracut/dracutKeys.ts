/** How dracut reads a config variable (config-formats.md §3.2). */
export type DracutKeyType = 'list' | 'yes-no' | 'enum' | 'int' | 'string';

export interface DracutKey {
  readonly name: string;
  readonly type: DracutKeyType;
  readonly summary: string;
  /** Where the seed's Software RAID guide uses it, when it does. */
  readonly guide?: string;
  /** Values completion offers (enum keys, and common list entries). */
  readonly values?: readonly string[];
  /** List entries are kernel module names, written without `.ko`. */
  readonly modules?: boolean;
}

const list = (name: string, summary: string, extra: Partial<DracutKey> = {}): DracutKey => ({ name, type: 'list', summary, ...extra });
const yesNo = (name: string, summary: string, extra: Partial<DracutKey> = {}): DracutKey => ({ name, type: 'yes-no', summary, ...extra });
const str = (name: string, summary: string): DracutKey => ({ name, type: 'string', summary });

const MD_DRIVERS = ['md_mod', 'raid0', 'raid1', 'raid456', 'raid10'];

export const dracutKeys: readonly DracutKey[] = [
  list('add_dracutmodules', 'dracut modules to add to the default set. Write `+=" name "` with a space inside both quotes: drop-ins are concatenated.', {
    guide: 'The RAID guide adds `mdraid` so the initrd can assemble arrays.',
    values: ['mdraid', 'lvm', 'dm', 'crypt', 'nfs', 'network', 'multipath'],
  }),
  list('force_add_dracutmodules', 'dracut modules to add even when host-only mode would leave them out.', { values: ['mdraid'] }),
  list('omit_dracutmodules', 'dracut modules to leave out.'),
  list('dracutmodules', 'The exact set of dracut modules to use, replacing the default set.'),
  list('add_drivers', 'Kernel modules to add to the initrd, by module name without `.ko`.', {
    guide: 'The RAID guide adds the md drivers: `md_mod raid0 raid1 raid456 raid10`.',
    values: MD_DRIVERS,
    modules: true,
  }),
  list('force_drivers', 'Kernel modules to add and load early (modprobe) in the initrd, without `.ko`.', { values: MD_DRIVERS, modules: true }),
  list('omit_drivers', 'Kernel modules to leave out (regular expressions allowed), without `.ko`.', { modules: true }),
  list('drivers', 'The exact set of kernel modules, replacing the automatic selection, without `.ko`.', { values: MD_DRIVERS, modules: true }),
  list('filesystems', 'Filesystem modules to include, replacing the automatic selection.', { values: ['ext4', 'xfs', 'vfat'] }),
  list('add_dlopen_features', 'Extra dlopen() features of libraries to install.'),
  list('omit_dlopen_features', 'dlopen() features of libraries to leave out.'),
  list('fw_dir', 'Firmware folders, separated by `:`.'),
  list('libdirs', 'Library folders to search.'),
  list('install_items', 'Extra files to copy into the initrd.'),
  list('install_optional_items', 'Extra files to copy into the initrd when they exist.'),
  list('remove_items', 'Files to remove from the initrd.'),
  list('hostonly_nics', 'Network interfaces to configure in host-only mode.'),
  list('add_fstab', 'Extra fstab files to copy into the initrd.'),
  list('add_device', 'Block devices the initrd must set up at boot, such as md arrays (`/dev/md0`).', {
    guide: 'The RAID guide names each array: `add_device+=" /dev/md0 "` and `add_device+=" /dev/md127 "`. Each must be an ARRAY of mdadm.conf.',
  }),
  list('fscks', 'fsck tools to install.'),
  list(
    'kernel_cmdline',
    'Boot parameters stored in the initrd (in `/etc/cmdline.d`), read by the initrd only, not by the kernel itself. For md RAID: `rd.auto=1`, `rd.md=1`, `rd.md.conf=1`, and one `rd.md.uuid=` per array.',
    {
      guide: 'The RAID guide adds `rd.auto=1 rd.md=1 rd.md.conf=1` and `rd.md.uuid=` for every array, with the UUIDs of mdadm.conf.',
      values: ['rd.auto=1', 'rd.md=1', 'rd.md.conf=1', 'rd.md.uuid=', 'rd.md.waitclean=1', 'rd.md.imsm=0', 'rd.md.ddf=0'],
    },
  ),
  yesNo('do_strip', 'Strip binaries in the initrd.'),
  yesNo('aggressive_strip', 'Strip more than debug information.'),
  yesNo('do_hardlink', 'Hard-link identical files in the initrd.'),
  yesNo('hostonly', 'Build an initrd for this host only.'),
  yesNo('hostonly_cmdline', 'Store the kernel command line this host needs in the initrd.'),
  yesNo('use_fstab', 'Use /etc/fstab instead of /proc/self/mountinfo to find the root device.', { guide: 'The RAID guide sets `use_fstab="yes"`.' }),
  yesNo('mdadmconf', 'Copy /etc/mdadm.conf into the initrd so arrays are assembled as described there.', {
    guide: 'The RAID guide sets `mdadmconf="yes"`; needed for `rd.md.conf=1` to have a file to read.',
  }),
  yesNo('lvmconf', 'Copy the LVM configuration into the initrd.'),
  yesNo('nofscks', 'Do not install fsck tools.'),
  yesNo('ro_mnt', 'Mount / and /usr read-only.'),
  yesNo('kernel_only', 'Install only kernel modules and firmware.'),
  yesNo('no_kernel', 'Install no kernel modules.'),
  yesNo('acpi_override', 'Add ACPI tables from acpi_table_dir.'),
  yesNo('early_microcode', 'Prepend CPU microcode to the initrd.'),
  yesNo('show_modules', 'Print the dracut modules while building.'),
  yesNo('i18n_install_all', 'Install every keyboard map and font.'),
  yesNo('reproducible', 'Build a byte-for-byte reproducible image.'),
  yesNo('noimageifnotneeded', 'Build no image when none is needed.'),
  yesNo('uefi', 'Build a UEFI executable.'),
  yesNo('machine_id', 'Use the machine id in the output path.'),
  yesNo('enhanced_cpio', 'Use dracut\'s own cpio for reflinks.'),
  yesNo('parallel', 'Build images for several kernels in parallel.'),
  yesNo('dracut_rescue_image', 'Also build a generic rescue image.'),
  { name: 'hostonly_mode', type: 'enum', summary: 'How strict host-only mode is.', values: ['sloppy', 'strict'] },
  { name: 'compress', type: 'enum', summary: 'The compressor for the initrd, or a command with arguments.', values: ['cat', 'bzip2', 'lzma', 'xz', 'gzip', 'lzop', 'lz4', 'zstd'] },
  { name: 'stdloglvl', type: 'int', summary: 'Log level on the terminal, 0 to 6.' },
  { name: 'sysloglvl', type: 'int', summary: 'Log level to syslog, 0 to 6.' },
  { name: 'fileloglvl', type: 'int', summary: 'Log level to the log file, 0 to 6.' },
  { name: 'persistent_policy', type: 'enum', summary: 'How devices are named in the initrd: a /dev/disk/by-* folder name or `mapper`.', values: ['by-uuid', 'by-label', 'by-partuuid', 'by-partlabel', 'by-id', 'by-path', 'mapper'] },
  str('drivers_dir', 'Where kernel modules are found.'),
  str('prefix', 'Prefix for the files in the initrd.'),
  str('tmpdir', 'Temporary folder for the build.'),
  str('acpi_table_dir', 'Folder of ACPI tables for acpi_override.'),
  str('logfile', 'Log file of the build.'),
  str('sshkey', 'SSH key file for network root.'),
  str('i18n_vars', 'Where the locale settings are read.'),
  str('i18n_default_font', 'The default console font.'),
  str('loginstall', 'Folder where installed files are logged.'),
  str('uefi_stub', 'The UEFI stub to use.'),
  str('uefi_splash_image', 'The UEFI splash image.'),
  str('uefi_secureboot_cert', 'Certificate to sign the UEFI executable with.'),
  str('uefi_secureboot_key', 'Key to sign the UEFI executable with.'),
  str('uefi_secureboot_engine', 'OpenSSL engine for the signing key.'),
  str('kernel_image', 'The kernel image for a UEFI executable.'),
  str('sbat', 'SBAT metadata for a UEFI executable.'),
  str('initrdname', 'The file name of the initrd.'),
  str('squash_compress', 'The compressor for the squash module.'),
];

const byName = new Map(dracutKeys.map((key) => [key.name, key]));

/** The keys' names in table order, kept so misspelling suggestions are remembered per table. */
export const dracutKeyNames: readonly string[] = dracutKeys.map((key) => key.name);

export function findDracutKey(name: string): DracutKey | undefined {
  return byName.get(name);
}
