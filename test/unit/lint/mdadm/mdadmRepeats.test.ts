import * as assert from 'node:assert/strict';
import { analyzeMdadmConf } from '../../../../src/core/lint/mdadm/analyzeMdadmConf';

const UUID_A = 'uuid=01234567:89abcdef:01234567:89abcdef';
const UUID_B = 'uuid=fedcba98:76543210:fedcba98:76543210';
const repeats = (text: string): string[] =>
  analyzeMdadmConf(text, { fileName: '/lab/etc/mdadm.conf' })
    .filter((f) => f.code === 'mdadm/array-duplicate-uuid' || f.code === 'mdadm/array-duplicate-devname')
    .map((f) => `${f.code}@${f.range.start.line}`);

describe('mdadm.conf repeated names and UUIDs across files (the tables are reused from one analysis to the next)', () => {
  it('forgets the names and UUIDs of the file analysed before, large or small', () => {
    const large = Array.from({ length: 3000 }, (_, i) => `ARRAY /dev/md${i} ${i === 7 ? UUID_A : `uuid=${i.toString(16).padStart(32, '0')}`}`).join('\n');
    assert.deepEqual(repeats(large), []);
    assert.deepEqual(repeats(`ARRAY /dev/md7 ${UUID_A}\nARRAY /dev/md/x ${UUID_B}\n`), []);
    assert.deepEqual(repeats(`ARRAY /dev/md/x ${UUID_B}\nARRAY /dev/md7 ${UUID_A}\nARRAY /dev/md/7 ${UUID_A}\nARRAY /dev/md/x ${UUID_B}\n`), [
      'mdadm/array-duplicate-devname@2',
      'mdadm/array-duplicate-uuid@2',
      'mdadm/array-duplicate-devname@3',
      'mdadm/array-duplicate-uuid@3',
    ]);
    assert.deepEqual(repeats(large), []);
  });
});
