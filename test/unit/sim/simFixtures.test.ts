import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readArgvLog } from '../../sim/argvLog';
import { prepareSimDir, writeLaunchers } from '../../sim/prepareSimDir';
import { hostPath, simPaths, type SimPaths } from '../../sim/state/simPaths';
import { repoRoot } from '../../sim/repoRoot';
import { loadSimFixtureCases, type SimFixtureCase } from './simFixtureCase';

const root = repoRoot();
const fixtureDir = path.join(root, 'test', 'fixtures', 'sim');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-sim-unit-'));
const templates = new Map<string, string>();

function scenarioArg(name: string): string {
  const file = path.join(fixtureDir, 'scenarios', `${name}.yaml`);
  return fs.existsSync(file) ? file : name;
}

/** A fresh server directory per case, copied from one prepared per scenario (key generation is slow). */
function freshDir(scenario: string, caseName: string): SimPaths {
  let template = templates.get(scenario);
  if (!template) {
    template = path.join(work, `template-${scenario}`);
    prepareSimDir(template, scenarioArg(scenario));
    templates.set(scenario, template);
  }
  const dir = path.join(work, caseName);
  fs.cpSync(template, dir, { recursive: true, verbatimSymlinks: true });
  const paths = simPaths(dir);
  writeLaunchers(paths);
  return paths;
}

function toolPath(paths: SimPaths, tool: string): string {
  return tool === 'xen-cmdline' ? path.join(paths.root, 'opt', 'xensource', 'libexec', 'xen-cmdline') : path.join(paths.bin, tool);
}

function run(paths: SimPaths, tool: string, argv: string[]): { stdout: string; stderr: string; code: number | null } {
  const env = { ...process.env };
  delete env['XE_SIM_DELAY_MS'];
  const r = spawnSync(toolPath(paths, tool), argv, { encoding: 'utf8', env, cwd: paths.dir });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

function check(c: SimFixtureCase): void {
  const paths = freshDir(c.scenario, c.name);
  for (const step of c.setup) {
    const r = run(paths, step.tool, step.argv);
    assert.equal(r.code, step.exit, `setup ${JSON.stringify(step)}: ${r.stderr}`);
  }
  const r = run(paths, c.tool, c.argv);
  assert.equal(r.stdout, c.stdout, 'stdout');
  assert.equal(r.stderr, c.stderr, 'stderr');
  assert.equal(r.code, c.exit, 'exit code');
  assert.deepEqual(readArgvLog(paths.argvLogFile).at(-1), [c.tool, ...c.argv], 'argv log');
  if (c.file) assert.equal(fs.readFileSync(hostPath(paths, c.file.path), 'utf8'), c.file.content, c.file.path);
}

describe('lab simulator stand-ins against byte-exact fixtures (test/fixtures/sim)', () => {
  after(function () {
    // Thousands of small state copies: slow to delete on a busy machine, never a failure of the simulator.
    this.timeout(120_000);
    fs.rmSync(work, { recursive: true, force: true });
  });

  for (const group of ['xe', 'dom0']) {
    describe(group, () => {
      for (const c of loadSimFixtureCases(path.join(fixtureDir, group))) {
        it(c.name, () => check(c));
      }
    });
  }
});
