import { spawnSync } from 'node:child_process';
import { lintText } from '../../src/core/lint/lintText';
import { mdadmConfSupport } from '../../src/core/lint/mdadm/mdadmConfSupport';
import { mdadmConf } from './raidLintBench';

/**
 * The 10,000-line mdadm.conf of raidLintBench, counted in machine instructions instead of time: valgrind's
 * cachegrind counts what one lint and one `text.split('\n')` execute, so the ratio printed is the same from
 * run to run on a machine whose timings swing by 30% between minutes. A tool for comparing two versions of the
 * analyzer, not the measure (that is time, bench:raid). Needs valgrind.
 *
 * Each count is the difference between a process that makes `3n` calls and one that makes `n`, so starting
 * Node, compiling and warming up cancel out; `--single-threaded` keeps the compiler on the counted thread.
 */
const CALLS = 100;

function child(what: string, calls: number): void {
  const text = mdadmConf();
  const fileName = '/lab/etc/mdadm.conf';
  for (let i = 0; i < calls; i++) {
    if (what === 'lint') lintText(mdadmConfSupport, text, { fileName });
    else text.split('\n');
  }
}

function instructions(what: string, calls: number): number {
  const run = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', '--smc-check=all', process.execPath, '--single-threaded', __filename, '--child', what, String(calls)],
    { encoding: 'utf8' },
  );
  if (run.error) throw new Error(`valgrind did not start (${run.error.message}); install it (apt-get install valgrind) to count instructions`);
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) throw new Error(`valgrind failed (exit ${String(run.status)}):\n${run.stderr.slice(-2000)}`);
  return Number((refs[1] as string).replace(/,/g, ''));
}

function perCall(what: string): number {
  return (instructions(what, 3 * CALLS) - instructions(what, CALLS)) / (2 * CALLS);
}

if (require.main === module) {
  const [flag, what, calls] = process.argv.slice(2);
  if (flag === '--child') child(what ?? 'lint', Number(calls));
  else {
    const lint = perCall('lint');
    const split = perCall('split');
    console.log(`mdadm.conf: 10000 lines: lint ${(lint / 1e6).toFixed(2)}M instructions, split ${(split / 1e6).toFixed(2)}M, ratio ${(lint / split).toFixed(1)}x in instructions (cachegrind)`);
  }
}
