/**
 * Which files belong to which config language. This table is the single source for {@link detectLanguage}
 * (used by the CLI and the lint controller) and must equal `contributes.languages` in package.json, which a
 * unit test checks, so the editor and the CLI always agree.
 */
export interface LanguageAssociation {
  readonly languageId: string;
  /** Exact base names (VS Code `filenames`). */
  readonly filenames?: readonly string[];
  /** VS Code `filenamePatterns`: with a `/` matched against the whole path, otherwise against the base name. */
  readonly filenamePatterns?: readonly string[];
  /** With the leading dot (VS Code `extensions`). */
  readonly extensions?: readonly string[];
  /** VS Code `firstLine` regex, consulted only for files that nothing else claims. */
  readonly firstLine?: string;
  /**
   * Paths a pattern above catches that are not this language. VS Code globs cannot exclude, so the editor
   * still colours these; the linter skips them.
   */
  readonly excludedPatterns?: readonly string[];
  /** Contributed by another extension (VS Code's own PowerShell): not declared in our package.json. */
  readonly builtIn?: boolean;
}

export const languageAssociations: readonly LanguageAssociation[] = [
  {
    languageId: 'xen-xl',
    filenamePatterns: ['**/etc/xen/**'],
    extensions: ['.xl', '.xlcfg'],
    firstLine: '^\\s*(name|type|builder)\\s*=',
    // /etc/xen also holds the toolstack's own settings, hotplug shell scripts and xend leftovers.
    excludedPatterns: [
      '**/etc/xen/xl.conf',
      '**/etc/xen/cpupool',
      '**/etc/xen/oxenstored.conf',
      '**/etc/xen/xenapiusers',
      '**/etc/xen/README*',
      '**/etc/xen/*.sxp',
      '**/etc/xen/scripts/**',
    ],
  },
  { languageId: 'vmx', extensions: ['.vmx'] },
  { languageId: 'modprobe', filenames: ['modprobe.conf'], filenamePatterns: ['**/modprobe.d/*'] },
  {
    languageId: 'mdadm-conf',
    filenamePatterns: ['**/mdadm.conf', '**/mdadm/mdadm.conf', '**/mdadm.conf.d/*.conf'],
  },
  { languageId: 'dracut-conf', filenamePatterns: ['**/dracut.conf', '**/dracut.conf.d/*.conf'] },
  { languageId: 'powershell', extensions: ['.ps1'], builtIn: true },
];
