import type { MdArray } from '../state/simState';
import { dom0Of } from './dom0Of';
import { syncHostFiles } from './hostFiles';
import { renderDetail, renderDetailScan, renderExamineScan } from './mdRender';
import { fail, ok, type ToolEnv, type ToolResult } from './toolResult';
import { ctime } from './ctime';
import { uuidFrom } from '../state/uuidFrom';

/** Short options mdadm accepts glued together (`-Es`, `-Ds`). */
function expandShort(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (/^-[A-Za-z]{2,}$/.test(a)) for (const c of a.slice(1)) out.push(`-${c}`);
    else out.push(a);
  }
  return out;
}

function findArray(arrays: MdArray[], dev: string): MdArray | undefined {
  const m = /^\/dev\/md\/?(.+)$/.exec(dev);
  if (!m) return undefined;
  const key = m[1] ?? '';
  return arrays.find((a) => a.device === `md${key}` || a.device === key || a.name.split(':')[1] === key);
}

const KNOWN_DISKS: Record<string, [number, number]> = {
  sda: [8, 0], sdb: [8, 16], sdc: [8, 32], sdd: [8, 48], sde: [8, 64], sdf: [8, 80], sdg: [8, 96], sdh: [8, 112],
};

function diskNumbers(dev: string): [number, number] {
  return KNOWN_DISKS[dev] ?? [8, 128];
}

/** `mdadm --create /dev/mdN --level=L --raid-devices=N [--metadata=V] [--bitmap=internal] devices...` */
function create(env: ToolEnv, args: string[]): ToolResult {
  const opt = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const devPath = args.find((a) => a.startsWith('/dev/md'));
  const members = args.filter((a) => a.startsWith('/dev/') && a !== devPath).map((a) => a.replace('/dev/', ''));
  const level = opt('level');
  if (!devPath || !level) return fail('mdadm: an md device and --level must be given\n');
  return env.store.mutate((state) => {
    const { host, dom0 } = dom0Of(state);
    const device = devPath.replace(/^\/dev\/md\/?/, 'md');
    if (dom0.md.arrays.some((a) => a.device === device)) return fail(`mdadm: ${devPath} is already in use.\n`);
    const now = ctime(new Date());
    const perDisk = 976630272;
    const lvl = level.startsWith('raid') ? level : `raid${level}`;
    const dataDisks = lvl === 'raid1' ? 1 : lvl === 'raid5' ? members.length - 1 : lvl === 'raid6' ? members.length - 2 : members.length;
    const hostname = String(host['hostname'] ?? 'localhost');
    const array: MdArray = {
      device,
      level: lvl,
      metadata: opt('metadata') ?? '1.2',
      uuid: (uuidFrom(`${host.uuid}/${device}/${now}`).replace(/-/g, '').match(/.{8}/g) ?? []).join(':'),
      name: `${hostname}:${device.replace('md', '')}`,
      members: members.map((dev, role) => ({ dev, role, major: diskNumbers(dev)[0], minor: diskNumbers(dev)[1] })),
      raidDevices: Number(opt('raid-devices') ?? members.length),
      blocks: perDisk * Math.max(1, dataDisks),
      usedDevBlocks: perDisk,
      ...(lvl === 'raid5' || lvl === 'raid6' ? { chunkKB: 512 } : {}),
      ...(opt('bitmap') === 'internal' ? { bitmap: '0/8 pages [0KB], 65536KB chunk' } : {}),
      creationTime: now,
      updateTime: now,
      events: 0,
    };
    dom0.md.arrays.unshift(array);
    for (const p of lvl === 'raid5' || lvl === 'raid6' ? ['raid6', 'raid5', 'raid4'] : [lvl]) if (!dom0.md.personalities.includes(p)) dom0.md.personalities.push(p);
    syncHostFiles(env.paths, dom0);
    return ok('', `mdadm: array ${devPath} started.\n`);
  });
}

/**
 * The shape `--add` and `--fail` share: `mdadm [--manage] /dev/mdN <op> /dev/sdX...` looks the array up, applies
 * `perDisk` to each named drive in order (a failure stops there, keeping the messages so far), then counts one
 * event and rewrites the host files.
 */
