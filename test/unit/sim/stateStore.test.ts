import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareSimDir, simLibDir } from '../../sim/prepareSimDir';
import type { SimPaths } from '../../sim/state/simPaths';
import type { SimState } from '../../sim/state/simState';

function runAsync(cmd: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env['XE_SIM_DELAY_MS'];
    spawn(cmd, args, { stdio: 'ignore', env }).on('exit', resolve);
  });
}

describe('lab simulator state file and launchers', function () {
  this.timeout(60_000);
  let work: string;
  let paths: SimPaths;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-sim-store-'));
    paths = prepareSimDir(path.join(work, 'srv'), 'small-lab');
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('loses no update when concurrent xe calls read-modify-write the state', async () => {
    const state = JSON.parse(fs.readFileSync(paths.stateFile, 'utf8')) as SimState;
    const pool = state.pool.uuid;
    const keys = Array.from({ length: 16 }, (_, i) => `k${i}`);
    const codes = await Promise.all(keys.map((k) => runAsync(path.join(paths.bin, 'xe'), ['pool-param-set', `uuid=${pool}`, `other-config:${k}=${k}`])));
    assert.deepEqual(codes, keys.map(() => 0));
    const after = JSON.parse(fs.readFileSync(paths.stateFile, 'utf8')) as SimState;
    const oc = after.pool['other-config'] as Record<string, string>;
    for (const k of keys) assert.equal(oc[k], k);
    assert.equal(fs.existsSync(paths.lockFile), false, 'the lock is released');
    assert.deepEqual(fs.readdirSync(paths.varDir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('logs every call, one JSON array per line', () => {
    const lines = fs.readFileSync(paths.argvLogFile, 'utf8').split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 16);
    for (const l of lines) assert.equal((JSON.parse(l) as string[])[0], 'xe');
  });

  it('says clearly when the compiled stand-in is missing', () => {
    const text = fs.readFileSync(path.join(paths.bin, 'xe'), 'utf8');
    const missing = path.join(work, 'no-such-out', 'xe.js');
    const broken = path.join(work, 'xe-broken');
    fs.writeFileSync(broken, text.split(path.join(simLibDir(paths.dir), 'bin', 'xe.js')).join(missing), { mode: 0o755 });
    const r = spawnSync(broken, ['vm-list'], { encoding: 'utf8' });
    assert.equal(r.status, 127);
    assert.match(r.stderr, /missing; run 'npm run compile-tests' first/);
  });
});
