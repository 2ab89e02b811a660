import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dom0State } from '../state/simState';
import type { SimPaths } from '../state/simPaths';
import { renderMdstat } from './mdRender';

/**
 * Files of the simulated host that mirror its state. They are rewritten in place (not renamed) because
 * /proc/mdstat is a bind mount of one file inside the server's namespace: a rename would detach it.
 */
export function writeInPlace(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o644 });
}

export function grubConfig(dom0: Dom0State): string {
  return [
    'serial --unit=0 --speed=115200',
    'terminal_input serial console',
    'terminal_output serial console',
    'set default=0',
    'set timeout=5',
    "menuentry 'XCP-ng' {",
    '\tsearch --label --set root root-vgdorj',
    `\tmultiboot2 /boot/xen.gz ${dom0.xenCmdline}`,
    `\tmodule2 /boot/vmlinuz-${dom0.kernel.replace(/\.0\+\d+$/, '')}-xen ${dom0.dom0Cmdline}`,
    `\tmodule2 /boot/initrd-${dom0.kernel.replace(/\.0\+\d+$/, '')}-xen.img`,
    '}',
    '',
  ].join('\n');
}

/** Rewrites the files derived from dom0 state: /proc/mdstat and the bootloader config xen-cmdline edits. */
export function syncHostFiles(paths: SimPaths, dom0: Dom0State): void {
  writeInPlace(path.join(paths.root, 'proc', 'mdstat'), renderMdstat(dom0.md));
  writeInPlace(path.join(paths.root, 'boot', 'grub', 'grub.cfg'), grubConfig(dom0));
}
