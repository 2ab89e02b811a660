import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../ssh/repoRoot';
import { codesAt, expectedLines, lintFixture } from './lintFixture';
import { nestedLabRules, type RuleSet } from './nestedLabRules';

/** The firing and the passing fixture of a rule; modprobe/not-conf depends on the file name itself. */
function fixturePair(set: RuleSet, rule: string): { fires: string; passes: string } {
  const folder = path.join(repoRoot(), 'test', 'fixtures', 'lint', set.folder, 'rules');
  if (set.prefix === 'modprobe' && rule === 'not-conf') {
    return { fires: path.join(folder, 'etc', 'modprobe.d', 'kvm-nested'), passes: path.join(folder, 'etc', 'modprobe.d', 'kvm-nested.conf') };
  }
  return { fires: path.join(folder, `${rule}.fires.${set.extension}`), passes: path.join(folder, `${rule}.passes.${set.extension}`) };
}

describe('nested-lab rules: each fires on its fixture and stays quiet on the near miss', () => {
  for (const set of nestedLabRules) {
    describe(set.prefix, () => {
      for (const rule of set.rules) {
        const code = `${set.prefix}/${rule}`;
        const { fires, passes } = fixturePair(set, rule);
        it(`${code} fires`, () => {
          const findings = lintFixture(fires, set.languageId);
          const lines = findings.filter((f) => f.code === code).map((f) => f.range.start.line + 1);
          assert.ok(lines.length > 0, `${code} expected in ${path.basename(fires)}, got ${codesAt(findings).join(', ')}`);
          const expected = expectedLines(fires).get(code);
          if (expected) assert.deepEqual(lines, expected, `${code} on the lines the fixture names`);
          for (const f of findings.filter((x) => x.code === code)) assert.ok(f.message.length > 0);
        });
        it(`${code} passes`, () => {
          const findings = lintFixture(passes, set.languageId);
          assert.deepEqual(codesAt(findings).filter((c) => c.startsWith(`${code}@`)), [], `${code} must not fire on ${path.basename(passes)}`);
        });
      }
    });
  }

  it('every rule has both fixtures on disk', () => {
    for (const set of nestedLabRules) {
      for (const rule of set.rules) {
        const { fires, passes } = fixturePair(set, rule);
        assert.ok(fs.existsSync(fires) && fs.existsSync(passes), `${set.prefix}/${rule}`);
      }
    }
  });

  it('the analyzers report exactly the rule ids of config-formats.md, and all of them', () => {
    for (const set of nestedLabRules) {
      const folder = path.join(repoRoot(), 'src', 'core', 'lint', set.prefix);
      const source = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), 'utf8')).join('\n');
      const used = new Set([...source.matchAll(new RegExp(`'(${set.prefix}/[a-z0-9-]+)'`, 'g'))].map((m) => m[1] as string));
      const listed = new Set(set.rules.map((r) => `${set.prefix}/${r}`));
      assert.deepEqual([...used].filter((c) => !listed.has(c)).sort(), [], 'codes in the source that the reference does not list');
      assert.deepEqual([...listed].filter((c) => !used.has(c)).sort(), [], 'reference rules the source never reports');
    }
  });
});
