import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostPath } from '../state/simPaths';
import { dom0Of } from './dom0Of';
import { writeInPlace } from './hostFiles';
import { fail, ok, type ToolEnv, type ToolResult } from './toolResult';

/** Modules a stock XCP-ng dom0 initrd carries; the drop-ins add to them. */
const BASE_MODULES = ['bash', 'nss-softokn', 'i18n', 'network', 'ifcfg', 'lvm', 'dm', 'kernel-modules', 'resume', 'rootfs-block', 'terminfo', 'udev-rules', 'biosdevname', 'systemd', 'usrmount', 'base', 'fs-lib', 'shutdown'];

interface DracutConf {
  add_dracutmodules: string;
  add_drivers: string;
  kernel_cmdline: string;
  mdadmconf: string;
  add_device: string;
}

/**
 * dracut sources its config files with bash, so the simulator does too: a quoting or spacing mistake in
 * a drop-in behaves here as it would on the host.
 */
function sourceConfig(confFiles: string[]): DracutConf | string {
  const script = 'for f in "$@"; do . "$f" || exit 3; done; printf "%s\\0" "$add_dracutmodules" "$add_drivers" "$kernel_cmdline" "$mdadmconf" "$add_device"';
  const r = spawnSync('/bin/bash', ['-c', script, 'dracut', ...confFiles], { encoding: 'utf8' });
  if (r.status !== 0) return r.stderr || 'dracut: failed to source the configuration\n';
  const [mods = '', drivers = '', cmdline = '', mdadmconf = '', devices = ''] = r.stdout.split('\0');
  return { add_dracutmodules: mods, add_drivers: drivers, kernel_cmdline: cmdline, mdadmconf, add_device: devices };
}

function list(value: string): string[] {
  return value.split(/\s+/).filter((w) => w !== '');
}

/**
 * `dracut [-f|--force] [-M|--show-modules] [image [kernel-version]]`: reads /etc/dracut.conf and
 * /etc/dracut.conf.d/*.conf of the simulated host and writes a text stand-in of the initrd under its /boot.
 */
export function dracutTool(env: ToolEnv, args: readonly string[]): ToolResult {
  let force = false;
  let showModules = false;
  let kver: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-f' || a === '--force') force = true;
    else if (a === '-M' || a === '--show-modules') showModules = true;
    else if (a === '--kver') kver = args[++i];
    else if (a === '-v' || a === '--verbose' || a === '-q' || a === '--quiet') continue;
    else if (a.startsWith('-')) return fail(`dracut: the lab simulator does not model option ${a}\n`);
    else positional.push(a);
  }
  const state = env.store.read();
  const kernel = positional[1] ?? kver ?? dom0Of(state).dom0.kernel;
  const image = positional[0] ?? `/boot/initramfs-${kernel}.img`;
  const imageFile = hostPath(env.paths, path.isAbsolute(image) ? image : path.resolve(image));
  if (fs.existsSync(imageFile) && !force) return fail(`dracut: Will not override existing initramfs (${image}) without --force\n`);
  const etc = path.join(env.paths.root, 'etc');
  const dropInDir = path.join(etc, 'dracut.conf.d');
  const confFiles = [path.join(etc, 'dracut.conf'), ...(fs.existsSync(dropInDir) ? fs.readdirSync(dropInDir).filter((f) => f.endsWith('.conf')).sort().map((f) => path.join(dropInDir, f)) : [])].filter((f) => fs.existsSync(f));
  const conf = sourceConfig(confFiles);
  if (typeof conf === 'string') return fail(conf);
  const modules = [...BASE_MODULES];
  for (const m of list(conf.add_dracutmodules)) if (!modules.includes(m)) modules.push(m);
  const mdadmConfFile = path.join(etc, 'mdadm.conf');
  const includeMdadm = conf.mdadmconf === 'yes' && fs.existsSync(mdadmConfFile);
  const manifest = [
    '# lab simulator stand-in for an initramfs image',
    `kernel: ${kernel}`,
    `modules: ${modules.join(' ')}`,
    `drivers: ${list(conf.add_drivers).join(' ')}`,
    `devices: ${list(conf.add_device).join(' ')}`,
    `kernel_cmdline: ${list(conf.kernel_cmdline).join(' ')}`,
    `etc/mdadm.conf: ${includeMdadm ? 'included' : 'not included'}`,
    ...(includeMdadm ? fs.readFileSync(mdadmConfFile, 'utf8').split('\n').map((l) => `| ${l}`) : []),
    '',
  ].join('\n');
  writeInPlace(imageFile, manifest);
  env.store.mutate((s) => {
    dom0Of(s).dom0.lastDracut = {
      image,
      kernel,
      modules,
      drivers: list(conf.add_drivers),
      kernelCmdline: list(conf.kernel_cmdline).join(' '),
      mdadmConf: includeMdadm,
      devices: list(conf.add_device),
    };
  });
  return ok(showModules ? modules.map((m) => `${m}\n`).join('') : '');
}
