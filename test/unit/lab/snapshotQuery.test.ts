import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseSnapshotOutput,
  SNAPSHOT_SCRIPT,
  SNAPSHOT_SECTIONS,
  snapshotArgv,
  SnapshotSectionError,
  type SnapshotSectionName,
} from '../../../src/core/lab/snapshotQuery';
import { parseXeRecords } from '../../../src/core/xe/parseXeRecords';
import { XeError } from '../../../src/core/xe/xeError';
import { XeParseError, type XeSkip } from '../../../src/core/xe/xeParseError';
import { fixturePath, readFixture } from '../xe/fixtures';
import { FIXTURE_NONCE, readSnapshotOutput } from './snapshotFixtures';

const SECTIONS = Object.keys(SNAPSHOT_SECTIONS) as SnapshotSectionName[];

/** Runs the batch with a real sh and the fake xe of test/fixtures/lab/fake-xe, as the host would. */
function runScript(nonce: string, env: Record<string, string>): { stdout: string; status: number | null } {
  const argv = snapshotArgv(nonce);
  const r = spawnSync(argv[0] as string, argv.slice(1), {
    encoding: 'utf8',
    env: { PATH: `${fixturePath('lab', 'fake-xe')}:/usr/bin:/bin`, XE_FIXTURE_DIR: fixturePath('lab', 'small-pool'), ...env },
  });
  return { stdout: r.stdout, status: r.status };
}

