import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLanguage } from '../../../../src/core/lint/detectLanguage';
import { dracutConfSupport } from '../../../../src/core/lint/dracut/dracutConfSupport';
import type { Finding } from '../../../../src/core/lint/finding';
import type { LanguageSupport } from '../../../../src/core/lint/languageSupport';
import { mdadmConfSupport } from '../../../../src/core/lint/mdadm/mdadmConfSupport';
import { expectedFindings, filesUnder, findingKeys, lintFixture, lintFixturePath } from './raidFixtures';

/** config-formats.md §2.3 and §3.3, copied here so the analyzers are checked against the spec, not against themselves. */
const SPEC_SEVERITIES: Record<string, Finding['severity']> = {
  'mdadm/crlf': 'error',
  'mdadm/unknown-keyword': 'error',
  'mdadm/device-word': 'error',
  'mdadm/array-bad-uuid': 'error',
  'mdadm/array-unknown-tag': 'error',
  'mdadm/array-no-identity': 'error',
  'mdadm/array-duplicate-tag': 'warning',
  'mdadm/array-devname-twice': 'warning',
  'mdadm/array-duplicate-devname': 'error',
  'mdadm/array-duplicate-uuid': 'error',
  'mdadm/array-metadata': 'error',
  'mdadm/array-name-tag': 'info',
  'mdadm/devices-not-covered': 'error',
  'mdadm/device-coverage': 'error',
  'mdadm/mailaddr-multiple': 'warning',
  'mdadm/keyword-repeated': 'warning',
  'mdadm/auto-word': 'warning',
  'mdadm/create-word': 'error',
  'dracut/crlf': 'error',
  'dracut/assign-spaces': 'error',
  'dracut/unquoted-multiword': 'error',
  'dracut/unterminated-quote': 'error',
  'dracut/plus-equals-spacing': 'warning',
  'dracut/array-syntax': 'warning',
  'dracut/plain-assign-list': 'warning',
  'dracut/unknown-key': 'warning',
  'dracut/yes-no': 'error',
  'dracut/ko-suffix': 'error',
  'dracut/md-uuid-format': 'error',
  'dracut/md-uuid-case': 'error',
  'dracut/md-uuid-unknown': 'error',
  'dracut/md-uuid-missing': 'warning',
  'dracut/mdadmconf-missing': 'warning',
  'dracut/add-device-unknown': 'warning',
};

const supports: Record<string, LanguageSupport> = { 'mdadm-conf': mdadmConfSupport, 'dracut-conf': dracutConfSupport };

interface FixtureCase {
  readonly file: string;
  readonly support: LanguageSupport;
}

/** Single-file fixtures: the folder says the language, since their names are not real config paths. */
function singleFileCases(): FixtureCase[] {
  return (['mdadm', 'dracut'] as const).flatMap((format) =>
    filesUnder(lintFixturePath(format)).map((file) => ({ file, support: format === 'mdadm' ? mdadmConfSupport : dracutConfSupport })),
  );
}

/** Root fixtures mirror a host's file system; every file the editor would lint is a case. */
function rootCases(): FixtureCase[] {
  return filesUnder(lintFixturePath('raid-roots')).flatMap((file) => {
    const languageId = detectLanguage(file);
    const support = languageId === undefined ? undefined : supports[languageId];
    return support ? [{ file, support }] : [];
  });
}

function relative(file: string): string {
  return path.relative(lintFixturePath(), file);
}

describe('RAID lint rules on fixture files', () => {
  const cases = [...singleFileCases(), ...rootCases()];

  for (const { file, support } of cases) {
    it(`${relative(file)} reports exactly what its expect markers say`, () => {
      const findings = lintFixture(support, file);
      assert.deepEqual(findingKeys(findings), expectedFindings(fs.readFileSync(file, 'utf8')));
      for (const finding of findings) {
        assert.equal(finding.severity, SPEC_SEVERITIES[finding.code], `severity of ${finding.code}`);
      }
    });
  }

  it('finds every root fixture file by its path, as the editor and the CLI would', () => {
    const roots = fs.readdirSync(lintFixturePath('raid-roots'));
    const linted = new Set(rootCases().map((c) => relative(c.file).split(path.sep)[1]));
    assert.deepEqual([...linted].sort(), [...roots].sort());
  });

  it('has a firing and a clean fixture for every rule of the spec', () => {
    const fired = new Set(cases.flatMap(({ file, support }) => lintFixture(support, file).map((f) => f.code)));
    const missing: string[] = [];
    for (const rule of Object.keys(SPEC_SEVERITIES)) {
      const [format, name] = rule.split('/') as [string, string];
      if (!fired.has(rule)) missing.push(`${rule} never fires`);
      const clean = [lintFixturePath(format, 'clean', `${name}.conf`), lintFixturePath('raid-roots', `${name}-clean`)];
      if (!clean.some((p) => fs.existsSync(p))) missing.push(`${rule} has no clean fixture`);
    }
    assert.deepEqual(missing, []);
  });

  it('lints the guide\'s own mdadm.conf, dracut_mdraid.conf and mdstat without a finding', () => {
    const seed = lintFixturePath('raid-roots', 'seed');
    assert.deepEqual(lintFixture(mdadmConfSupport, path.join(seed, 'etc', 'mdadm.conf')), []);
    const dropIn = path.join(seed, 'etc', 'dracut.conf.d', 'dracut_mdraid.conf');
    assert.deepEqual(lintFixture(dracutConfSupport, dropIn), []);
    assert.match(fs.readFileSync(dropIn, 'utf8'), /rd\.md\.uuid=53461f34:2414371e:820f9514:008b6458/);
  });
});
