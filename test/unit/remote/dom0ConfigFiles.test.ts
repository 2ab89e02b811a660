import * as assert from 'node:assert/strict';
import { backupName, isSaveLeftover, temporaryName } from '../../../src/core/remote/backupName';
import { checkDom0Path, dom0ConfigFolders, offeredConfigFiles } from '../../../src/core/remote/dom0ConfigFiles';
import { describeBaselineChange, fileBaseline } from '../../../src/core/remote/fileBaseline';

describe('dom0 config files: names, picker entries, baselines', () => {
  const when = new Date('2026-11-29T23:15:02.345Z');

  it('names backups and temporary files so that dracut and modprobe never read them, and the picker hides them', () => {
    const backup = backupName('/etc/dracut.conf.d/dracut_mdraid.conf', when);
    assert.equal(backup, '/etc/dracut.conf.d/dracut_mdraid.conf.xcpng-backup-2026-11-29T23-15-02Z');
    assert.equal(backupName('/etc/mdadm.conf', when, 1), '/etc/mdadm.conf.xcpng-backup-2026-11-29T23-15-02Z-2');
    const temporary = temporaryName('/etc/modprobe.d/kvm.conf', '0a1b2c');
    assert.equal(temporary, '/etc/modprobe.d/.kvm.conf.xcpng-tmp-0a1b2c');
    for (const name of [backup, temporary, backupName('/etc/mdadm.conf', when, 1)]) {
      assert.equal(name.endsWith('.conf'), false, name);
      assert.equal(isSaveLeftover(name.slice(name.lastIndexOf('/') + 1)), true, name);
    }
    assert.equal(isSaveLeftover('kvm.conf'), false);
  });

  it('offers the drop-ins of each folder sorted, without leftovers, dracut only *.conf', () => {
    const [dracut, modprobe] = dom0ConfigFolders;
    assert.deepEqual(offeredConfigFiles(dracut.folder, ['b.conf', 'a.conf', 'README', 'b.conf.xcpng-backup-2026-11-29T23-15-02Z'], dracut.accepts), [
      '/etc/dracut.conf.d/a.conf',
      '/etc/dracut.conf.d/b.conf',
    ]);
    assert.deepEqual(offeredConfigFiles(modprobe.folder, ['kvm.conf', 'blacklist', '.kvm.conf.xcpng-tmp-00ff'], modprobe.accepts), [
      '/etc/modprobe.d/blacklist',
      '/etc/modprobe.d/kvm.conf',
    ]);
  });

  it('accepts only absolute file paths without . or .. segments', () => {
    assert.equal(checkDom0Path('/etc/mdadm.conf'), undefined);
    assert.match(checkDom0Path('etc/mdadm.conf') ?? '', /absolute path/);
    assert.match(checkDom0Path('/etc/../root/.ssh/id_rsa') ?? '', /\.\./);
    assert.match(checkDom0Path('/etc/modprobe.d/') ?? '', /not a folder/);
  });

  it('tells a size, content or mtime change apart, and sees none in the same file', () => {
    const before = fileBaseline(Buffer.from('ARRAY /dev/md0\n'), { mtime: 100 });
    assert.equal(describeBaselineChange(before, fileBaseline(Buffer.from('ARRAY /dev/md0\n'), { mtime: 100 })), undefined);
    assert.equal(describeBaselineChange(before, fileBaseline(Buffer.from('ARRAY /dev/md1\n'), { mtime: 100 })), 'its content is different');
    assert.equal(describeBaselineChange(before, fileBaseline(Buffer.from('ARRAY /dev/md10\n'), { mtime: 101 })), 'its size went from 15 to 16 bytes');
    assert.equal(describeBaselineChange(before, fileBaseline(Buffer.from('ARRAY /dev/md0\n'), { mtime: 101 })), 'its modification time changed');
  });
});