function manageMembers(env: ToolEnv, args: string[], perDisk: (array: MdArray, devPath: string, disk: string, err: string) => string | ToolResult): ToolResult {
  const [devPath, ...disks] = args.filter((a) => a.startsWith('/dev/'));
  return env.store.mutate((state) => {
    const { dom0 } = dom0Of(state);
    const array = devPath ? findArray(dom0.md.arrays, devPath) : undefined;
    if (!array || !devPath) return fail(`mdadm: error opening ${devPath ?? ''}: No such file or directory\n`);
    let err = '';
    for (const disk of disks) {
      const step = perDisk(array, devPath, disk, err);
      if (typeof step !== 'string') return step;
      err += step;
    }
    array.events += 1;
    syncHostFiles(env.paths, dom0);
    return ok('', err);
  });
}

/** `mdadm --add /dev/mdN /dev/sdX`: the member joins (the simulator rebuilds instantly). */
function add(env: ToolEnv, args: string[]): ToolResult {
  return manageMembers(env, args, (array, _devPath, disk) => {
    const dev = disk.replace('/dev/', '');
    const existing = array.members.find((m) => m.dev === dev);
    const freeSlot = Array.from({ length: array.raidDevices }, (_, i) => i).find((i) => !array.members.some((m) => m.role === i && m.state !== 'faulty'));
    if (existing && existing.state !== 'faulty') return fail(`mdadm: Cannot open ${disk}: Device or resource busy\n`);
    array.members = array.members.filter((m) => m.dev !== dev);
    const [major, minor] = diskNumbers(dev);
    // The kernel binds a new member at the head of the array's disk list, which /proc/mdstat prints in order.
    array.members.unshift({ dev, role: freeSlot ?? array.members.length, major, minor, ...(freeSlot === undefined ? { state: 'spare' as const } : {}) });
    return `mdadm: added ${disk}\n`;
  });
}

/**
 * `mdadm [--manage] /dev/mdN --fail /dev/sdX` (also `-f`, `--set-faulty`): the member stays listed with `(F)`
 * and its slot goes down, as the md driver shows a failed drive. mdadm 4.x's Manage.c messages.
 */
function setFaulty(env: ToolEnv, args: string[]): ToolResult {
  return manageMembers(env, args, (array, devPath, disk, err) => {
    const member = array.members.find((m) => m.dev === disk.replace('/dev/', ''));
    if (!member) return fail(`${err}mdadm: set device faulty failed for ${disk}:  No such device\n`);
    member.state = 'faulty';
    return `mdadm: set ${disk} faulty in ${devPath}\n`;
  });
}

/** The mdadm modes the guides use; anything else says plainly that the simulator does not model it. */
export function mdadmTool(env: ToolEnv, rawArgs: readonly string[]): ToolResult {
  const args = expandShort(rawArgs);
  const has = (...names: string[]): boolean => names.some((n) => args.includes(n));
  if (has('--create', '-C')) return create(env, args);
  if (has('--add', '-a')) return add(env, args);
  if (has('--fail', '-f', '--set-faulty')) return setFaulty(env, args);
  const { host, dom0 } = dom0Of(env.store.read());
  if (has('--examine', '-E') && has('--scan', '-s')) return ok(renderExamineScan(dom0.md));
  if (has('--detail', '-D') && has('--scan', '-s')) return ok(renderDetailScan(dom0.md));
  if (has('--detail', '-D')) {
    const devs = args.filter((a) => a.startsWith('/dev/'));
    if (devs.length === 0) return fail('mdadm: No devices given.\n');
    let out = '';
    let err = '';
    for (const dev of devs) {
      const array = findArray(dom0.md.arrays, dev);
      if (array) out += renderDetail(array, dev, String(host['hostname'] ?? ''));
      else err += `mdadm: cannot open ${dev}: No such file or directory\n`;
    }
    return { stdout: out, stderr: err, code: err === '' ? 0 : 1 };
  }
  return fail(`mdadm: the lab simulator does not model: mdadm ${rawArgs.join(' ')}\n`);
}
