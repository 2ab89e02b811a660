import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../../ssh/repoRoot';
import { codesAt, lintFixture } from './lintFixture';

const fixture = (...parts: string[]): string => path.join(repoRoot(), 'test', 'fixtures', 'lint', ...parts);
const nestedCodes = (codes: readonly string[]): string[] => codes.filter((c) => /\/nested-|hyperv\/(generation|dynamic-memory|memory-min|disk-size|scsi-disk|mac-spoofing|legacy-nic|expose)/.test(c));

describe('nested profile: detected from the file, or forced by the setting', () => {
  it('xl: an ordinary HVM guest gets no nested rules unless the setting forces them', () => {
    const file = fixture('xl', 'profile', 'plain-hvm.xl');
    assert.deepEqual(nestedCodes(codesAt(lintFixture(file, 'xen-xl'))), []);
    assert.deepEqual(nestedCodes(codesAt(lintFixture(file, 'xen-xl', 'on'))), ['xl/nested-not-enabled@2', 'xl/nested-memory@4', 'xl/nested-vcpus@5', 'xl/nested-viridian@6', 'xl/nested-nic-model@7']);
  });

  it('xl: a disk image named after XCP-ng turns the profile on', () => {
    const file = fixture('xl', 'profile', 'disk-named.xl');
    assert.deepEqual(codesAt(lintFixture(file, 'xen-xl')), ['xl/nested-not-enabled@2']);
    assert.deepEqual(codesAt(lintFixture(file, 'xen-xl', 'off')), []);
  });

  it('xl: `off` keeps the N rules quiet but not the rules tied to nestedhvm=1 itself', () => {
    const file = fixture('xl', 'rules', 'nested-hap.fires.xl');
    assert.deepEqual(codesAt(lintFixture(file, 'xen-xl', 'off')), ['xl/nested-hap@7']);
    assert.deepEqual(nestedCodes(codesAt(lintFixture(fixture('xl', 'seed-nested-xcp-ng.xl'), 'xen-xl', 'off'))), []);
  });

  it('vmx: a plain VM is left alone in auto and checked when forced', () => {
    const file = fixture('vmx', 'profile', 'plain.vmx');
    assert.deepEqual(codesAt(lintFixture(file, 'vmx')), []);
    assert.deepEqual(codesAt(lintFixture(file, 'vmx', 'on')), ['vmx/nested-cpuid-v0@4', 'vmx/nested-vhv@4', 'vmx/nested-memsize@6', 'vmx/nested-vcpus@7', 'vmx/nested-pvscsi@9', 'vmx/nested-nopromisc@10']);
  });

  it('hyperv: a web server script is left alone in auto and checked when forced', () => {
    const file = fixture('hyperv', 'profile', 'web-server.ps1');
    assert.deepEqual(codesAt(lintFixture(file, 'powershell')), []);
    assert.deepEqual(codesAt(lintFixture(file, 'powershell', 'on')), [
      'hyperv/expose-missing@2',
      'hyperv/generation@2',
      'hyperv/memory-min@2',
      'hyperv/disk-size@2',
      'hyperv/dynamic-memory@3',
      'hyperv/scsi-disk@4',
      'hyperv/mac-spoofing-off@5',
    ]);
  });
});

