import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../ssh/repoRoot';

interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI bundled the way scripts/build.mjs bundles dist/cli.js, into a temp folder, once. */
let bundle: string | undefined;
async function cliBundle(): Promise<string> {
  if (bundle) return bundle;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-lint-')), 'cli.js');
  await esbuild.build({ entryPoints: [path.join(repoRoot(), 'src', 'cli', 'main.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', banner: { js: '#!/usr/bin/env node' } });
  bundle = out;
  return out;
}

const lab = path.join(repoRoot(), 'test', 'fixtures', 'cli', 'lab');

async function xcpngLint(args: readonly string[], cwd = lab): Promise<CliRun> {
  const run = spawnSync(process.execPath, [await cliBundle(), ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('xcpng-lint (the bundled CLI)', function () {
  this.timeout(30000);

  it('lints a lab folder recursively with the expected output and exit status 1', async () => {
    const run = await xcpngLint(['.']);
    assert.equal(run.stdout, fs.readFileSync(path.join(lab, '..', 'lab.expected.txt'), 'utf8'));
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  it('detects languages like the editor: skips xl.conf, hotplug scripts and notes, reads extensionless xl files by their first line', async () => {
    const files = new Set((await xcpngLint(['.'])).stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]));
    assert.deepEqual([...files].sort(), ['etc/modprobe.d/kvm-amd', 'etc/xen/xcp-ng', 'guests/xcp-ng-2', 'lab/New-NestedXcpNg.ps1', 'vms/XCP-ng/XCP-ng.vmx']);
  });

  it('--format json carries the same findings with 1-based positions', async () => {
    const text = (await xcpngLint(['.'])).stdout.split('\n').filter(Boolean);
    const run = await xcpngLint(['--format', 'json', '.']);
    const rows = JSON.parse(run.stdout) as { path: string; line: number; column: number; severity: string; rule: string; message: string; fixes: string[] }[];
    assert.deepEqual(rows.map((r) => `${r.path}:${r.line}:${r.column}: ${r.severity} ${r.rule} ${r.message}`), text);
    assert.ok(rows.find((r) => r.rule === 'xl/vif-mac')?.fixes[0]?.startsWith('Use 00:16:3e:'));
    assert.equal(run.status, 1);
  });

  it('--nested off drops the nested-profile rules; a clean file exits 0', async () => {
    const off = await xcpngLint(['--nested', 'off', 'guests/xcp-ng-2']);
    assert.equal(off.stdout, '');
    assert.equal(off.status, 0);
    const auto = await xcpngLint(['guests/xcp-ng-2']);
    assert.match(auto.stdout, /^guests\/xcp-ng-2:3:10: warning xl\/nested-memory /);
    assert.equal(auto.status, 0);
  });

  it('--language forces a language on a named file', async () => {
    const run = await xcpngLint(['--language=xen-xl', 'notes.txt']);
    assert.match(run.stdout, /^notes\.txt:1:1: error xl\/syntax /m);
    assert.equal(run.status, 1);
    const skipped = await xcpngLint(['notes.txt']);
    assert.match(skipped.stderr, /skipped notes\.txt/);
    assert.equal(skipped.status, 0);
  });

  it('usage errors exit 2', async () => {
    for (const args of [[], ['--format', 'xml', '.'], ['--nested'], ['--bogus', '.'], ['no/such/path'], ['--language', 'cobol', '.']]) {
      const run = await xcpngLint(args);
      assert.equal(run.status, 2, `xcpng-lint ${args.join(' ')}`);
      assert.ok(run.stderr.length > 0);
    }
    assert.equal((await xcpngLint(['--help'])).status, 0);
  });
});
