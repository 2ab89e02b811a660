import assert from 'node:assert/strict';
import { diffSnapshots } from '../../../src/core/lab/diffSnapshots';
import type { LabSnapshot, Vm } from '../../../src/core/lab/labModel';
import { loadSnapshot } from './snapshotFixtures';

function withVm(snapshot: LabSnapshot, name: string, change: (vm: Vm) => Vm): LabSnapshot {
  return { ...snapshot, vms: snapshot.vms.map((v) => (v.name === name ? change(v) : v)) };
}

describe('diffSnapshots', () => {
  const before = loadSnapshot('small-pool');

  it('finds nothing between two reads of the same pool', () => {
    assert.deepEqual(diffSnapshots(before, loadSnapshot('small-pool')), []);
  });

  it('names the fields of a VM that changed', () => {
    const web2 = before.vms.find((v) => v.name === 'web 2');
    assert.ok(web2);
    const after = withVm(before, 'web 2', (v) => ({
      ...v,
      powerState: 'running',
      residentOn: before.hosts[0]?.uuid ?? null,
      memory: { ...v.memory, actual: 2 * 1024 ** 3 },
    }));
    assert.deepEqual(diffSnapshots(before, after), [{ type: 'changed', kind: 'vms', uuid: web2.uuid, fields: ['powerState', 'residentOn', 'memory'] }]);
  });

  it('sees a change inside a map (a VIF gaining ethtool-tx=off)', () => {
    const vif = before.vifs.find((v) => !v.otherConfig.has('ethtool-tx'));
    assert.ok(vif);
    const after = {
      ...before,
      vifs: before.vifs.map((v) => (v === vif ? { ...v, otherConfig: new Map([['ethtool-tx', 'off']]) } : v)),
    };
    assert.deepEqual(diffSnapshots(before, after), [{ type: 'changed', kind: 'vifs', uuid: vif.uuid, fields: ['otherConfig'] }]);
  });

  it('sees a change inside a list (tags) and reports added and removed objects', () => {
    const router = before.vms.find((v) => v.name.startsWith('router'));
    const web1 = before.vms.find((v) => v.name === 'web 1');
    assert.ok(router && web1);
    const added: Vm = { ...web1, uuid: '0f0f0f0f-0000-4000-8000-000000000001', name: 'web 3' };
    const after: LabSnapshot = {
      ...before,
      vms: [...before.vms.filter((v) => v !== router).map((v) => (v === web1 ? { ...v, tags: ['web'] } : v)), added],
    };
    assert.deepEqual(diffSnapshots(before, after), [
      { type: 'removed', kind: 'vms', uuid: router.uuid },
      { type: 'changed', kind: 'vms', uuid: web1.uuid, fields: ['tags'] },
      { type: 'added', kind: 'vms', uuid: added.uuid },
    ]);
  });

  it('reports host and pool changes with their kind', () => {
    const b = before.hosts.find((h) => h.name === 'xcp-b');
    assert.ok(b);
    const after: LabSnapshot = {
      ...before,
      pool: { ...before.pool, haEnabled: true },
      hosts: before.hosts.map((h) => (h === b ? { ...h, enabled: true, maintenanceMode: false } : h)),
    };
    assert.deepEqual(diffSnapshots(before, after), [
      { type: 'changed', kind: 'pool', uuid: before.pool.uuid, fields: ['haEnabled'] },
      { type: 'changed', kind: 'hosts', uuid: b.uuid, fields: ['enabled', 'maintenanceMode'] },
    ]);
  });

  it('treats another pool behind the same address as a removal and an addition', () => {
    const after: LabSnapshot = { ...before, pool: { ...before.pool, uuid: '0f0f0f0f-0000-4000-8000-000000000002' } };
    assert.deepEqual(diffSnapshots(before, after), [
      { type: 'removed', kind: 'pool', uuid: before.pool.uuid },
      { type: 'added', kind: 'pool', uuid: after.pool.uuid },
    ]);
  });

  it('compares Maps by content, not identity or insertion order', () => {
    const after = withVm(before, 'web 1', (v) => ({ ...v, platform: new Map([...v.platform].reverse()) }));
    assert.deepEqual(diffSnapshots(before, after), []);
  });

  it('reports every VM of a pool that went from empty to full', () => {
    const empty = loadSnapshot('empty-pool');
    const changes = diffSnapshots(empty, { ...empty, vms: before.vms });
    assert.deepEqual(
      changes.map((c) => [c.type, c.kind]),
      before.vms.map(() => ['added', 'vms']),
    );
  });
});