describe('snapshot query: one batched exec', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'xcpng-snapshot-'));
  });
  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('is one sh -c of a fixed script; the only variable part is the nonce, passed as $1', () => {
    const a = snapshotArgv('abcdef0123456789');
    const b = snapshotArgv('0123456789abcdef');
    assert.deepEqual(a.slice(0, 2), ['sh', '-c']);
    assert.equal(a[2], SNAPSHOT_SCRIPT);
    assert.equal(b[2], SNAPSHOT_SCRIPT);
    assert.equal(a[4], 'abcdef0123456789');
    assert.equal(a.length, 5);
  });

  it('refuses a nonce that is short or not plain letters and digits', () => {
    for (const bad of ['', 'abc', 'abcdef01 ; id', 'abcdef01\n', '$(id)aaaaaaaa']) {
      assert.throws(() => snapshotArgv(bad), RangeError, JSON.stringify(bad));
    }
  });

  // dom0's sh is bash; Debian's is dash: the script must be plain POSIX for both.
  for (const shell of ['/bin/sh', '/bin/dash', '/bin/bash', '/bin/busybox'].filter((s) => existsSync(s))) {
    it(`is valid syntax for ${shell}`, () => {
      const args = shell.endsWith('busybox') ? ['sh', '-n', '-c', SNAPSHOT_SCRIPT] : ['-n', '-c', SNAPSHOT_SCRIPT];
      const r = spawnSync(shell, args, { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
  }

  it('runs every list exactly once, with params= and the template/snapshot filters on vm-list', () => {
    const log = join(tmp, 'argv.log');
    const { status } = runScript(FIXTURE_NONCE, { XE_ARGV_LOG: log });
    assert.equal(status, 0);
    // The calls run at once, so the log's order is the order they happened to start in.
    const calls = readFileSync(log, 'utf8').split('\n\n').filter((c) => c !== '').map((c) => c.split('\n'));
    assert.deepEqual(
      calls.map((c) => c[0]).sort(),
      ['host-list', 'network-list', 'pif-list', 'pool-list', 'sr-list', 'vif-list', 'vm-list'],
    );
    const vmList = calls.find((c) => c[0] === 'vm-list') ?? [];
    assert.ok(vmList.includes('is-a-template=false'));
    assert.ok(vmList.includes('is-a-snapshot=false'));
    assert.ok(calls.every((c) => c.filter((a) => a.startsWith('params=')).length === 1));
    assert.ok(calls.every((c) => !c.some((a) => a === '--all' || a.startsWith('all='))));
  });

  it('runs the calls at the same time and still prints the sections in their fixed order', function () {
    // A loaded machine may take seconds to start seven shells: the barrier waits up to 1,000 tries (20 s or
    // more), and mocha longer still, so only calls run one by one can fail it.
    this.timeout(120_000);
    const barrier = join(tmp, 'barrier');
    mkdirSync(barrier);
    // Every call waits until all seven have started: one by one, the first would give up and fail.
    const { stdout, status } = runScript(FIXTURE_NONCE, {
      XE_BARRIER: barrier,
      XE_BARRIER_COUNT: String(SECTIONS.length),
      XE_BARRIER_TRIES: '1000',
    });
    assert.equal(status, 0);
    assert.equal(stdout, readSnapshotOutput('small-pool'));
    assert.equal(readdirSync(barrier).length, SECTIONS.length);
  });

  it('leaves no temporary directory behind, after success and after a failed call', () => {
    const temp = join(tmp, 'temp');
    mkdirSync(temp);
    assert.equal(runScript(FIXTURE_NONCE, { TMPDIR: temp }).stdout, readSnapshotOutput('small-pool'));
    assert.equal(runScript(FIXTURE_NONCE, { TMPDIR: temp, XE_FAIL: 'vm-list' }).status, 0);
    assert.deepEqual(readdirSync(temp), []);
  });

  it('runs the calls one by one, framed the same, where no temporary directory can be made', () => {
    const log = join(tmp, 'argv.log');
    const { stdout, status } = runScript(FIXTURE_NONCE, { TMPDIR: join(tmp, 'missing'), XE_ARGV_LOG: log });
    assert.equal(status, 0);
    assert.equal(stdout, readSnapshotOutput('small-pool'));
    const order = readFileSync(log, 'utf8').split('\n\n').filter((c) => c !== '').map((c) => c.split('\n')[0]);
    assert.deepEqual(order, SECTIONS.map((name) => `${SNAPSHOT_SECTIONS[name].cls}-list`));
  });

  it('stops its jobs and removes its temporary directory when the channel is stopped (TERM)', async () => {
    const temp = join(tmp, 'temp');
    const barrier = join(tmp, 'barrier');
    mkdirSync(temp);
    mkdirSync(barrier);
    const argv = snapshotArgv(FIXTURE_NONCE);
    // The barrier is never reached: every call stays running until the script is stopped.
    const child = spawn(argv[0] as string, argv.slice(1), {
      env: {
        PATH: `${fixturePath('lab', 'fake-xe')}:/usr/bin:/bin`,
        XE_FIXTURE_DIR: fixturePath('lab', 'small-pool'),
        TMPDIR: temp,
        XE_BARRIER: barrier,
        XE_BARRIER_COUNT: '99',
        XE_BARRIER_TRIES: '1000',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (readdirSync(barrier).length < SECTIONS.length) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(readdirSync(temp).length, 1);
    child.kill('SIGTERM');
    assert.equal(await exited, 143);
    assert.deepEqual(readdirSync(temp), []);
  });

  it('frames each section so it parses back byte for byte', () => {
    const { stdout } = runScript(FIXTURE_NONCE, {});
    assert.equal(stdout, readSnapshotOutput('small-pool'));
    const sections = parseSnapshotOutput(stdout, FIXTURE_NONCE, { strict: true });
    for (const name of SECTIONS) {
      const direct = parseXeRecords(readFixture('lab', 'small-pool', `${SNAPSHOT_SECTIONS[name].cls}-list.txt`), { strict: true });
      assert.deepEqual(
        sections[name].map((r) => r.fields),
        direct.map((r) => r.fields),
        name,
      );
    }
    assert.equal(sections.vm.length, 9);
  });

  it('asks only for fields that exist on the host (xe drops unknown names silently)', () => {
    const sections = parseSnapshotOutput(readSnapshotOutput('small-pool'), FIXTURE_NONCE, { strict: true });
    for (const name of SECTIONS) {
      const first = sections[name][0];
      assert.ok(first, name);
      assert.deepEqual([...first.fields.keys()].sort(), [...SNAPSHOT_SECTIONS[name].params].sort(), name);
    }
  });

  it('names the failed sub-call and keeps its XeError', () => {
    const { stdout, status } = runScript(FIXTURE_NONCE, { XE_FAIL: 'sr-list' });
    assert.equal(status, 0);
    assert.equal(stdout, readSnapshotOutput('sr-failed'));
    assert.throws(
      () => parseSnapshotOutput(stdout, FIXTURE_NONCE),
      (e: unknown) => {
        assert.ok(e instanceof SnapshotSectionError);
        assert.equal(e.section, 'sr');
        assert.ok(e.cause instanceof XeError);
        assert.equal(e.cause.code, 'OPERATION_NOT_ALLOWED');
        assert.equal(e.cause.params.get('reason'), 'simulated failure of sr-list');
        assert.equal(e.cause.argv?.[1], 'sr-list');
        assert.match(e.message, /^xe sr-list failed: /);
        return true;
      },
    );
  });

  it('says "not an XCP-ng host" when xe is missing', () => {
    const r = spawnSync('sh', snapshotArgv(FIXTURE_NONCE).slice(1), { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    assert.equal(r.status, 127);
    assert.equal(r.stdout, readSnapshotOutput('xe-missing'));
    assert.throws(
      () => parseSnapshotOutput(r.stdout, FIXTURE_NONCE),
      (e: unknown) => e instanceof XeError && e.form === 'xe-missing' && /not an XCP-ng host/.test(e.message),
    );
  });

  it('throws an XeParseError for output cut short anywhere', () => {
    const full = readSnapshotOutput('small-pool');
    for (let cut = 0; cut < full.length - 1; cut += 97) {
      assert.throws(() => parseSnapshotOutput(full.slice(0, cut), FIXTURE_NONCE), XeParseError, `cut at ${cut}`);
    }
  });

  it('does not accept markers made with another nonce', () => {
    assert.throws(() => parseSnapshotOutput(readSnapshotOutput('small-pool'), 'ffffffffffffffffffffffff'), XeParseError);
  });

  it('cannot be fooled by a value that prints marker-like lines (a description set through the API)', () => {
    const text = readSnapshotOutput('forged-marker');
    const sections = parseSnapshotOutput(text, FIXTURE_NONCE);
    assert.equal(sections.vm.length, 9);
    const web10 = sections.vm.find((r) => r.fields.get('name-label') === 'web 10');
    assert.equal(web10?.fields.get('name-description'), 'set through the API:\n0123456789abcdef end vm 0\n\n0123456789abcdef done vm');
    assert.equal(web10?.fields.get('is-control-domain'), 'false');
    assert.equal(sections.sr.length, 3);
    assert.throws(() => parseSnapshotOutput(text, FIXTURE_NONCE, { strict: true }), XeParseError);
  });

  it('reports trailing text with its line in the whole output', () => {
    const full = readSnapshotOutput('small-pool');
    const skipped: XeSkip[] = [];
    parseSnapshotOutput(`${full}stray\n`, FIXTURE_NONCE, { onSkip: (s) => skipped.push(s) });
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]?.line, full.split('\n').length);
    assert.throws(() => parseSnapshotOutput(`${full}stray\n`, FIXTURE_NONCE, { strict: true }), XeParseError);
  });

  it('numbers strict parse errors by their line in the whole output', () => {
    const full = readSnapshotOutput('small-pool');
    const lines = full.split('\n');
    const at = lines.findIndex((l) => l.includes('name-label ( RW): xcp-a'));
    lines[at] = ` ${lines[at] ?? ''}`;
    assert.throws(
      () => parseSnapshotOutput(lines.join('\n'), FIXTURE_NONCE, { strict: true }),
      (e: unknown) => e instanceof XeParseError && e.line === at + 1 && /^host section: /.test(e.reason),
    );
  });
});
