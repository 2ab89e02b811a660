import * as assert from 'node:assert/strict';
import type { Vm } from '../../../src/core/lab/labModel';
import { vmResources } from '../../../src/core/lab/vmResources';
import { loadSnapshot, named } from './snapshotFixtures';

describe('vmResources', () => {
  const snapshot = loadSnapshot('small-pool');
  const vm = (name: string): Vm => named(snapshot.vms, name);

  it('shows what a running VM uses', () => {
    assert.deepEqual(vmResources(vm('nested xcp-ng')), { memory: '8 GiB (in use 8 GiB)', vcpus: '4' });
  });

  it('shows what a halted VM starts with, not the zeros xapi leaves in its metrics', () => {
    const halted = vm('web 2');
    assert.deepEqual(vmResources(halted), { memory: '2 GiB', vcpus: '2' });
    const zeroed: Vm = { ...halted, memory: { ...halted.memory, actual: 0 }, vcpus: { ...halted.vcpus, current: 0 } };
    assert.deepEqual(vmResources(zeroed), { memory: '2 GiB', vcpus: '2' });
  });

  it('says it does not know rather than inventing a count', () => {
    const halted = vm('web 2');
    assert.deepEqual(vmResources({ ...halted, vcpus: { max: null, atStartup: null, current: null } }).vcpus, '?');
  });
});
