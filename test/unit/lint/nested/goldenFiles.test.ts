import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../ssh/repoRoot';
import { codesAt, lintFixture } from './lintFixture';

/** Realistic files with every finding listed, in order, in `<file>.expected` (one `rule@line` per line). */
const golden: readonly [string, string][] = [
  ['xl/seed-nested-xcp-ng.xl', 'xen-xl'],
  ['vmx/workstation-xcp-ng.vmx', 'vmx'],
  ['modprobe/etc/modprobe.d/kvm.conf', 'modprobe'],
  ['hyperv/five-steps.ps1', 'powershell'],
  ['hyperv/pasted-from-web.ps1', 'powershell'],
];

describe('nested-lab golden files', () => {
  for (const [file, languageId] of golden) {
    it(`${file} reports exactly its .expected findings`, () => {
      const full = path.join(repoRoot(), 'test', 'fixtures', 'lint', file);
      const expected = fs.readFileSync(`${full}.expected`, 'utf8').split('\n').filter((l) => l !== '');
      assert.deepEqual(codesAt(lintFixture(full, languageId)), expected);
    });
  }

  it("the guide's own xl example: `serial` set twice, a placeholder MAC, old disk syntax", () => {
    const full = path.join(repoRoot(), 'test', 'fixtures', 'lint', 'xl', 'seed-nested-xcp-ng.xl');
    const findings = lintFixture(full, 'xen-xl');
    const duplicate = findings.find((f) => f.code === 'xl/duplicate-key');
    assert.match(duplicate?.message ?? '', /`serial` is already set on line 12/);
    const mac = findings.find((f) => f.code === 'xl/vif-mac');
    assert.equal(mac?.severity, 'error');
    assert.match(mac?.message ?? '', /placeholder/);
    // The fix offers a MAC in Xen's 00:16:3e range, the same one every time for the same config.
    assert.match(mac?.fixes?.[0]?.edits[0]?.newText ?? '', /^00:16:3e(:[0-7][0-9a-f])(:[0-9a-f]{2}){2}$/);
    assert.deepEqual(mac?.fixes, lintFixture(full, 'xen-xl').find((f) => f.code === 'xl/vif-mac')?.fixes);
  });
});
