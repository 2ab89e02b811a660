import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLanguage } from '../../../src/core/lint/detectLanguage';
import { languageAssociations } from '../../../src/core/lint/languageAssociations';
import { languageSupports } from '../../../src/core/lint/languageSupports';
import { repoRoot } from '../ssh/repoRoot';

interface ContributedLanguage {
  readonly id: string;
  readonly filenames?: string[];
  readonly filenamePatterns?: string[];
  readonly extensions?: string[];
  readonly firstLine?: string;
}

describe('language detection shared by the CLI and the editor', () => {
  it('equals the contributes.languages of package.json, so both agree', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { contributes: { languages: ContributedLanguage[] } };
    const contributed = manifest.contributes.languages.map((l) => ({ id: l.id, filenames: l.filenames ?? [], filenamePatterns: l.filenamePatterns ?? [], extensions: l.extensions ?? [], firstLine: l.firstLine }));
    const ours = languageAssociations.filter((a) => !a.builtIn).map((a) => ({ id: a.languageId, filenames: [...(a.filenames ?? [])], filenamePatterns: [...(a.filenamePatterns ?? [])], extensions: [...(a.extensions ?? [])], firstLine: a.firstLine }));
    assert.deepEqual(contributed, ours);
  });

  it('every detected language has a linter and every linter a detection rule', () => {
    assert.deepEqual([...languageSupports.keys()].sort(), languageAssociations.map((a) => a.languageId).sort());
  });

  const cases: [string, string | undefined, string?][] = [
    ['/etc/xen/xcp-ng', 'xen-xl'],
    ['/etc/xen/auto/web01.cfg', 'xen-xl'],
    ['C:\\lab\\etc\\xen\\xcp-ng.cfg', 'xen-xl'],
    ['/etc/xen/xl.conf', undefined],
    ['/etc/xen/scripts/vif-bridge', undefined],
    ['/srv/guests/web01.xl', 'xen-xl'],
    ['/srv/guests/web01.XLCFG', 'xen-xl'],
    ['/srv/guests/xcp-ng', 'xen-xl', "name = 'xcp-ng'"],
    ['/srv/guests/notes', undefined, 'some notes'],
    ['/srv/guests/xcp-ng.cfg', undefined, "name = 'xcp-ng'"],
    ['/vms/XCP-ng/XCP-ng.vmx', 'vmx'],
    ['/etc/modprobe.d/kvm.conf', 'modprobe'],
    ['/etc/modprobe.d/kvm-nested', 'modprobe'],
    ['/etc/modprobe.conf', 'modprobe'],
    ['/etc/mdadm.conf', 'mdadm-conf'],
    ['/etc/mdadm/mdadm.conf', 'mdadm-conf'],
    ['/etc/dracut.conf.d/dracut_mdraid.conf', 'dracut-conf'],
    ['/lab/New-Lab.ps1', 'powershell'],
    ['/lab/readme.md', undefined],
  ];
  for (const [file, expected, firstLine] of cases) {
    it(`${file}${firstLine ? ` (first line ${JSON.stringify(firstLine)})` : ''} -> ${expected ?? 'nothing'}`, () => {
      assert.equal(detectLanguage(file, firstLine), expected);
    });
  }

  it("the xl grammar colours as known exactly the analyzer's keys", async () => {
    const { xlKeys } = await import('../../../src/core/lint/xl/xlKeys');
    const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'syntaxes', 'xen-xl.tmLanguage.json'), 'utf8')) as { repository: { statement: { patterns: { match: string }[] } } };
    const known = /^\^\\s\*\((.*)\)\\s\*\(\\\+\?=\)$/.exec(grammar.repository.statement.patterns[1]?.match ?? '')?.[1];
    assert.ok(known, 'the known-key pattern');
    assert.deepEqual(known.split('|').map((k) => k.replace(/\\/g, '')).sort(), [...xlKeys.keys()].sort());
  });
});
