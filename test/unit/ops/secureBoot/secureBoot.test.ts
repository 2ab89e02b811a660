import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Vm } from '../../../../src/core/lab/labModel';
import { NvramCache } from '../../../../src/core/ops/secureBoot/nvramCache';
import { hostsOutOfStep, parseSecurebootReport } from '../../../../src/core/ops/secureBoot/parseSecurebootReport';
import { parseVarstoreLs, type VmNvram } from '../../../../src/core/ops/secureBoot/parseVarstoreLs';
import { DEFAULT_CERTIFICATES, installCertificatesArgv, resetCertificatesArgv, varstoreLsArgv } from '../../../../src/core/ops/secureBoot/secureBootArgv';
import { secureBootVerdict } from '../../../../src/core/ops/secureBoot/secureBootVerdict';
import { parseSimFixtureCase } from '../../sim/simFixtureCase';
import { repoRoot } from '../../ssh/repoRoot';
import { RecordingExec } from '../../xe/recordingExec';

/** The simulator's byte-exact cases, written from the varstored and uefistored tools' texts. */
function dom0Case(name: string): string {
  const file = path.join(repoRoot(), 'test/fixtures/sim/dom0', `${name}.case`);
  const parsed = parseSimFixtureCase(name, fs.readFileSync(file, 'utf8'));
  assert.equal(parsed.exit, 0, `${name} is not a success case`);
  return parsed.stdout;
}

type VmFacts = Pick<Vm, 'uuid' | 'powerState' | 'residentOn' | 'platform' | 'hvmBootParams'>;

function vm(firmware: string | undefined, secureboot: string | undefined, powerState: Vm['powerState'] = 'halted'): VmFacts {
  return {
    uuid: 'aaaaaaaa-0000-4000-8000-000000000005',
    powerState,
    residentOn: null,
    platform: new Map(secureboot === undefined ? [['viridian', 'true']] : [['secureboot', secureboot], ['viridian', 'true']]),
    hvmBootParams: new Map(firmware === undefined ? [['order', 'cd']] : [['order', 'dc'], ['firmware', firmware]]),
  };
}

