import assert from 'node:assert/strict';
import { compareNatural, sortByNatural } from '../../../src/core/lab/compareNatural';

describe('compareNatural', () => {
  it('orders numbers inside names by value', () => {
    assert.deepEqual(['vm10', 'vm2', 'vm1', 'vm 20', 'vm 3'].sort(compareNatural), ['vm 3', 'vm 20', 'vm1', 'vm2', 'vm10']);
  });

  it('puts names that differ only in case next to each other', () => {
    assert.deepEqual(['beta', 'Alpha', 'alpha2', 'Beta1'].sort(compareNatural), ['Alpha', 'alpha2', 'beta', 'Beta1']);
  });

  it('breaks ties by uuid so equal names keep a stable order', () => {
    const items = [
      { uuid: 'b', name: 'web' },
      { uuid: 'a', name: 'web' },
      { uuid: 'c', name: 'app' },
    ];
    assert.deepEqual(
      sortByNatural(items, (i) => i.name).map((i) => i.uuid),
      ['c', 'a', 'b'],
    );
  });
});
