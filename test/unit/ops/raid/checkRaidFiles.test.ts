import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkRaidFiles } from '../../../../src/core/ops/raid/checkRaidFiles';
import { lintFixturePath } from '../../lint/raid/raidFixtures';

const read = (...parts: string[]): string => fs.readFileSync(lintFixturePath(...parts), 'utf8');
const examineScan = read('raid-generate', 'examine-scan.txt');
const mdstat = read('raid-generate', 'mdstat-after-create.txt');
const mdadmConf = read('raid-roots', 'seed', 'etc', 'mdadm.conf');
const dracutConf = read('raid-roots', 'seed', 'etc', 'dracut.conf.d', 'dracut_mdraid.conf');
const codes = (files: Parameters<typeof checkRaidFiles>[0]): string[] => checkRaidFiles(files).problems.map((p) => `${p.path}:${p.code}`);

describe('checkRaidFiles (after an upgrade)', () => {
  it('passes the guide\'s two files against the guide\'s scan and mdstat', () => {
    assert.deepEqual(checkRaidFiles({ mdadmConf, dracutConf, examineScan, mdstat }), { problems: [], missing: [] });
  });

  it('reports the drop-in an upgrade did not keep, as the guide saw on 8.2', () => {
    const report = checkRaidFiles({ mdadmConf, examineScan, mdstat });
    assert.deepEqual(report.missing, ['/etc/dracut.conf.d/dracut_mdraid.conf']);
    assert.deepEqual(codes({ mdadmConf, examineScan, mdstat }), ['/etc/dracut.conf.d/dracut_mdraid.conf:missing']);
  });

  it('without mdadm.conf, still checks the drop-in\'s UUIDs against what the superblocks report', () => {
    const typo = dracutConf.replace('rd.md.uuid=53461f34:2414371e:820f9514:008b6458', 'rd.md.uuid=53461f34:2414371e:820f9514:008b6459');
    assert.deepEqual(codes({ dracutConf: typo, examineScan, mdstat }), ['/etc/mdadm.conf:missing', '/etc/dracut.conf.d/dracut_mdraid.conf:dracut/md-uuid-unknown', '/etc/dracut.conf.d/dracut_mdraid.conf:dracut/md-uuid-missing']);
  });

  it('finds an array the scan reports but mdadm.conf forgot, and the drop-in that follows mdadm.conf', () => {
    const withMd1 = `${examineScan}ARRAY /dev/md/1  metadata=1.2 UUID=0a0b0c0d:01020304:05060708:090a0b0c name=XCP-ng:1\n`;
    const problems = checkRaidFiles({ mdadmConf, dracutConf, examineScan: withMd1, mdstat }).problems;
    assert.deepEqual(problems.map((p) => p.code), ['scan']);
    assert.match(problems[0]?.message ?? '', /\/dev\/md\/1 \(UUID 0a0b0c0d:01020304:05060708:090a0b0c\), which no ARRAY line declares/);
  });

  it('finds an ARRAY whose UUID no superblock has, and a DEVICE line missing a member drive', () => {
    const stale = mdadmConf.replace('DEVICE /dev/sda /dev/sdb /dev/sdc /dev/sdd /dev/sde', 'DEVICE /dev/sda /dev/sdb /dev/sdc /dev/sdd').replace('008b6458', '008b6459');
    const found = codes({ mdadmConf: stale, dracutConf, examineScan, mdstat });
    assert.ok(found.includes('/etc/mdadm.conf:scan'), found.join(', '));
    assert.ok(found.includes('/etc/mdadm.conf:mdadm/device-coverage'), found.join(', '));
    assert.ok(found.includes('/etc/dracut.conf.d/dracut_mdraid.conf:dracut/md-uuid-unknown'), found.join(', '));
  });
});
