import { isSaveLeftover } from './backupName';

/** The dom0 config files the linters know, as the RAID and nested guides name them. */
export const dom0ConfigFolders = [
  // dracut reads only *.conf from its drop-in folder.
  { folder: '/etc/dracut.conf.d', accepts: (name: string) => name.endsWith('.conf') },
  // modprobe.d: every file is offered (kmod reads *.conf; a misnamed file is worth seeing too).
  { folder: '/etc/modprobe.d', accepts: () => true },
] as const;

export const dom0ConfigFile = '/etc/mdadm.conf';

/** The files of a listed folder to offer, sorted, without this extension's backups and temporary files. */
export function offeredConfigFiles(folder: string, names: readonly string[], accepts: (name: string) => boolean): string[] {
  return names
    .filter((name) => accepts(name) && !isSaveLeftover(name))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => `${folder}/${name}`);
}

/** Why a typed path cannot be opened, or undefined when it can. */
export function checkDom0Path(path: string): string | undefined {
  if (!path.startsWith('/')) return 'Give an absolute path, such as /etc/mdadm.conf.';
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return 'Give the path without . or .. segments.';
  if (path.endsWith('/')) return 'Give the path of a file, not a folder.';
  return undefined;
}
