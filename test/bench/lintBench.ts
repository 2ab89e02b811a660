import { performance } from 'node:perf_hooks';
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

function time(run: () => unknown, repeat: number): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - start) / repeat;
}

function main(): void {
  for (const [languageId, text, fileName] of [
    ['xen-xl', xlConfig(10000), '/etc/xen/xcp-ng-bench'],
    ['vmx', vmxConfig(10000), '/vms/bench/XCP-ng.vmx'],
  ] as const) {
    const support = languageSupports.get(languageId);
    if (!support) throw new Error(`no support for ${languageId}`);
    const split = time(() => text.split('\n'), 50);
    const lint = time(() => lintText(support, text, { fileName }), 20);
    const findings = lintText(support, text, { fileName }).length;
    console.log(`${languageId}: ${text.split('\n').length - 1} lines, ${findings} findings: lint ${lint.toFixed(2)} ms, split ${split.toFixed(3)} ms, ratio ${(lint / split).toFixed(1)}x`);
  }
}

if (require.main === module) main();
