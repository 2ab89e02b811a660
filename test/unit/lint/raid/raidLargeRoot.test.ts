import * as assert from 'node:assert/strict';
import { dracutConfSupport } from '../../../../src/core/lint/dracut/dracutConfSupport';
import { lintText } from '../../../../src/core/lint/lintText';

/** A root with thousands of arrays, as a generated or corrupted mdadm.conf may have. */
const ARRAYS = 3000;

const uuidOf = (i: number): string => [i, i * 7, i * 13, i * 31].map((n) => (0x10000000 + n).toString(16)).join(':');

function mdadmConf(): string {
  const lines = ['DEVICE partitions'];
  for (let i = 0; i < ARRAYS; i++) lines.push(`ARRAY /dev/md${i} metadata=1.2 UUID=${uuidOf(i)}`);
  return `${lines.join('\n')}\n`;
}

describe('RAID cross-file checks on a root with thousands of arrays', () => {
  const fileName = '/lab/etc/dracut.conf.d/dracut_mdraid.conf';
  const siblings = new Map([['/lab/etc/mdadm.conf', mdadmConf()]]);

  it('names a few arrays and counts the rest, and offers a bounded list of fixes', () => {
    // One listed array (so every other is "missing"), and add_device lines naming arrays mdadm.conf lacks.
    const dropIn = [`kernel_cmdline+=" rd.md.uuid=${uuidOf(0)} "`, ...Array.from({ length: 500 }, (_, i) => `add_device+=" /dev/md${ARRAYS + i} "`)].join('\n');
    const findings = lintText(dracutConfSupport, `${dropIn}\n`, { fileName, siblings });
    const missing = findings.filter((f) => f.code === 'dracut/md-uuid-missing');
    assert.equal(missing.length, 1);
    const message = (missing[0] as (typeof findings)[number]).message;
    assert.match(message, /also has \/dev\/md1 \(10000001:10000007:1000000d:1000001f\), .*\/dev\/md10 \(.*\) and 2989 more\. Add them/);
    const fixes = (missing[0] as (typeof findings)[number]).fixes ?? [];
    assert.equal(fixes.length, 11);
    assert.equal(fixes[0]?.title, 'Add every missing rd.md.uuid from mdadm.conf');
    assert.equal(fixes[0]?.edits[0]?.newText.match(/rd\.md\.uuid=/g)?.length, ARRAYS - 1, 'the fix for all of them still adds all of them');
    const unknown = findings.filter((f) => f.code === 'dracut/add-device-unknown');
    assert.equal(unknown.length, 500);
    for (const f of unknown) assert.match(f.message, /\(declared: \/dev\/md0, \/dev\/md1, .*, \/dev\/md9 and 2990 more\)/);
  });

  it('still suggests the array a mistyped rd.md.uuid meant, for each of hundreds of typos', () => {
    const typo = (i: number): string => uuidOf(i).replace(/^1/, '2');
    const dropIn = Array.from({ length: 400 }, (_, i) => `kernel_cmdline+=" rd.md.uuid=${typo(i * 7)} "`).join('\n');
    const unknown = lintText(dracutConfSupport, `${dropIn}\n`, { fileName, siblings }).filter((f) => f.code === 'dracut/md-uuid-unknown');
    assert.equal(unknown.length, 400);
    unknown.forEach((f, i) => assert.equal(f.fixes?.[0]?.edits[0]?.newText, uuidOf(i * 7), f.message));
  });
});
