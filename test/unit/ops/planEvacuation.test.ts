import * as assert from 'node:assert/strict';
import type { LabSnapshot } from '../../../src/core/lab/labModel';
import { planEvacuation, residentGuests } from '../../../src/core/ops/planEvacuation';
import { loadSnapshot } from '../lab/snapshotFixtures';

const GiB = 2 ** 30;

describe('planEvacuation (small-pool fixture)', () => {
  let snapshot: LabSnapshot;
  before(() => {
    snapshot = loadSnapshot('small-pool');
  });
  const hostUuid = (name: string): string => snapshot.hosts.find((h) => h.name === name)?.uuid ?? 'missing';
  const withHosts = (patch: (name: string) => { enabled?: boolean; memoryFree?: number }): LabSnapshot => ({
    ...snapshot,
    hosts: snapshot.hosts.map((h) => ({ ...h, ...patch(h.name) })),
  });

  it('counts running and paused guests as residents, never dom0', () => {
    const names = residentGuests(snapshot, hostUuid('xcp-a')).map((v) => v.name).sort();
    assert.deepEqual(names, ['debug-paused', 'nested xcp-ng', 'router (pfSense)', 'web 1']);
  });

  it('lists every VM as stuck when no other host is enabled (the fixture\'s xcp-b is disabled)', () => {
    const plan = planEvacuation(snapshot, hostUuid('xcp-a'));
    assert.equal(plan.moves.length, 0);
    assert.equal(plan.stuck.length, 4);
    assert.ok(plan.stuck.every((s) => s.reason === 'no other enabled host in the pool'));
  });

  it('moves everything to the other host when it is enabled with room', () => {
    const plan = planEvacuation(withHosts((n) => (n === 'xcp-b' ? { enabled: true, memoryFree: 64 * GiB } : {})), hostUuid('xcp-a'));
    assert.deepEqual(plan.stuck, []);
    assert.equal(plan.moves.length, 4);
    assert.ok(plan.moves.every((m) => m.to.name === 'xcp-b'));
  });

  it('leaves a VM stuck when it fits nowhere, and says how much memory it needs', () => {
    const plan = planEvacuation(withHosts((n) => (n === 'xcp-b' ? { enabled: true, memoryFree: 1 } : {})), hostUuid('xcp-a'));
    assert.equal(plan.moves.length, 0);
    assert.ok(plan.stuck.every((s) => /^no enabled host has \d+ MiB free$/.test(s.reason)), JSON.stringify(plan.stuck.map((s) => s.reason)));
  });
});
