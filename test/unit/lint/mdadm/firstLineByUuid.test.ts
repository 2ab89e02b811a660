import * as assert from 'node:assert/strict';
import { FirstLineByUuid } from '../../../../src/core/lint/mdadm/firstLineByUuid';
import { seededRandom } from '../../ssh/seededRandom';

/** `count` distinct UUIDs, some alike in three of their four numbers, so that their slots collide. */
function uuids(count: number, seed: number): Int32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 3 === 0 ? Int32Array.of(7, 7, 7, i) : Int32Array.of(random() * 0x7fffffff, random() * 0x7fffffff, i, random() * 0x7fffffff),
  );
}

describe('FirstLineByUuid: the first line of each UUID', () => {
  it('gives the line of the first of each UUID, also after growing far past what it expected', () => {
    const table = new FirstLineByUuid();
    table.restart(4);
    const all = uuids(5000, 1);
    all.forEach((uuid, line) => assert.equal(table.claim(uuid, line), -1));
    all.forEach((uuid, line) => assert.equal(table.claim(Int32Array.from(uuid), 10_000 + line), line));
  });

  it('forgets every UUID on restart, over many files, large and small', () => {
    const table = new FirstLineByUuid();
    const large = uuids(3000, 2);
    for (let file = 0; file < 50; file++) {
      const these = file % 2 === 0 ? large : large.slice(0, 3);
      table.restart(file % 2 === 0 ? 1000 : 3);
      these.forEach((uuid, line) => assert.equal(table.claim(uuid, line), -1, `file ${file}, line ${line}`));
      assert.equal(table.claim(these[2] as Int32Array, 99_999), 2);
    }
  });
});
