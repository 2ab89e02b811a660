/**
 * Refresh benchmarks of the pool explorer (issue 4), printed as figures and ratios measured side by side in
 * one run; nothing here asserts a time. Run with `npm run bench:refresh` (needs root for the sshd part).
 *
 * 1. Exec round trips per full refresh for 10, 100 and 1,000-VM pools: counted at the RemoteExec.
 * 2. Parsing 10,000 VM records against splitting the same text into lines.
 * 3. Refresh latency of the 1,000-VM pool over real OpenSSH with the stand-in's per-call delay on, against
 *    the floor (one round trip + the delay of every call in the batch, paid one after another) and,
 *    since the batch runs its calls at once, against concurrent floors: one round trip + one delay, one round
 *    trip + the slowest call alone, and the same calls sent as separate execs at once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSnapshot } from '../../src/core/lab/buildSnapshot';
import { querySnapshot } from '../../src/core/lab/querySnapshot';
import { parseSnapshotOutput, sectionArgv, SNAPSHOT_SECTIONS, snapshotArgv, type SnapshotSectionName } from '../../src/core/lab/snapshotQuery';
import type { ExecOptions, ExecResult, RemoteExec } from '../../src/core/ssh/remoteExec';
import { SshConnection } from '../../src/core/ssh/sshConnection';
import { TrustStore } from '../../src/core/ssh/trustStore';
import { parseXeRecords } from '../../src/core/xe/parseXeRecords';
import { LocalExec } from '../integration/lab/localExec';
import { readArgvLog } from '../sim/argvLog';
import { prepareSimDir } from '../sim/prepareSimDir';
import { startSim } from '../sim/simServer';
import { repoRoot } from '../unit/xe/fixtures';

const SECTIONS = Object.keys(SNAPSHOT_SECTIONS) as SnapshotSectionName[];
const DELAY_MS = 200;
const AUTOGROUP = '/proc/sys/kernel/sched_autogroup_enabled';

/** Counts execs at the seam, whatever implements it. */
class CountingExec implements RemoteExec {
  calls = 0;
  constructor(private readonly inner: RemoteExec) {}
  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    this.calls++;
    return this.inner.exec(argv, options);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

interface Cost {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/**
 * Cost of one call of `fn`, averaged over `times` calls in a row: CPU time of the process (all threads, GC
 * included) and wall time. The calls run back to back, so each side pays for the garbage it makes itself;
 * with --expose-gc (the npm script passes it) the heap is collected before, so neither pays for the other's.
 */
function measure(fn: () => unknown, times: number): Cost {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < times; i++) {
    fn();
  }
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / times, wallMs: (performance.now() - wall) / times };
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function withSimDir<T>(scenario: string, body: (bin: string, argvLog: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'xcpng-bench-'));
  const paths = prepareSimDir(dir, scenario);
  return body(`${paths.bin}:/usr/bin:/bin`, paths.argvLogFile).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function roundTrips(): Promise<void> {
  console.log('\n1. Exec round trips per full refresh (counted at the RemoteExec; goal: 1 for every size)');
  const sizes: [string, string][] = [
    ['10', join(repoRoot(), 'test', 'bench', 'scenarios', 'pool-10.yaml')],
    ['100', join(repoRoot(), 'test', 'bench', 'scenarios', 'pool-100.yaml')],
    ['1,000', 'large-pool'],
  ];
  for (const [label, scenario] of sizes) {
    await withSimDir(scenario, async (path, argvLog) => {
      const exec = new CountingExec(new LocalExec(path));
      const snapshot = await querySnapshot(exec, { strict: true });
      const xeCalls = readArgvLog(argvLog).length;
      console.log(`   ${label.padStart(5)} VMs: ${exec.calls} exec per refresh (${xeCalls} xe calls inside it), ${snapshot.vms.length} guests read`);
    });
  }
}

async function parsing(): Promise<void> {
  console.log('\n2. Parsing 10,000 VM records vs splitting the same text into lines (goal <= 3x)');
  const { vmText, batch, nonce } = await withSimDir('large-pool', async (path) => {
    const exec = new LocalExec(path);
    const vm = await exec.exec(sectionArgv('vm'));
    const id = 'benchnonce0123456789';
    const whole = await exec.exec(snapshotArgv(id));
    return { vmText: vm.stdout, batch: whole.stdout, nonce: id };
  });
  const copies = Math.ceil(10_000 / parseXeRecords(vmText).length);
  const text = vmText.repeat(copies);
  const records = parseXeRecords(text).length;
  const split: Cost[] = [];
  const parse: Cost[] = [];
  const batchSplit: Cost[] = [];
  const batchBuild: Cost[] = [];
  // Rounds alternate the sides, so all see the same machine load; medians of the rounds. Round 0 only warms up.
  for (let round = 0; round <= 7; round++) {
    if (round === 0) {
      measure(() => [text.split('\n'), parseXeRecords(text), batch.split('\n'), buildSnapshot(parseSnapshotOutput(batch, nonce))], 1);
      continue;
    }
    split.push(measure(() => text.split('\n'), 5));
    parse.push(measure(() => parseXeRecords(text), 5));
    batchSplit.push(measure(() => batch.split('\n'), 5));
    batchBuild.push(measure(() => buildSnapshot(parseSnapshotOutput(batch, nonce)), 5));
  }
  const report = (what: string, a: Cost[], b: Cost[]): void => {
    const cpu = median(a.map((m) => m.cpuMs)) / median(b.map((m) => m.cpuMs));
    const wall = median(a.map((m) => m.wallMs)) / median(b.map((m) => m.wallMs));
    console.log(`   ${what}: ${cpu.toFixed(2)}x by CPU time, ${wall.toFixed(2)}x by wall time`);
  };
  console.log(`   ${records.toLocaleString('en')} records, ${(text.length / 1e6).toFixed(1)} MB; split ${fmt(median(split.map((m) => m.wallMs)))}, parse ${fmt(median(parse.map((m) => m.wallMs)))}`);
  report('parseXeRecords / split', parse, split);
  report('whole 1,000-VM refresh (frame + parse + model) / split of its output', batchBuild, batchSplit);
}

async function latency(): Promise<void> {
  console.log(`\n3. Refresh latency of the 1,000-VM pool over OpenSSH, stand-in delay ${DELAY_MS} ms per xe call (goal <= 1.2x the issue's floor)`);
  if (process.getuid?.() !== 0) {
    console.log('   skipped: the simulator runs sshd in a mount namespace and needs root');
    return;
  }
  const simDir = mkdtempSync(join(tmpdir(), 'xcpng-bench-sim-'));
  const sim = await startSim({ scenario: 'large-pool', delayMs: DELAY_MS, dir: simDir });
  const dir = mkdtempSync(join(tmpdir(), 'xcpng-bench-ssh-'));
  const trustStore = new TrustStore({ knownHostsFiles: [], trustFile: join(dir, 'trusted_hosts') });
  await trustStore.trustHostKey(sim.host, sim.port, Buffer.from(sim.hostKeyLine.split(' ')[1] ?? '', 'base64'));
  const connection = new SshConnection({
    name: 'bench',
    target: { host: sim.host, port: sim.port, user: sim.user, identityFile: sim.privateKeyPath },
    trustStore,
    prompts: {
      confirmUnknownHostKey: () => Promise.resolve(false),
      askPassword: () => Promise.resolve(undefined),
      askPassphrase: () => Promise.resolve(undefined),
    },
    secrets: { get: () => Promise.resolve(undefined), set: () => Promise.resolve(), delete: () => Promise.resolve() },
    execTimeoutMs: 300_000,
  });
  try {
    await connection.exec(['true']);
    const rtts: number[] = [];
    for (let i = 0; i < 5; i++) {
      rtts.push((await connection.exec(['true'])).durationMs);
    }
    const rtt = median(rtts);
    // Rounds alternate, so all sides see the same machine load; medians of each. Per round: the batch's xe
    // calls as separate execs one by one (their own cost: delay + the stand-in's work, round trips taken
    // off), the same calls as separate execs all at once (wall time of the lot), then one refresh.
    const oneByOne: number[] = [];
    const slowest: number[] = [];
    const atOnce: number[] = [];
    const refreshes: number[] = [];
    for (let round = 0; round < 3; round++) {
      const costs: number[] = [];
      for (const name of SECTIONS) {
        costs.push((await connection.exec(sectionArgv(name))).durationMs - rtt);
      }
      oneByOne.push(costs.reduce((a, b) => a + b, 0));
      slowest.push(Math.max(...costs));
      let started = performance.now();
      await Promise.all(SECTIONS.map((name) => connection.exec(sectionArgv(name))));
      atOnce.push(performance.now() - started);
      started = performance.now();
      await querySnapshot(connection, { timeoutMs: 300_000 });
      refreshes.push(performance.now() - started);
    }
    const refresh = median(refreshes);
    const n = SECTIONS.length;
    const ratio = (floor: number): string => `${(refresh / floor).toFixed(2)}x`;
    console.log(
      `   exec round trip ${fmt(rtt)}; the ${n} xe calls as execs: one by one ${fmt(median(oneByOne))} (slowest alone ` +
        `${fmt(median(slowest))}), all at once ${fmt(median(atOnce))}; refresh ${fmt(refresh)} (${connection.loginCount} login)`,
    );
    console.log(
      `   refresh / issue floor (round trip + ${n} x delay = ${fmt(rtt + n * DELAY_MS)}) = ${ratio(rtt + n * DELAY_MS)}  ` +
        '(the issue\'s floor: the calls paid one after another, as the batch used to run them)',
    );
    console.log(
      `   refresh / concurrent floor (round trip + 1 x delay = ${fmt(rtt + DELAY_MS)}) = ${ratio(rtt + DELAY_MS)}  ` +
        '(the batch now runs its calls at once, so their delays overlap; reachable only if the stand-in cost nothing else)',
    );
    console.log(
      `   refresh / (round trip + slowest call alone) = ${ratio(rtt + median(slowest))};  ` +
        `refresh / the ${n} calls as ${n} execs at once = ${ratio(median(atOnce))}`,
    );
    console.log(
      `   (the stand-in is a Node process per call: ${fmt((median(oneByOne) - n * DELAY_MS) / n)} of its own work per call ` +
        `beyond the delay; ${n} at once share this machine's ${cpus().length} cores, which sets the concurrent figures)`,
    );
    if (existsSync(AUTOGROUP) && readFileSync(AUTOGROUP, 'utf8').trim() === '1') {
      // Each exec is its own sshd session, and the kernel gives each session its own CPU share under load.
      console.log(
        `   (this kernel schedules by session (${AUTOGROUP} = 1): on a busy machine ${n} separate execs get ${n} CPU shares, ` +
          'the one refresh exec\'s calls share one, so the "execs at once" figure is not a floor there)',
      );
    }
  } finally {
    connection.dispose();
    await sim.stop();
    rmSync(sim.dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log('XCP-ng Lab refresh benchmarks (one run; ratios compare measurements taken side by side)');
  await roundTrips();
  await parsing();
  await latency();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
