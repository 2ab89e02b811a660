import { dracutConfSupport } from '../../src/core/lint/dracut/dracutConfSupport';
import type { LanguageSupport } from '../../src/core/lint/languageSupport';
import { lintText } from '../../src/core/lint/lintText';
import { mdadmConfSupport } from '../../src/core/lint/mdadm/mdadmConfSupport';
import { formatMeasured, measureAgainstSplit, type Goal } from './lintBench';

/**
 * Lints a 10,000-line mdadm.conf (and a 10,000-line dracut drop-in) and prints the time as a ratio to
 * splitting the same text into lines, both measured in this one run (warm-up, then the median of several
 * rounds; see {@link measureAgainstSplit}), so the number means the same on any machine. The budget
 * is a ratio under 10 for mdadm.conf. No assertion: timings belong to the machine.
 */
const LINES = 10_000;

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}

function uuid(i: number): string {
  return [hex(i * 2654435761, 8), hex(i * 40503, 8), hex(i ^ 0x5bd1e995, 8), hex(i * 97, 8)].join(':');
}

/** A large but realistic mdadm.conf: header, DEVICE lines, ARRAY lines (some continued), comments. */
export function mdadmConf(): string {
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

export function dracutConf(): string {
  const lines: string[] = ['mdadmconf="yes"', 'use_fstab="yes"', 'add_dracutmodules+=" mdraid "'];
  for (let i = 0; lines.length < LINES; i++) {
    lines.push(i % 2 === 0 ? `add_device+=" /dev/md${i} "` : `kernel_cmdline+=" rd.md.uuid=${uuid(i)} "`);
  }
  return `${lines.slice(0, LINES).join('\n')}\n`;
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

function bench(label: string, support: LanguageSupport, text: string, fileName: string, goal: Goal | undefined): void {
  const findings = lintText(support, text, { fileName }).length;
  const measured = measureAgainstSplit(text, () => lintText(support, text, { fileName }));
  const floor = measureAgainstSplit(text, () => wordObjects(text));
  console.log(`${formatMeasured(label, LINES, findings, measured, goal)}; for scale, one object per word alone: ${floor.ratio.toFixed(1)}x`);
}

if (require.main === module) {
  // The issue sets the goal for mdadm.conf only; the dracut drop-in is measured alongside.
  bench('mdadm.conf', mdadmConfSupport, mdadmConf(), '/lab/etc/mdadm.conf', { ratio: 10 });
  bench('dracut drop-in', dracutConfSupport, dracutConf(), '/lab/etc/dracut.conf.d/dracut_mdraid.conf', undefined);
}
