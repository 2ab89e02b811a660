import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeDracutConf } from '../../../../src/core/lint/dracut/analyzeDracutConf';
import { generateDracutMdraid } from '../../../../src/core/lint/dracut/generateDracutMdraid';
import { analyzeMdadmConf } from '../../../../src/core/lint/mdadm/analyzeMdadmConf';
import { generateMdadmConf } from '../../../../src/core/lint/mdadm/generateMdadmConf';
import { lintFixturePath } from './raidFixtures';

const read = (...parts: string[]): string => fs.readFileSync(lintFixturePath(...parts), 'utf8');
const seedMdadm = read('raid-roots', 'seed', 'etc', 'mdadm.conf');
const seedDropIn = read('raid-roots', 'seed', 'etc', 'dracut.conf.d', 'dracut_mdraid.conf');

/** Lints a generated pair the way the editor would see it at `/lab/etc/...`. */
function lintPair(mdadmConf: string, dropIn: string, mdstat?: string): string[] {
  const siblings = new Map([['/lab/etc/mdadm.conf', mdadmConf]]);
  if (mdstat !== undefined) siblings.set('/lab/proc/mdstat', mdstat);
  return [
    ...analyzeMdadmConf(mdadmConf, { fileName: '/lab/etc/mdadm.conf', siblings }),
    ...analyzeDracutConf(dropIn, { fileName: '/lab/etc/dracut.conf.d/dracut_mdraid.conf', siblings }),
  ].map((f) => `${f.code}@${f.range.start.line + 1}: ${f.message}`);
}

describe('generateMdadmConf', () => {
  it('turns the guide\'s mdadm --examine --scan and mdstat into the guide\'s mdadm.conf, byte for byte', () => {
    const generated = generateMdadmConf({ examineScan: read('raid-generate', 'examine-scan.txt'), mdstat: read('raid-generate', 'mdstat-after-create.txt') });
    assert.equal(generated, seedMdadm);
  });

  it('takes the members of --verbose devices= lines onto the DEVICE line, in natural order, and keeps named and container arrays', () => {
    const generated = generateMdadmConf({ examineScan: read('raid-generate', 'examine-scan-verbose.txt'), devices: ['/dev/sda'] });
    assert.equal(
      generated,
      [
        'AUTO +all',
        'MAILADDR root',
        'DEVICE /dev/nvme0n1p1 /dev/nvme1n1p1 /dev/sda /dev/sdb1 /dev/sdc1 /dev/sdd1',
        'ARRAY /dev/md10  level=raid1 metadata=1.2 num-devices=2 UUID=5a5e7a38:1f2b4c8d:9e0fa1b2:c3d4e5f6',
        'ARRAY /dev/md/data  level=raid5 metadata=1.2 num-devices=3 UUID=00112233:44556677:8899aabb:ccddeeff',
        'ARRAY metadata=imsm UUID=aabbccdd:eeff0011:22334455:66778899',
        '',
      ].join('\n'),
    );
    assert.deepEqual(analyzeMdadmConf(generated, { fileName: 'mdadm.conf' }), []);
  });

  it('leaves the DEVICE line out when no member is known, so mdadm keeps scanning partitions', () => {
    const generated = generateMdadmConf({ examineScan: read('raid-generate', 'examine-scan.txt') });
    assert.doesNotMatch(generated, /^DEVICE/m);
    assert.deepEqual(analyzeMdadmConf(generated, { fileName: 'mdadm.conf' }), []);
  });
});

describe('generateDracutMdraid', () => {
  it('writes the guide\'s dracut_mdraid.conf for the guide\'s mdadm.conf, byte for byte', () => {
    assert.equal(generateDracutMdraid(seedMdadm), seedDropIn);
  });

  it('lints clean against the mdadm.conf it was made from, with the mdstat snapshot', () => {
    assert.deepEqual(lintPair(seedMdadm, generateDracutMdraid(seedMdadm), read('raid-generate', 'mdstat-after-create.txt')), []);
  });

  it('lints clean for named, examine-pasted and container arrays too', () => {
    const mdadmConf = `${read('raid-generate', 'examine-scan-verbose.txt')}ARRAY /dev/md/5 metadata=1.2 UUID=0F0E0D0C.0B0A0908.07060504.03020100 name=x:5\n`;
    const dropIn = generateDracutMdraid(mdadmConf);
    assert.match(dropIn, /^add_device\+=" \/dev\/md10 "$/m);
    assert.match(dropIn, /^add_device\+=" \/dev\/md\/data "$/m);
    assert.match(dropIn, /^add_device\+=" \/dev\/md5 "$/m);
    assert.match(dropIn, /^kernel_cmdline\+=" rd\.md\.uuid=0f0e0d0c:0b0a0908:07060504:03020100 "$/m);
    assert.equal((dropIn.match(/rd\.md\.uuid=/g) ?? []).length, 4);
    assert.deepEqual(lintPair(mdadmConf, dropIn).filter((f) => f.startsWith('dracut/')), []);
  });
});
