import * as assert from 'node:assert/strict';
import { fieldsOf, keyLabel } from '../../sim/xe/fieldSpecs';
import { listScenarios, loadScenario } from '../../sim/state/loadScenario';
import type { Dom0State, EfiVariable, MapValue, SimRecord, SimState } from '../../sim/state/simState';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function guests(state: SimState): SimRecord[] {
  return state.vms.filter((v) => v['is-control-domain'] !== 'true' && v['is-a-template'] !== 'true');
}

function byName(state: SimState, name: string): SimRecord {
  const vm = state.vms.find((v) => v['name-label'] === name);
  assert.ok(vm, name);
  return vm;
}

describe('lab simulator scenarios', () => {
  it('lists the scenarios of the issue', () => {
    for (const s of ['small-lab', 'ha-on', 'disabled-host', 'pool-82', 'pool-83', 'large-pool']) assert.ok(listScenarios().includes(s), s);
  });

  for (const name of listScenarios().filter((s) => s !== 'large-pool')) {
    it(`${name}: well-formed, unique UUIDs, one dom0 row per host, references resolve`, () => {
      const { state } = loadScenario(name);
      const all = [state.pool, ...state.hosts, ...state.vms, ...state.vifs, ...state.networks, ...state.pifs, ...state.srs];
      for (const r of all) assert.match(r.uuid, UUID);
      assert.equal(new Set(all.map((r) => r.uuid)).size, all.length);
      for (const h of state.hosts) {
        const dom0 = state.vms.filter((v) => v['is-control-domain'] === 'true' && v['resident-on'] === h.uuid);
        assert.equal(dom0.length, 1, String(h['name-label']));
        assert.equal(dom0[0]?.['name-label'], `Control domain on host: ${String(h['hostname'])}`);
      }
      const hostIds = new Set(state.hosts.map((h) => h.uuid));
      for (const v of state.vms) if (v['resident-on']) assert.ok(hostIds.has(String(v['resident-on'])), String(v['name-label']));
      for (const v of state.vms) if (v['power-state'] === 'running') assert.ok(v['resident-on'], `${String(v['name-label'])} runs somewhere`);
      assert.ok(hostIds.has(String(state.pool['master'])));
    });
  }

  it('small-lab: 3 hosts, 12 guests, pfSense with VIFs, nested XCP-ng, Secure Boot Windows, all power states', () => {
    const { state, files } = loadScenario('small-lab');
    assert.equal(state.hosts.length, 3);
    assert.equal(guests(state).length, 12);
    const pfsense = byName(state, 'pfSense');
    assert.ok(state.vifs.filter((v) => v['vm-uuid'] === pfsense.uuid).length >= 2);
    assert.equal((byName(state, 'XCP-ng 8.3 (nested)')['platform'] as MapValue)['nested-virt'], 'true');
    const win = byName(state, 'Windows Server 2022');
    assert.equal((win['HVM-boot-params'] as MapValue)['firmware'], 'uefi');
    assert.equal((win['platform'] as MapValue)['secureboot'], 'true');
    assert.deepEqual((win['_nvram'] as EfiVariable[]).map((v) => v.name).filter((n) => ['PK', 'KEK', 'db', 'dbx'].includes(n)), ['PK', 'KEK', 'db', 'dbx']);
    assert.deepEqual([...new Set(guests(state).map((v) => v['power-state']))].sort(), ['halted', 'running', 'suspended']);
    assert.equal(state.hosts[0]?.['memory-total'], 64 * 1024 ** 3, 'memory in bytes');
    assert.match(files['/etc/mdadm.conf'] ?? '', /^ARRAY \/dev\/md0 /m);
    assert.equal((state.hosts[0]?.['_dom0'] as Dom0State).md.arrays.length, 2);
  });

  it('pool-82 and pool-83 differ in product_version and in the nested-virt platform key', () => {
    const v82 = loadScenario('pool-82').state;
    const v83 = loadScenario('pool-83').state;
    assert.equal((v82.hosts[0]?.['software-version'] as MapValue)['product_version'], '8.2.1');
    assert.equal((v83.hosts[0]?.['software-version'] as MapValue)['product_version'], '8.3.0');
    assert.equal((byName(v82, 'XCP-ng 8.3 (nested)')['platform'] as MapValue)['exp-nested-hvm'], 'true');
    assert.equal((byName(v82, 'XCP-ng 8.3 (nested)')['platform'] as MapValue)['nested-virt'], undefined);
  });

  it('ha-on and disabled-host change only what they say', () => {
    const ha = loadScenario('ha-on').state;
    assert.equal(ha.pool['ha-enabled'], 'true');
    assert.equal(byName(ha, 'db01')['ha-restart-priority'], 'restart');
    const dis = loadScenario('disabled-host').state;
    const h3 = dis.hosts.find((h) => h['name-label'] === 'xcp-ng-lab3');
    assert.equal(h3?.['enabled'], 'false');
    assert.equal((h3?.['other-config'] as MapValue)['MAINTENANCE_MODE'], 'true');
    assert.equal(guests(dis).filter((v) => v['resident-on'] === h3?.uuid).length, 0);
  });

  it('large-pool is generated with 1,000 guests', () => {
    const { state } = loadScenario('large-pool');
    assert.equal(guests(state).length, 1000);
    assert.equal(new Set(state.vms.map((v) => v.uuid)).size, state.vms.length);
  });

  it('field tables match xe-cli.md §7: 97 VM fields on 8.2, and the longest keys it names', () => {
    assert.equal(fieldsOf('vm', '8.2').length, 97);
    const longest = (flavour: '8.2' | '8.3'): string => fieldsOf('vm', flavour).filter((f) => !f.hidden).map(keyLabel).reduce((a, b) => (b.length > a.length ? b : a));
    assert.equal(longest('8.2'), 'PV-drivers-up-to-date ( RO) [DEPRECATED]');
    assert.equal(longest('8.3'), 'pending-guidances-recommended ( RO)');
    const names83 = fieldsOf('vm', '8.3').map((f) => f.name);
    assert.equal(names83[names83.indexOf('actions-after-shutdown') + 1], 'actions-after-softreboot');
    assert.equal(names83[names83.indexOf('appliance') + 1], 'groups');
    assert.deepEqual(names83.slice(-4), ['pending-guidances', 'vtpms', 'pending-guidances-recommended', 'pending-guidances-full']);
  });
});