describe('guest UEFI Secure Boot', () => {
  describe('secureboot-certs report', () => {
    it('reads the pool and host certificate names, skipping the hex dumps', () => {
      const report = parseSecurebootReport(dom0Case('secureboot-certs-report-after-install'));
      assert.deepEqual(report.pool, { uuid: '0c2f5a8e-1b3d-4e6f-8a9b-0c1d2e3f4a5b', certificates: ['PK', 'KEK', 'db'] });
      assert.deepEqual(
        report.hosts.map((h) => [h.uuid, h.certificates]),
        [
          ['7d3c9e21-5a4b-4c8d-9e0f-1a2b3c4d5e01', ['PK', 'KEK', 'db']],
          ['7d3c9e21-5a4b-4c8d-9e0f-1a2b3c4d5e02', ['PK', 'KEK', 'db']],
        ],
      );
      assert.deepEqual(hostsOutOfStep(report), []);
    });

    it('reads an empty report, and names a host whose certificates differ from the pool', () => {
      const empty = parseSecurebootReport(dom0Case('secureboot-certs-report-empty'));
      assert.deepEqual(empty.pool.certificates, []);
      assert.equal(empty.hosts.length, 2);
      const text = dom0Case('secureboot-certs-report-after-install');
      const lastHost = text.lastIndexOf('Certificate Info for host:');
      const skewed = text.slice(0, lastHost) + text.slice(lastHost).replace('\tCertificates (3): PK.auth, KEK.auth, db.auth', '\tCertificates (1): PK.auth');
      assert.deepEqual(hostsOutOfStep(parseSecurebootReport(skewed)).map((h) => h.uuid), ['7d3c9e21-5a4b-4c8d-9e0f-1a2b3c4d5e02']);
    });

    it('refuses text that is not a report, and a count that does not match the names', () => {
      assert.throws(() => parseSecurebootReport('usage: secureboot-certs [-h] [--verbose] {install,clear,report,extract} ...\n'), /no "Certificate Info for pool" block/);
      const text = dom0Case('secureboot-certs-report-empty').replace('Certificates (0): ', 'Certificates (2): PK.auth');
      assert.throws(() => parseSecurebootReport(text), /counts 2 certificates but names 1/);
    });
  });

  describe('varstore-ls', () => {
    it('finds PK, KEK, db and dbx under their UEFI GUIDs among the boot variables', () => {
      const nvram = parseVarstoreLs(dom0Case('varstore-ls-secureboot-vm'));
      assert.equal(nvram.variables.length, 13);
      assert.deepEqual(nvram.keys, ['PK', 'KEK', 'db', 'dbx']);
    });

    it('finds no key after varstore-sb-state setup, and none for a BIOS VM', () => {
      assert.deepEqual(parseVarstoreLs(dom0Case('varstore-sb-state-setup-then-ls')).keys, []);
      assert.deepEqual(parseVarstoreLs(dom0Case('varstore-ls-bios-vm-empty')), { variables: [], keys: [] });
    });

    it('does not count a key name under another vendor GUID, and refuses garbage lines', () => {
      const text = '605dab50-e046-4300-abb6-3dd810dd8b23 db\n8be4df61-93ca-11d2-aa0d-00e098032b8c PK\n';
      assert.deepEqual(parseVarstoreLs(text).keys, ['PK']);
      assert.throws(() => parseVarstoreLs('Failed to lookup VM\n'), /line 1 is not "<guid> <name>"/);
    });
  });

  describe('verdict', () => {
    const full = parseVarstoreLs(dom0Case('varstore-ls-secureboot-vm'));
    const wiped = parseVarstoreLs(dom0Case('varstore-sb-state-setup-then-ls'));
    const noDbx = parseVarstoreLs(dom0Case('varstore-sb-state-user-uses-pool-certs'));

    it('is enforced with the flag on and a PK in the NVRAM', () => {
      const v = secureBootVerdict(vm('uefi', 'true', 'running'), full);
      assert.equal(v.status, 'enforced');
      assert.deepEqual(v.warnings, []);
      assert.match(v.reason, /holds PK, KEK, db, dbx/);
    });

    it('is setup mode, not enforced, with the flag on but no PK: a false sense of security', () => {
      const v = secureBootVerdict(vm('uefi', 'true'), wiped, []);
      assert.equal(v.status, 'setupMode');
      assert.equal(v.label, 'setup mode (not enforced)');
      assert.match(v.reason, /false sense of security/);
      assert.match(v.reason, /pool holds no certificates either/);
      assert.match(secureBootVerdict(vm('uefi', 'true'), wiped, ['PK', 'KEK', 'db', 'dbx']).reason, /gets the pool's certificates \(PK, KEK, db, dbx\)/);
    });

    it('warns about a missing dbx while still enforcing', () => {
      const v = secureBootVerdict(vm('uefi', 'true'), noDbx);
      assert.equal(v.status, 'enforced');
      assert.equal(v.warnings.length, 1);
      assert.match(v.warnings[0] ?? '', /No dbx/);
    });

    it('takes auto as a request decided by the NVRAM, as stored', () => {
      assert.equal(secureBootVerdict(vm('uefi', 'auto'), full).status, 'enforced');
      assert.equal(secureBootVerdict(vm('uefi', 'auto'), wiped).status, 'setupMode');
      assert.equal(secureBootVerdict(vm('uefi', 'auto'), full).flag, 'auto');
    });

    it('is disabled with the flag false or absent, and suggests a reset when old keys are in the NVRAM', () => {
      const off = secureBootVerdict(vm('uefi', 'false'), full);
      assert.equal(off.status, 'disabled');
      assert.match(off.warnings[0] ?? '', /KEK, db, dbx: the guide recommends Reset Secure Boot Certificates/);
      assert.equal(secureBootVerdict(vm('uefi', undefined)).status, 'disabled');
      assert.match(secureBootVerdict(vm('uefi', undefined)).reason, /not set/);
    });

    it('does not apply to BIOS VMs, including those without a firmware key', () => {
      assert.equal(secureBootVerdict(vm('bios', 'true'), full).status, 'bios');
      assert.equal(secureBootVerdict(vm(undefined, 'false')).label, 'n/a (BIOS)');
    });

    it('says the NVRAM decides when it was not read', () => {
      const v = secureBootVerdict(vm('uefi', 'true'));
      assert.equal(v.status, 'unread');
      assert.equal(v.keys, null);
    });
  });

  describe('commands', () => {
    it('installs the defaults without arguments on 8.3 only, and spells out every other choice', () => {
      assert.deepEqual(installCertificatesArgv({ release: '8.3' }, DEFAULT_CERTIFICATES), ['secureboot-certs', 'install']);
      assert.deepEqual(installCertificatesArgv({ release: '8.2' }, DEFAULT_CERTIFICATES), ['secureboot-certs', 'install', 'default', 'default', 'default', 'latest']);
      const custom = { ...DEFAULT_CERTIFICATES, PK: { kind: 'file' as const, path: '/tmp/xcpng-lab-sb-0011/PK.auth' }, dbx: { kind: 'none' as const } };
      assert.deepEqual(installCertificatesArgv({ release: '8.3' }, custom), ['secureboot-certs', 'install', '/tmp/xcpng-lab-sb-0011/PK.auth', 'default', 'default', 'none']);
      assert.throws(() => installCertificatesArgv({ release: '8.3' }, { ...DEFAULT_CERTIFICATES, db: { kind: 'file', path: '--pk-priv' } }), /absolute/);
    });

    it('names VMs by uuid only', () => {
      assert.deepEqual(resetCertificatesArgv('aaaaaaaa-0000-4000-8000-000000000005'), ['varstore-sb-state', 'aaaaaaaa-0000-4000-8000-000000000005', 'setup']);
      assert.throws(() => varstoreLsArgv('Windows Server 2022'), /not a VM uuid/);
    });
  });

  describe('NVRAM cache', () => {
    const ls = dom0Case('varstore-ls-secureboot-vm');

    it('reads once per VM state, joins a read under way, and reads again after a change or a failure', async () => {
      let fail = false;
      const exec = new RecordingExec(() => (fail ? { code: 1, stderr: 'Failed to lookup VM\n' } : { stdout: ls }));
      const cache = new NvramCache();
      const halted = vm('uefi', 'true');
      assert.equal(cache.cached('p', halted), undefined);
      const [a, b] = await Promise.all([cache.read(exec, 'p', halted), cache.read(exec, 'p', halted)]);
      assert.equal(a, b);
      assert.deepEqual((cache.cached('p', halted) as VmNvram).keys, ['PK', 'KEK', 'db', 'dbx']);
      assert.equal(exec.calls.length, 1);
      assert.deepEqual(exec.calls[0]?.argv, ['varstore-ls', halted.uuid]);
      const started = { ...halted, powerState: 'running' as const, residentOn: 'h2' };
      assert.equal(cache.cached('p', started), undefined, 'a boot refills the NVRAM: the old read does not count');
      fail = true;
      await assert.rejects(cache.read(exec, 'p', started), /cannot read the VM's NVRAM: varstore-ls exited with 1: Failed to lookup VM/);
      fail = false;
      await cache.read(exec, 'p', started);
      assert.equal(exec.calls.length, 3);
      cache.forget('p', halted.uuid);
      assert.equal(cache.cached('p', started), undefined);
    });
  });
});
