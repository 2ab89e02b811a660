import { languageSupports } from '../../src/core/lint/languageSupports';
import { lintText } from '../../src/core/lint/lintText';

/**
 * Lints a 10,000-line xl config and a 10,000-line .vmx and prints the time relative to splitting the same
 * text into lines, measured side by side in one run (the goal: under 10x, and about 20 ms). No
 * assertion: timings belong to the machine, the ratio is what to compare between commits.
 */

export function xlConfig(lines: number): string {
  const head = [
    '# Nested XCP-ng guest with a large disk farm',
    "name = 'xcp-ng-bench'",
    "type = 'hvm'",
    'memory = 8192',
    'vcpus = 4',
    'hap = 1',
    'nestedhvm = 1',
    'viridian = 0',
    "vif = [ 'mac=00:16:3e:12:34:56,type=ioemu,model=e1000,bridge=xenbr0' ]",
    'disk = [',
  ];
  const body: string[] = [];
  for (let i = 0; body.length < lines - head.length - 1; i++) {
    body.push(i % 10 === 0 ? `    # shelf ${i / 10}` : `    'format=raw,vdev=xvd${String.fromCharCode(97 + (i % 26))}${i},access=rw,target=/srv/xen/disks/bench-${i}.img',`);
  }
  return `${[...head, ...body, ']'].join('\n')}\n`;
}

export function vmxConfig(lines: number): string {
  const out = ['.encoding = "UTF-8"', 'config.version = "8"', 'virtualHW.version = "19"', 'displayName = "XCP-ng bench"', 'memsize = "8192"', 'numvcpus = "4"', 'vhv.enable = "TRUE"', 'hypervisor.cpuid.v0 = "FALSE"'];
  for (let i = 0; out.length < lines; i++) {
    const n = Math.floor(i / 5);
    out.push([`ethernet${n}.present = "TRUE"`, `ethernet${n}.connectionType = "bridged"`, `ethernet${n}.virtualDev = "e1000"`, `ethernet${n}.noPromisc = "FALSE"`, `guestinfo.bench.${n} = "value #${n} with a # inside"`][i % 5] as string);
  }
  return `${out.join('\n')}\n`;
}

const ROUNDS = 11;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * CPU milliseconds per call of `run`, repeated until 10 ms are spent so the clock's granularity does not
 * matter. CPU time rather than wall time: on a busy machine the wall clock mostly measures the other processes.
 */
function cpuMsPerCall(run: () => unknown): number {
  const start = process.cpuUsage();
  let calls = 0;
  let spent: number;
  do {
    run();
    calls++;
    const used = process.cpuUsage(start);
    spent = (used.user + used.system) / 1000;
  } while (spent < 10);
  return spent / calls;
}

export interface Measured {
  /** Median CPU ms of one lint. */
  readonly lintMs: number;
  /** Median CPU ms of one `text.split('\n')`. */
  readonly splitMs: number;
  /** Median of the per-round ratios lint / split. */
  readonly ratio: number;
}

/**
 * Times `lint` against splitting the same text into lines: one warm-up of each (the first call pays for
 * compiling the code, not what a user typing sees), then rounds that time both side by side, so each ratio
 * compares the two under the same machine load; the medians drop rounds disturbed by other processes.
 */
export function measureAgainstSplit(text: string, lint: () => unknown): Measured {
  text.split('\n');
  lint();
  const lints: number[] = [];
  const splits: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const split = cpuMsPerCall(() => text.split('\n'));
    const linted = cpuMsPerCall(lint);
    splits.push(split);
    lints.push(linted);
    ratios.push(linted / split);
  }
  return { lintMs: median(lints), splitMs: median(splits), ratio: median(ratios) };
}

export function formatMeasured(label: string, lines: number, findings: number, measured: Measured): string {
  return `${label}: ${lines} lines, ${findings} findings: lint ${measured.lintMs.toFixed(2)} ms, split ${measured.splitMs.toFixed(3)} ms, ratio ${measured.ratio.toFixed(1)}x (median of ${ROUNDS} rounds)`;
}

function main(): void {
  for (const [languageId, text, fileName] of [
    ['xen-xl', xlConfig(10000), '/etc/xen/xcp-ng-bench'],
    ['vmx', vmxConfig(10000), '/vms/bench/XCP-ng.vmx'],
  ] as const) {
    const support = languageSupports.get(languageId);
    if (!support) throw new Error(`no support for ${languageId}`);
    const findings = lintText(support, text, { fileName }).length;
    const measured = measureAgainstSplit(text, () => lintText(support, text, { fileName }));
    console.log(formatMeasured(languageId, text.split('\n').length - 1, findings, measured));
  }
}

if (require.main === module) main();
