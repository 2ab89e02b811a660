import { resolveSiblingPath } from '../resolveSiblingPath';

/**
 * Where the cross-file RAID rules look, mirroring the file-system layout (config-formats.md §0): a dracut
 * config under `<root>/etc` pairs with `<root>/etc/mdadm.conf` (Debian's `<root>/etc/mdadm/mdadm.conf` as the
 * fallback, like mdadm itself), and `<root>/etc/mdadm.conf` with a `<root>/proc/mdstat` snapshot.
 * Pure path arithmetic: the caller reads whichever of these files exist.
 */

/** The folder names from the file upwards: `[file, parent, grandparent, ...]`. */
function segmentsUp(fileName: string): string[] {
  return fileName.split(/[\\/]/).reverse();
}

/** The mdadm.conf candidates for a dracut config, in the order mdadm reads them; empty when not in a conf folder. */
export function dracutSiblingPaths(fileName: string): string[] {
  const [base, parent, ...above] = segmentsUp(fileName);
  let toEtc: string;
  if (parent === 'dracut.conf.d') {
    // dracut's vendor drop-ins live in <root>/usr/lib/dracut/dracut.conf.d; their system is still <root>/etc.
    toEtc = above[0] === 'dracut' && above[1] === 'lib' && above[2] === 'usr' ? '../../../../etc/' : '../';
  } else if (base === 'dracut.conf') toEtc = '';
  else return [];
  return [resolveSiblingPath(fileName, `${toEtc}mdadm.conf`), resolveSiblingPath(fileName, `${toEtc}mdadm/mdadm.conf`)];
}

/** The `/proc/mdstat` snapshot for `<root>/etc/mdadm.conf` or `<root>/etc/mdadm/mdadm.conf`; empty otherwise. */
export function mdadmSiblingPaths(fileName: string): string[] {
  const [base, parent, grandparent] = segmentsUp(fileName);
  if (base !== 'mdadm.conf') return [];
  if (parent === 'etc') return [resolveSiblingPath(fileName, '../proc/mdstat')];
  if (parent === 'mdadm' && grandparent === 'etc') return [resolveSiblingPath(fileName, '../../proc/mdstat')];
  return [];
}

/**
 * Where the RAID guide's `dracut_mdraid.conf` goes for an mdadm.conf: `<etc>/dracut.conf.d/dracut_mdraid.conf`,
 * the drop-in whose {@link dracutSiblingPaths} lead back to that mdadm.conf.
 */
export function dracutMdraidPath(mdadmConfPath: string): string {
  const [, parent, grandparent] = segmentsUp(mdadmConfPath);
  const toEtc = parent === 'mdadm' && grandparent === 'etc' ? '../' : '';
  return resolveSiblingPath(mdadmConfPath, `${toEtc}dracut.conf.d/dracut_mdraid.conf`);
}
