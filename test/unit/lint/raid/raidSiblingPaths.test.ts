import * as assert from 'node:assert/strict';
import { dracutConfSupport } from '../../../../src/core/lint/dracut/dracutConfSupport';
import { mdadmConfSupport } from '../../../../src/core/lint/mdadm/mdadmConfSupport';
import { dracutMdraidPath } from '../../../../src/core/lint/raid/raidSiblingPaths';
import { mdDeviceKey, toNumberedMdName } from '../../../../src/core/lint/raid/mdDeviceKey';
import { formatMdadmUuid, parseDracutMdUuid, parseMdadmUuid } from '../../../../src/core/lint/raid/mdUuid';
import { parseMdstat } from '../../../../src/core/lint/raid/parseMdstat';

describe('RAID sibling paths', () => {
  it('pairs a drop-in with <root>/etc/mdadm.conf, then the Debian location', () => {
    assert.deepEqual(dracutConfSupport.siblingPaths?.('/lab/etc/dracut.conf.d/dracut_mdraid.conf'), ['/lab/etc/mdadm.conf', '/lab/etc/mdadm/mdadm.conf']);
    assert.deepEqual(dracutConfSupport.siblingPaths?.('/etc/dracut.conf'), ['/etc/mdadm.conf', '/etc/mdadm/mdadm.conf']);
    assert.deepEqual(dracutConfSupport.siblingPaths?.('/lab/usr/lib/dracut/dracut.conf.d/01-dist.conf'), ['/lab/etc/mdadm.conf', '/lab/etc/mdadm/mdadm.conf']);
  });

  it('keeps Windows separators, so the keys match what the caller reads', () => {
    assert.deepEqual(dracutConfSupport.siblingPaths?.('C:\\lab\\etc\\dracut.conf.d\\md.conf'), ['C:\\lab\\etc\\mdadm.conf', 'C:\\lab\\etc\\mdadm\\mdadm.conf']);
  });

  it('pairs mdadm.conf with <root>/proc/mdstat, and nothing for fragments or files outside etc', () => {
    assert.deepEqual(mdadmConfSupport.siblingPaths?.('/lab/etc/mdadm.conf'), ['/lab/proc/mdstat']);
    assert.deepEqual(mdadmConfSupport.siblingPaths?.('/lab/etc/mdadm/mdadm.conf'), ['/lab/proc/mdstat']);
    assert.deepEqual(mdadmConfSupport.siblingPaths?.('/lab/etc/mdadm.conf.d/10-extra.conf'), []);
    assert.deepEqual(mdadmConfSupport.siblingPaths?.('/home/me/notes/mdadm.conf'), []);
    assert.deepEqual(dracutConfSupport.siblingPaths?.('/home/me/notes.conf'), []);
  });
});

describe('dracutMdraidPath', () => {
  it('puts the generated drop-in where it pairs back with the mdadm.conf it came from', () => {
    for (const mdadmConf of ['/lab/etc/mdadm.conf', '/lab/etc/mdadm/mdadm.conf', '/home/me/raid/mdadm.conf']) {
      const dropIn = dracutMdraidPath(mdadmConf);
      assert.ok(dracutConfSupport.siblingPaths?.(dropIn).includes(mdadmConf), `${dropIn} pairs with ${mdadmConf}`);
    }
    assert.equal(dracutMdraidPath('/lab/etc/mdadm.conf'), '/lab/etc/dracut.conf.d/dracut_mdraid.conf');
    assert.equal(dracutMdraidPath('/lab/etc/mdadm/mdadm.conf'), '/lab/etc/dracut.conf.d/dracut_mdraid.conf');
  });
});

describe('md names and UUIDs', () => {
  it('compares device names the way mdadm does', () => {
    assert.deepEqual(['/dev/md0', '/dev/md/0', 'md0', '0', '/dev/md/root', '/dev/md_d0'].map(mdDeviceKey), ['0', '0', '0', '0', 'root', 'md_d0']);
    assert.equal(toNumberedMdName('/dev/md/127'), '/dev/md127');
    assert.equal(toNumberedMdName('/dev/md/data'), '/dev/md/data');
  });

  it('reads UUIDs with each tool\'s separators', () => {
    assert.equal(parseMdadmUuid('53461F34.2414371E 820f9514-008b6458'), '53461f342414371e820f9514008b6458');
    assert.equal(parseMdadmUuid('53461f34:2414371e:820f9514:008b645'), undefined);
    // The layouts mdadm prints (and 32 digits in a row) are read part by part; every other one digit by digit.
    assert.equal(parseMdadmUuid('53461F34:2414371E:820F9514:008B6458'), '53461f342414371e820f9514008b6458');
    assert.equal(parseMdadmUuid('53461f342414371e820f9514008b6458'), '53461f342414371e820f9514008b6458');
    assert.equal(parseMdadmUuid('ffffffff-ffffffff-ffffffff-ffffffff'), 'ffffffffffffffffffffffffffffffff');
    assert.equal(parseMdadmUuid('5346:1f342414371e:820f9514:008b6458'), '53461f342414371e820f9514008b6458');
    assert.equal(parseMdadmUuid('53461f34:24143:71e820f9514:008b6458'), '53461f342414371e820f9514008b6458');
    assert.equal(parseMdadmUuid('53461f34:2414371e:820f9514:008b645g'), undefined);
    assert.equal(parseMdadmUuid('53461f34:2414371e:820f9514:008b6458:'), '53461f342414371e820f9514008b6458');
    assert.equal(parseMdadmUuid('53461f34:2414371e:820f9514:008b6458a'), undefined);
    assert.equal(parseMdadmUuid('53461f34x2414371e:820f9514:008b6458'), undefined);
    assert.equal(parseMdadmUuid('53461f342414371e820f9514008b645\u00e9'), undefined);
    assert.equal(parseMdadmUuid('53461f34:2414371e:820f9514:008b6458'.replace('2', '\u0132')), undefined);
    assert.equal(parseDracutMdUuid('53461f34.2414371e.820f9514.008b6458'), undefined);
    assert.equal(parseDracutMdUuid('53461F34-2414371E:820F9514008B6458'), '53461F342414371E820F9514008B6458');
    assert.equal(formatMdadmUuid('53461F342414371E820F9514008B6458'), '53461f34:2414371e:820f9514:008b6458');
  });

  it('reads array members from /proc/mdstat, flags and roles removed', () => {
    const text = 'Personalities : [raid1]\nmd127 : active raid1 sdb1[1](F) nvme0n1p2[0]\n      976762432 blocks super 1.0 [2/1] [U_]\n\nmd1 : inactive sdc[2](S)\nunused devices: <none>\n';
    assert.deepEqual(parseMdstat(text).map(({ name, members }) => ({ name, members })), [
      { name: 'md127', members: ['sdb1', 'nvme0n1p2'] },
      { name: 'md1', members: ['sdc'] },
    ]);
  });
});
