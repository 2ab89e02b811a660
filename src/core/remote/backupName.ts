/**
 * The name of the copy kept before a save: `<name>.xcpng-backup-<UTC time>`. The suffix does not end in
 * `.conf`, so dracut (`dracut.conf.d/*.conf`) and modprobe (`modprobe.d/*.conf`) never read a backup.
 */
export function backupName(path: string, when: Date, attempt = 0): string {
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `${path}.xcpng-backup-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}`;
}

/** The temporary file written next to the target and renamed over it: hidden, and not a `.conf`. */
export function temporaryName(path: string, random: string): string {
  const cut = path.lastIndexOf('/');
  return `${path.slice(0, cut + 1)}.${path.slice(cut + 1)}.xcpng-tmp-${random}`;
}

/** Files this extension leaves next to the ones it saves, hidden from the pickers. */
export function isSaveLeftover(name: string): boolean {
  return /\.xcpng-(backup-[0-9TZ-]+|tmp-[0-9a-f]+)$/.test(name);
}
