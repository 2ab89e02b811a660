import assert from 'node:assert/strict';
import { buildSnapshot, guestIps, toHostVersion } from '../../../src/core/lab/buildSnapshot';
import { parseSnapshotOutput, type SnapshotRecords } from '../../../src/core/lab/snapshotQuery';
import type { XeRecord } from '../../../src/core/xe/parseXeRecords';
import { XeParseError, type XeSkip } from '../../../src/core/xe/xeParseError';
import { FIXTURE_NONCE, loadSnapshot, named, readSnapshotOutput } from './snapshotFixtures';

const GiB = 1024 ** 3;

describe('buildSnapshot', () => {
  const snap = loadSnapshot('small-pool');
  const vm = (name: string) => named(snap.vms, name);

  it('reads the pool with its master, default SR, HA flag and autostart flag', () => {
    assert.equal(snap.pool.name, 'Lab pool');
    assert.equal(snap.pool.masterUuid, snap.hosts.find((h) => h.name === 'xcp-a')?.uuid);
    assert.equal(snap.pool.defaultSrUuid, snap.srs.find((s) => s.name === 'NFS VM store')?.uuid);
    assert.equal(snap.pool.haEnabled, false);
    assert.equal(snap.pool.autoPowerOn, true);
  });

  it('reads hosts: master, enabled, maintenance, memory, version 8.2 vs 8.3, tags', () => {
    const [a, b] = snap.hosts;
    assert.equal(a?.name, 'xcp-a');
    assert.equal(a?.isMaster, true);
    assert.equal(a?.enabled, true);
    assert.equal(a?.maintenanceMode, false);
    assert.equal(a?.memoryTotal, 128 * GiB);
    assert.equal(a?.memoryFree, 96 * GiB);
    assert.deepEqual(a?.version, { product: '8.3.0', major: 8, minor: 3, release: '8.3', xapi: '24.19' });
    assert.deepEqual(a?.tags, ['rack 1', 'lab']);
    assert.equal(b?.name, 'xcp-b');
    assert.equal(b?.isMaster, false);
    assert.equal(b?.enabled, false);
    assert.equal(b?.maintenanceMode, true);
    assert.equal(b?.version.release, '8.2');
    assert.equal(b?.address, '192.168.10.12');
  });

  it('keeps control domains apart from guest VMs', () => {
    assert.equal(snap.vms.length, 7);
    assert.equal(snap.controlDomains.length, 2);
    assert.ok(snap.vms.every((v) => !v.name.startsWith('Control domain')));
    const dom0a = snap.controlDomains[0];
    assert.equal(dom0a?.name, 'Control domain on host: xcp-a');
    assert.equal(dom0a?.hostUuid, snap.hosts[0]?.uuid);
    assert.equal(snap.hosts[0]?.controlDomainUuid, dom0a?.uuid);
    assert.equal(dom0a?.memory.staticMax, 4 * GiB);
  });

  it('sorts VMs by name in natural order (web 2 before web 10)', () => {
    assert.deepEqual(
      snap.vms.map((v) => v.name),
      ['debug-paused', 'nested xcp-ng', 'router (pfSense)', 'web 1', 'web 2', 'web 10', 'Windows 11 (lab)'],
    );
  });

  it('reads the four power states, and no host for halted and suspended VMs', () => {
    assert.equal(vm('web 1').powerState, 'running');
    assert.equal(vm('web 2').powerState, 'halted');
    assert.equal(vm('Windows 11 (lab)').powerState, 'suspended');
    assert.equal(vm('debug-paused').powerState, 'paused');
    assert.equal(vm('web 1').residentOn, snap.hosts[0]?.uuid);
    assert.equal(vm('web 2').residentOn, null);
    assert.equal(vm('Windows 11 (lab)').residentOn, null);
    assert.equal(vm('web 2').affinity, snap.hosts[0]?.uuid);
  });

  it('reads memory and vCPUs, with null metrics for halted VMs', () => {
    assert.deepEqual(vm('web 1').memory, { staticMin: 512 * 1024 ** 2, staticMax: 2 * GiB, dynamicMin: 2 * GiB, dynamicMax: 2 * GiB, actual: 2 * GiB });
    assert.equal(vm('web 2').memory.actual, null);
    assert.deepEqual(vm('Windows 11 (lab)').vcpus, { max: 4, atStartup: 4, current: null });
  });

  it('reads the maps the guides use: platform, HVM-boot-params, other-config, os-version', () => {
    const nested = vm('nested xcp-ng');
    assert.equal(nested.platform.get('exp-nested-hvm'), 'true');
    assert.equal(nested.platform.get('nic_type'), 'e1000');
    const win = vm('Windows 11 (lab)');
    assert.equal(win.hvmBootParams.get('firmware'), 'uefi');
    assert.equal(win.platform.get('secureboot'), 'true');
    assert.equal(win.osVersion?.get('name'), 'Microsoft Windows 11 Pro|C:\\Windows|\\Device\\Harddisk0\\Partition3');
    assert.equal(vm('web 2').osVersion, null);
    assert.equal(vm('web 1').autoPowerOn, true);
    assert.equal(vm('web 2').autoPowerOn, false);
    assert.deepEqual(vm('web 1').tags, ['web', 'prod']);
    assert.equal(vm('web 1').domainType, 'hvm');
  });

  it('lists guest addresses, IPv4 first, without repeats', () => {
    assert.deepEqual(vm('router (pfSense)').ips, ['203.0.113.7', '10.0.0.1', '2001:db8::1', 'fe80::1']);
    assert.deepEqual(vm('web 2').ips, []);
  });

  it('reads allowed operations for preflight checks', () => {
    assert.ok(vm('web 1').allowedOperations.includes('clean_shutdown'));
    assert.ok(!vm('web 2').allowedOperations.includes('clean_shutdown'));
    assert.ok(vm('web 2').allowedOperations.includes('start'));
    assert.deepEqual(vm('web 1').currentOperations, []);
  });

  it('reads VIFs with their ethtool-tx setting, networks, PIFs and SRs', () => {
    const router = vm('router (pfSense)');
    const vifs = snap.vifs.filter((v) => v.vmUuid === router.uuid);
    assert.deepEqual(
      vifs.map((v) => [v.device, v.otherConfig.get('ethtool-tx') ?? null, v.mtu]),
      [
        ['0', 'off', 1500],
        ['1', null, 1504],
      ],
    );
    const trunk = snap.networks.find((n) => n.name === 'trunk');
    assert.equal(trunk?.mtu, 1504);
    assert.deepEqual(trunk?.vifUuids, [vifs[1]?.uuid]);
    const mgmt = snap.pifs.filter((p) => p.management);
    assert.equal(mgmt.length, 2);
    assert.ok(mgmt.every((p) => p.networkUuid === snap.networks.find((n) => n.bridge === 'xenbr0')?.uuid));
    const vlan = snap.pifs.find((p) => p.vlan === 20);
    assert.equal(vlan?.physical, false);
    assert.equal(snap.pifs.find((p) => p.ip === '192.168.10.11')?.vlan, -1);
    const iso = snap.srs.find((s) => s.type === 'udev');
    assert.equal(iso?.physicalSize, -1);
    assert.equal(iso?.hostName, null);
    assert.equal(snap.srs.find((s) => s.type === 'lvm')?.hostName, 'xcp-a');
    assert.equal(snap.srs.find((s) => s.type === 'nfs')?.shared, true);
  });

  it('reads a pool with no guest VM', () => {
    const empty = loadSnapshot('empty-pool');
    assert.deepEqual(empty.vms, []);
    assert.deepEqual(empty.vifs, []);
    assert.equal(empty.controlDomains.length, 1);
    assert.equal(empty.hosts.length, 1);
  });

  describe('odd input', () => {
    const sections = (): SnapshotRecords => parseSnapshotOutput(readSnapshotOutput('small-pool'), FIXTURE_NONCE, { strict: true });
    const without = (record: XeRecord, field: string): XeRecord => {
      const fields = new Map(record.fields);
      fields.delete(field);
      return { fields, line: record.line };
    };

    it('throws when pool-list gave no pool', () => {
      assert.throws(() => buildSnapshot({ ...sections(), pool: [] }), XeParseError);
    });

    it('lenient: a missing field is reported and defaulted, the rest of the pool still loads', () => {
      const s = sections();
      const [first, ...rest] = s.vm;
      assert.ok(first);
      const skipped: XeSkip[] = [];
      const snapshot = buildSnapshot({ ...s, vm: [without(first, 'power-state'), ...rest] }, { onSkip: (x) => skipped.push(x) });
      assert.equal(snapshot.vms.length, 7);
      assert.equal(snapshot.vms.find((v) => v.uuid === first.fields.get('uuid'))?.powerState, 'unknown');
      assert.equal(skipped.length, 1);
      assert.match(skipped[0]?.reason ?? '', /power-state/);
    });

    it('strict: a missing field throws, naming the object', () => {
      const s = sections();
      const [first, ...rest] = s.host;
      assert.ok(first);
      assert.throws(
        () => buildSnapshot({ ...s, host: [without(first, 'enabled'), ...rest] }, { strict: true }),
        (e: unknown) => e instanceof XeParseError && e.message.includes(`host ${first.fields.get('uuid') ?? ''}`) && /enabled/.test(e.message),
      );
    });

    it('lenient: an undecodable number is reported and read as unknown', () => {
      const s = sections();
      const [first, ...rest] = s.host;
      assert.ok(first);
      const fields = new Map(first.fields);
      fields.set('memory-total', 'lots');
      const skipped: XeSkip[] = [];
      const snapshot = buildSnapshot({ ...s, host: [{ fields, line: first.line }, ...rest] }, { onSkip: (x) => skipped.push(x) });
      assert.equal(snapshot.hosts.find((h) => h.uuid === first.fields.get('uuid'))?.memoryTotal, null);
      assert.equal(skipped.length, 1);
    });
  });
});

describe('toHostVersion', () => {
  it('tells 8.2 from 8.3 and keeps other releases apart', () => {
    assert.equal(toHostVersion(new Map([['product_version', '8.2.1']])).release, '8.2');
    assert.equal(toHostVersion(new Map([['product_version', '8.3.0']])).release, '8.3');
    assert.equal(toHostVersion(new Map([['product_version', '8.1.0']])).release, 'other');
    assert.equal(toHostVersion(new Map([['product_version', '8.30.0']])).release, 'other');
    assert.deepEqual(toHostVersion(new Map()), { product: null, major: null, minor: null, release: 'other', xapi: null });
  });
});

describe('guestIps', () => {
  it('orders devices numerically and skips empty values', () => {
    const networks = new Map([
      ['10/ipv4/0', '10.0.10.1'],
      ['2/ipv4/0', '10.0.2.1'],
      ['2/ipv6/0', ''],
      ['2/ip', '10.0.2.1'],
    ]);
    assert.deepEqual(guestIps(networks), ['10.0.2.1', '10.0.10.1']);
  });
});
