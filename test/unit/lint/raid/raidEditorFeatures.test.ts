import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { dracutConfSupport } from '../../../../src/core/lint/dracut/dracutConfSupport';
import { mdadmConfSupport } from '../../../../src/core/lint/mdadm/mdadmConfSupport';
import { lintFixturePath } from './raidFixtures';

const mdadmConf = fs.readFileSync(lintFixturePath('raid-roots', 'seed', 'etc', 'mdadm.conf'), 'utf8');
const dropIn = fs.readFileSync(lintFixturePath('raid-roots', 'seed', 'etc', 'dracut.conf.d', 'dracut_mdraid.conf'), 'utf8');

describe('mdadm.conf hovers, completion and outline', () => {
  it('explains a keyword, with the guide\'s use of it', () => {
    const hover = mdadmConfSupport.hover?.(mdadmConf, { line: 2, character: 2 });
    assert.match(hover?.markdown ?? '', /^\*\*DEVICE\*\*/);
    assert.match(hover?.markdown ?? '', /RAID guide/);
    assert.deepEqual(hover?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
  });

  it('says which keyword an abbreviation means', () => {
    assert.match(mdadmConfSupport.hover?.('pro /usr/sbin/handler\n', { line: 0, character: 1 })?.markdown ?? '', /PROGRAM.*written `pro`/);
  });

  it('explains an ARRAY tag and shows how the UUID reads', () => {
    const uuidColumn = (mdadmConf.split('\n')[3] ?? '').indexOf('UUID=') + 2;
    const markdown = mdadmConfSupport.hover?.(mdadmConf, { line: 3, character: uuidColumn })?.markdown ?? '';
    assert.match(markdown, /\*\*uuid=\*\*/);
    assert.match(markdown, /Reads as `53461f34:2414371e:820f9514:008b6458`/);
  });

  it('has no hover on a comment or an unknown keyword', () => {
    assert.equal(mdadmConfSupport.hover?.('# ARRAY\nARRYA x\n', { line: 0, character: 3 }), undefined);
    assert.equal(mdadmConfSupport.hover?.('# ARRAY\nARRYA x\n', { line: 1, character: 1 }), undefined);
  });

  it('completes keywords at the start of a line, tags on ARRAY lines, and tag values', () => {
    const labels = (text: string, line: number, character: number): string[] => (mdadmConfSupport.complete?.(text, { line, character }) ?? []).map((c) => c.label);
    assert.ok(labels('AR', 0, 2).includes('ARRAY'));
    assert.ok(labels('ARRAY /dev/md0 ', 0, 15).includes('uuid='));
    assert.ok(labels('ARRAY /dev/md0\n  ', 1, 2).includes('metadata='));
    assert.deepEqual(labels('ARRAY /dev/md0 metadata=', 0, 24).slice(0, 2), ['1.2', '1.0']);
    assert.ok(labels('AUTO ', 0, 5).includes('+all'));
    assert.ok(labels('DEVICE ', 0, 7).includes('partitions'));
  });

  it('lists the arrays in the outline under their device names', () => {
    const symbols = mdadmConfSupport.symbols?.(mdadmConf) ?? [];
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [
      ['AUTO', 'key'],
      ['MAILADDR', 'key'],
      ['DEVICE', 'key'],
      ['/dev/md0', 'array'],
      ['/dev/md127', 'array'],
    ]);
    assert.equal(symbols[3]?.detail, '53461f34:2414371e:820f9514:008b6458');
  });
});

describe('dracut config hovers, completion and outline', () => {
  it('explains a setting by its name, with the guide\'s use of it', () => {
    const hover = dracutConfSupport.hover?.(dropIn, { line: 0, character: 3 });
    assert.match(hover?.markdown ?? '', /^\*\*mdadmconf\*\*/);
    assert.match(hover?.markdown ?? '', /Exactly `yes` or `no`/);
    assert.deepEqual(hover?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
  });

  it('explains md tokens inside kernel_cmdline', () => {
    const line = dropIn.split('\n').findIndex((l) => l.includes('rd.md.uuid'));
    const markdown = dracutConfSupport.hover?.(dropIn, { line, character: 22 })?.markdown ?? '';
    assert.match(markdown, /only\*\* the listed arrays/);
  });

  it('completes settings as whole assignments with the right spacing, and values inside them', () => {
    const entries = dracutConfSupport.complete?.('add_dr', { line: 0, character: 6 }) ?? [];
    assert.equal(entries.find((e) => e.label === 'add_drivers')?.insertText, 'add_drivers+=" $1 "');
    assert.equal(entries.find((e) => e.label === 'mdadmconf')?.insertText, 'mdadmconf="${1|yes,no|}"');
    const values = (dracutConfSupport.complete?.('kernel_cmdline+=" rd', { line: 0, character: 20 }) ?? []).map((e) => e.label);
    assert.ok(values.includes('rd.md.uuid='));
    assert.deepEqual((dracutConfSupport.complete?.('use_fstab="', { line: 0, character: 11 }) ?? []).map((e) => e.label), ['yes', 'no']);
  });

  it('lists every assignment in the outline', () => {
    const symbols = dracutConfSupport.symbols?.(dropIn) ?? [];
    assert.equal(symbols.length, 11);
    assert.deepEqual([symbols[0]?.name, symbols[4]?.name, symbols[4]?.detail], ['mdadmconf=', 'add_device+=', '/dev/md0']);
  });
});
