import type { Dom0State, MdArray } from '../state/simState';

/** Active (not faulty, not spare) members, by slot. */
function activeMembers(a: MdArray): number {
  return a.members.filter((m) => (m.state ?? 'active') === 'active').length;
}

function slotStatus(a: MdArray): string {
  const up = new Set(a.members.filter((m) => (m.state ?? 'active') === 'active').map((m) => m.role));
  return Array.from({ length: a.raidDevices }, (_, i) => (up.has(i) ? 'U' : '_')).join('');
}

function geometry(a: MdArray): string {
  const chunk = `${a.chunkKB ?? 512}k`;
  switch (a.level) {
    case 'raid5': return ` level 5, ${chunk} chunk, algorithm 2`;
    case 'raid6': return ` level 6, ${chunk} chunk, algorithm 2`;
    case 'raid0': return ` ${chunk} chunks`;
    case 'raid10': return ` ${chunk.toUpperCase()} chunks 2 near-copies`;
    default: return '';
  }
}

/** /proc/mdstat as the md driver prints it (each personality is followed by a space, each array by an empty line). */
export function renderMdstat(md: Dom0State['md']): string {
  let out = `Personalities : ${md.personalities.map((p) => `[${p}] `).join('')}\n`;
  for (const a of md.arrays) {
    const members = a.members.map((m) => `${m.dev}[${m.role}]${m.state === 'faulty' ? '(F)' : m.state === 'spare' ? '(S)' : ''}`).join(' ');
    out += `${a.device} : active ${a.level} ${members}\n`;
    out += `      ${a.blocks} blocks super ${a.metadata}${geometry(a)} [${a.raidDevices}/${activeMembers(a)}] [${slotStatus(a)}]\n`;
    if (a.bitmap) out += `      bitmap: ${a.bitmap}\n`;
    out += '\n';
  }
  return out + 'unused devices: <none>\n';
}

/** The name mdadm derives `/dev/md/<nm>` from: the part of the superblock name after the homehost. */
function shortName(a: MdArray): string {
  const colon = a.name.indexOf(':');
  return colon >= 0 ? a.name.slice(colon + 1) : a.name;
}

/** `mdadm --examine --scan`: two spaces after the device name (the seed guide shows the same). */
export function renderExamineScan(md: Dom0State['md']): string {
  return md.arrays.map((a) => `ARRAY /dev/md/${shortName(a)}  metadata=${a.metadata} UUID=${a.uuid} name=${a.name}\n`).join('');
}

/** `mdadm --detail --scan`. */
export function renderDetailScan(md: Dom0State['md']): string {
  return md.arrays.map((a) => `ARRAY /dev/md/${shortName(a)} metadata=${a.metadata} name=${a.name} UUID=${a.uuid}\n`).join('');
}

function sizes(kib: number): string {
  return `${kib} (${(kib / 1024 / 1024).toFixed(2)} GiB ${((kib * 1024) / 1e9).toFixed(2)} GB)`;
}

function line(label: string, value: string): string {
  return `${label.padStart(18)} : ${value}\n`;
}

const p5 = (n: number): string => String(n).padStart(5);

/** `mdadm --detail /dev/mdN` in mdadm 4.x layout. */
export function renderDetail(a: MdArray, devPath: string, hostname: string): string {
  const active = activeMembers(a);
  const failed = a.members.filter((m) => m.state === 'faulty').length;
  const spare = a.members.filter((m) => m.state === 'spare').length;
  const state = active < a.raidDevices ? 'clean, degraded ' : 'clean ';
  const homehost = a.name.split(':')[0];
  let out = `${devPath}:\n`;
  out += line('Version', a.metadata);
  out += line('Creation Time', a.creationTime);
  out += line('Raid Level', a.level);
  out += line('Array Size', sizes(a.blocks));
  out += line('Used Dev Size', sizes(a.usedDevBlocks));
  out += line('Raid Devices', String(a.raidDevices));
  out += line('Total Devices', String(a.members.length));
  out += line('Persistence', 'Superblock is persistent');
  out += '\n';
  if (a.bitmap) out += line('Intent Bitmap', 'Internal') + '\n';
  out += line('Update Time', a.updateTime);
  out += line('State', state);
  out += line('Active Devices', String(active));
  out += line('Working Devices', String(a.members.length - failed));
  out += line('Failed Devices', String(failed));
  out += line('Spare Devices', String(spare));
  out += '\n';
  if (a.level === 'raid5' || a.level === 'raid6') {
    out += line('Layout', 'left-symmetric');
    out += line('Chunk Size', `${a.chunkKB ?? 512}K`);
    out += '\n';
  }
  out += line('Consistency Policy', a.bitmap ? 'bitmap' : 'resync');
  out += '\n';
  out += line('Name', homehost === hostname ? `${a.name}  (local to host ${hostname})` : a.name);
  out += line('UUID', a.uuid);
  out += line('Events', String(a.events));
  out += '\n';
  out += '    Number   Major   Minor   RaidDevice State\n';
  const sorted = [...a.members].sort((x, y) => x.role - y.role);
  sorted.forEach((m, i) => {
    const st = m.state === 'faulty' ? 'faulty' : m.state === 'spare' ? 'spare' : 'active sync';
    const slot = m.state === 'active' || m.state === undefined ? p5(m.role) : p5(-1);
    out += `   ${p5(i)}   ${p5(m.major)}    ${p5(m.minor)}    ${slot}      ${st}   /dev/${m.dev}\n`;
  });
  return out;
}
