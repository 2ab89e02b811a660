import assert from 'node:assert/strict';
import { parseXeRecords } from '../../../src/core/xe/parseXeRecords';
import { readFixture } from './fixtures';

describe('XeFields (a record read as a Map)', () => {
  // Concatenated listings: records whose fields differ in number and order.
  const records = parseXeRecords(readFixture('xe', 'records', 'ragged-records.txt'), { strict: true });

  it('keeps each record to its own fields when the layout changes between records', () => {
    assert.deepEqual(
      records.map((r) => [...r.fields]),
      [
        [['uuid', '67073eed-f57d-56d9-8782-704cd33325ea'], ['name-label', 'one'], ['power-state', 'running']],
        [['uuid', 'ecd8d2e8-414d-548c-9d71-f21e920d27c7'], ['name-label', 'two'], ['power-state', 'halted']],
        [['uuid', '5162064e-7127-501b-b8fa-2559ff823795'], ['name-label', 'three']],
        [['uuid', 'bf0d8675-945e-5cb3-89bd-ea613fdd9ff3'], ['power-state', 'paused'], ['name-label', 'four'], ['tags', 'x, y']],
      ],
    );
    assert.equal(records[2]?.fields.get('power-state'), undefined);
    assert.equal(records[2]?.fields.has('power-state'), false);
    assert.equal(records[3]?.fields.get('name-label'), 'four');
  });

  it('offers the read-only Map interface: size, has, keys, values, entries, forEach', () => {
    const f = records[3]?.fields;
    assert.ok(f);
    assert.equal(f.size, 4);
    assert.ok(f.has('tags'));
    assert.deepEqual([...f.keys()], ['uuid', 'power-state', 'name-label', 'tags']);
    assert.deepEqual([...f.values()].slice(1), ['paused', 'four', 'x, y']);
    assert.deepEqual([...f.entries()], [...f]);
    const seen: string[] = [];
    f.forEach((value, key, map) => {
      assert.equal(map.get(key), value);
      seen.push(key);
    });
    assert.deepEqual(seen, [...f.keys()]);
    assert.deepEqual(new Map(f), new Map([...f]));
  });
});
