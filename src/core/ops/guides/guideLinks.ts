/**
 * Where the guides and the rest of the extension point at each other, as data: config files to the guide
 * section they belong to, and the host actions a guide can start from a marker line.
 */

/** A config file's language (as the linter knows it) to a section of a Markdown guide in media/guides. */
export interface ConfigGuideSection {
  readonly languageId: string;
  readonly guide: string;
  /** The heading's text, without the #s. */
  readonly heading: string;
  /** When set, only files whose text matches get the link (a .ps1 is not always about Hyper-V). */
  readonly when?: RegExp;
}

/** One entry per config language. */
export const CONFIG_GUIDE_SECTIONS: readonly ConfigGuideSection[] = [
  { languageId: 'xen-xl', guide: 'nested-xcpng.md', heading: 'Under Xen (xl)' },
  { languageId: 'vmx', guide: 'nested-xcpng.md', heading: 'Under VMware (ESXi, Workstation)' },
  { languageId: 'powershell', guide: 'nested-xcpng.md', heading: 'Under Hyper-V', when: /\b(Set-VMProcessor|New-VM|Set-VMNetworkAdapter|Set-VMMemory)\b/i },
  { languageId: 'modprobe', guide: 'nested-xcpng.md', heading: 'Running the lab in KVM on your own machine' },
  { languageId: 'mdadm-conf', guide: 'software-raid.md', heading: '3. /etc/mdadm.conf' },
  { languageId: 'dracut-conf', guide: 'software-raid.md', heading: '4. /etc/dracut.conf.d/dracut_mdraid.conf' },
];

export function configGuideSection(languageId: string, text: string): ConfigGuideSection | undefined {
  return CONFIG_GUIDE_SECTIONS.find((s) => s.languageId === languageId && (!s.when || s.when.test(text)));
}

/** The 0-based line of the heading (any level) whose text is `heading`, or -1. */
export function findHeadingLine(markdown: string, heading: string): number {
  return markdown.split(/\r?\n/).findIndex((line) => /^#{1,6}\s/.test(line) && line.replace(/^#{1,6}\s+/, '').replace(/\s+#*\s*$/, '') === heading);
}

/** Host actions a guide may start, with the lens title: the tree's own flows, never a raw command. */
export const GUIDE_HOST_ACTIONS: Readonly<Record<string, string>> = {
  'xcpng.host.enterMaintenance': 'Enter Maintenance Mode on a Host...',
  'xcpng.host.exitMaintenance': 'Exit Maintenance Mode on a Host...',
  'xcpng.host.reboot': 'Reboot a Host Safely...',
  'xcpng.host.shutdown': 'Shut Down a Host Safely...',
};

/** `<!-- xcpng:action <command> -->` lines naming one of {@link GUIDE_HOST_ACTIONS}. */
export function findActionMarkers(markdown: string): { readonly line: number; readonly command: string }[] {
  const found: { line: number; command: string }[] = [];
  markdown.split(/\r?\n/).forEach((text, line) => {
    const command = /^<!--\s*xcpng:action\s+(\S+)\s*-->\s*$/.exec(text.trim())?.[1];
    if (command && Object.prototype.hasOwnProperty.call(GUIDE_HOST_ACTIONS, command)) found.push({ line, command });
  });
  return found;
}
