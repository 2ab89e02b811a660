import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseMdstat } from '../../../../src/core/lint/raid/parseMdstat';
import { mdArrayHealth } from '../../../../src/core/ops/raid/mdArrayHealth';
import { planCreateArray } from '../../../../src/core/ops/raid/planCreateArray';
import { parseKernelVersion, rebuildInitrdArgv } from '../../../../src/core/ops/raid/raidCommands';
import { backupPartition, restoreCommands } from '../../../../src/core/ops/raid/restoreFromBackup';
import { lintFixturePath } from '../../lint/raid/raidFixtures';

const mdstat = (name: string): string => fs.readFileSync(lintFixturePath(...name.split('/')), 'utf8');

describe('parseMdstat: level, slots and progress', () => {
  it('reads the guide\'s two healthy arrays with level, size and [n/m] [UU] status', () => {
    const [md0, md127] = parseMdstat(mdstat('raid-generate/mdstat-after-create.txt'));
    assert.deepEqual(
      [md0, md127].map((a) => [a?.name, a?.level, a?.active, a?.blocks, a?.raidDevices, a?.workingDevices, a?.slots, a?.members.join(' ')]),
      [
        ['md0', 'raid5', true, 1953260544, 3, 3, 'UUU', 'sde sdd sdc'],
        ['md127', 'raid1', true, 976762432, 2, 2, 'UU', 'sdb sda'],
      ],
    );
    assert.deepEqual([md0, md127].map((a) => a && mdArrayHealth(a)), [
      { kind: 'ok', summary: 'in sync [UUU]' },
      { kind: 'ok', summary: 'in sync [UU]' },
    ]);
  });

  it('reads a recovery onto a new member after a failure: failed flag, [3/2] [UU_], percent and time left', () => {
    const md0 = parseMdstat(mdstat('mdstat/recovery.txt'))[0];
    assert.ok(md0);
    assert.deepEqual(md0.devices.find((d) => d.name === 'sde'), { name: 'sde', role: 2, faulty: true, spare: false });
    assert.deepEqual(md0.progress, { action: 'recovery', percent: 8.5, finish: '82.3min', speed: '180880K/sec' });
    assert.deepEqual(mdArrayHealth(md0), { kind: 'degraded', summary: 'degraded [UU_]: sde failed; recovery 8.5%, 82.3min left' });
  });

  it('tells an inactive array (members all spares, no level) and a half mirror in auto-read-only', () => {
    const [md1, md127] = parseMdstat(mdstat('mdstat/inactive-degraded.txt'));
    assert.ok(md1 && md127);
    assert.equal(md1.active, false);
    assert.equal(md1.level, undefined);
    assert.deepEqual(md1.devices.map((d) => d.spare), [true, true, true]);
    assert.equal(mdArrayHealth(md1).kind, 'inactive');
    assert.equal(md127.readOnly, 'auto-read-only');
    assert.equal(md127.level, 'raid1');
    assert.deepEqual(mdArrayHealth(md127), { kind: 'degraded', summary: 'degraded [U_]' });
  });

  it('reads a resync under way, a delayed one, and raid0 without a status', () => {
    const [md2, md3, md4] = parseMdstat(mdstat('mdstat/resync.txt'));
    assert.ok(md2 && md3 && md4);
    assert.deepEqual(md2.progress, { action: 'resync', waiting: 'DELAYED' });
    assert.equal(mdArrayHealth(md2).summary, 'active [UU], resync delayed');
    assert.equal(mdArrayHealth(md3).summary, 'active [UU], resync 17.3%, 71.2min left');
    assert.equal(md4.raidDevices, undefined);
    assert.deepEqual(mdArrayHealth(md4), { kind: 'ok', summary: 'active' });
  });
});

describe('RAID commands', () => {
  it('builds the guide\'s dracut command from the version uname printed, as literal words', () => {
    assert.deepEqual(rebuildInitrdArgv(parseKernelVersion('4.19.0+1\n')), ['dracut', '--force', '-M', '/boot/initrd-4.19.0+1.img', '4.19.0+1']);
    for (const bad of ['', '4.19 ; reboot', '$(id)', '../../etc/x', 'a\nb']) assert.throws(() => parseKernelVersion(bad), RangeError, bad);
  });

  it('restores from md127p2 on a software RAID install, else sda2, mounting read-only', () => {
    const arrays = parseMdstat(mdstat('raid-generate/mdstat-after-create.txt'));
    assert.equal(backupPartition(arrays), '/dev/md127p2');
    assert.equal(backupPartition([]), '/dev/sda2');
    assert.deepEqual(restoreCommands('/dev/md127p2', ['/etc/dracut.conf.d/dracut_mdraid.conf', '/etc/mdadm.conf']), [
      ['mount', '-o', 'ro', '/dev/md127p2', '/mnt'],
      ['cp', '/mnt/etc/dracut.conf.d/dracut_mdraid.conf', '/etc/dracut.conf.d/'],
      ['cp', '/mnt/etc/mdadm.conf', '/etc/'],
      ['umount', '/mnt'],
    ]);
    assert.throws(() => restoreCommands('-o remount', ['/etc/mdadm.conf']), RangeError);
  });

  it('plans the guide\'s mdadm --create and names every drive it overwrites', () => {
    const arrays = parseMdstat(mdstat('raid-generate/mdstat-after-create.txt'));
    const plan = planCreateArray({ device: '/dev/md1', level: 5, members: ['/dev/sdf', '/dev/sdg', '/dev/sdh'] }, arrays);
    assert.equal(plan.kind, 'ok');
    if (plan.kind !== 'ok') return;
    assert.deepEqual(plan.argv, ['mdadm', '--create', '/dev/md1', '--run', '--level=5', '--bitmap=internal', '--assume-clean', '--raid-devices=3', '--metadata=1.2', '/dev/sdf', '/dev/sdg', '/dev/sdh']);
    for (const drive of ['/dev/sdf', '/dev/sdg', '/dev/sdh']) assert.match(`${plan.question.message}\n${plan.question.detail ?? ''}`, new RegExp(drive));
    assert.match(plan.question.detail ?? '', /dd if=\/dev\/zero of=\/dev\/sdf bs=1M/);
  });

  it('refuses a taken md name, a drive of another array (or its partition), too few drives, and non-paths', () => {
    const arrays = parseMdstat(mdstat('raid-generate/mdstat-after-create.txt'));
    const reason = (device: string, level: number, members: string[]): string => {
      const plan = planCreateArray({ device, level, members }, arrays);
      return plan.kind === 'refuse' ? plan.reason : 'ok';
    };
    assert.match(reason('/dev/md0', 1, ['/dev/sdf', '/dev/sdg']), /already exists/);
    assert.match(reason('/dev/md1', 1, ['/dev/sdf', '/dev/sda1']), /in use by md127/);
    assert.equal(reason('/dev/md1', 1, ['/dev/sdf', '/dev/sdaa']), 'ok');
    assert.match(reason('/dev/md1', 6, ['/dev/sdf', '/dev/sdg', '/dev/sdh']), /at least 4/);
    assert.match(reason('/dev/md1', 1, ['/dev/sdf', '--force']), /Not device paths/);
    assert.match(reason('/dev/md1', 1, ['/dev/sdf', '/dev/sdf']), /twice/);
    assert.match(reason('md1', 1, ['/dev/sdf', '/dev/sdg']), /not an md device/);
  });
});
