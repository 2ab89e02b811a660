import { dracutConfSupport } from '../../src/core/lint/dracut/dracutConfSupport';
import type { LanguageSupport } from '../../src/core/lint/languageSupport';
import { lintText } from '../../src/core/lint/lintText';
import { mdadmConfSupport } from '../../src/core/lint/mdadm/mdadmConfSupport';

/**
 * Lints a 10,000-line mdadm.conf (and a 10,000-line dracut drop-in) and prints the time as a ratio to
 * splitting the same text into lines, both measured in this one run, so the number means the same on any
 * machine. The budget is a ratio under 10 for mdadm.conf.
 */
const LINES = 10_000;
const ROUNDS = 15;

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}

function uuid(i: number): string {
  return [hex(i * 2654435761, 8), hex(i * 40503, 8), hex(i ^ 0x5bd1e995, 8), hex(i * 97, 8)].join(':');
}

/** A large but realistic mdadm.conf: header, DEVICE lines, ARRAY lines (some continued), comments. */
function mdadmConf(): string {
  const lines = ['AUTO +all', 'MAILADDR root'];
  let i = 0;
  while (lines.length < LINES) {
    if (i % 50 === 0) lines.push(`# shelf ${i / 50}`);
    if (i % 10 === 0) lines.push(`DEVICE /dev/sd${String.fromCharCode(97 + (i % 26))}* /dev/nvme${i % 8}n1p*`);
    if (i % 7 === 0) lines.push(`ARRAY /dev/md${i} metadata=1.2`, `    UUID=${uuid(i)}`);
    else lines.push(`ARRAY /dev/md${i}  metadata=1.2 UUID=${uuid(i)}`);
    i++;
  }
  return `${lines.slice(0, LINES).join('\n')}\n`;
}

function dracutConf(): string {
  const lines: string[] = ['mdadmconf="yes"', 'use_fstab="yes"', 'add_dracutmodules+=" mdraid "'];
  for (let i = 0; lines.length < LINES; i++) {
    lines.push(i % 2 === 0 ? `add_device+=" /dev/md${i} "` : `kernel_cmdline+=" rd.md.uuid=${uuid(i)} "`);
  }
  return `${lines.slice(0, LINES).join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** CPU time of `run` in ms, repeated until it is long enough to measure; CPU time, not wall time, so other busy processes skew it less. */
function time(run: () => unknown): number {
  let repeats = 0;
  const start = process.cpuUsage();
  let used: number;
  do {
    run();
    repeats++;
    const spent = process.cpuUsage(start);
    used = (spent.user + spent.system) / 1000;
  } while (used < 20);
  return used / repeats;
}

/**
 * The least any word-based linter must do: one small object per blank-separated word. Printed alongside, so a
 * reader can tell the cost of the analysis from the cost of merely holding the words.
 */
function wordObjects(text: string): unknown[] {
  const words: unknown[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/[^ \t]+/g)) words.push({ text: match[0], line: index, start: match.index });
  });
  return words;
}

function bench(label: string, support: LanguageSupport, text: string, fileName: string): void {
  const lintTimes: number[] = [];
  const splitTimes: number[] = [];
  const wordTimes: number[] = [];
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so all see the same machine state; the first rounds warm the JIT for each.
    splitTimes.push(time(() => text.split(/\r?\n/)));
    wordTimes.push(time(() => wordObjects(text)));
    lintTimes.push(time(() => (findings = lintText(support, text, { fileName }).length)));
  }
  const lint = median(lintTimes);
  const split = median(splitTimes);
  const words = median(wordTimes);
  console.log(
    `${label}: ${LINES} lines, ${findings} findings; lint ${lint.toFixed(2)} ms, split ${split.toFixed(3)} ms, ratio ${(lint / split).toFixed(1)}x` +
      ` (one object per word alone: ${(words / split).toFixed(1)}x)`,
  );
}

bench('mdadm.conf', mdadmConfSupport, mdadmConf(), '/lab/etc/mdadm.conf');
bench('dracut drop-in', dracutConfSupport, dracutConf(), '/lab/etc/dracut.conf.d/dracut_mdraid.conf');
