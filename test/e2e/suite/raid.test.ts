import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import { analyzeDracutConf } from '../../../src/core/lint/dracut/analyzeDracutConf';
import { analyzeMdadmConf } from '../../../src/core/lint/mdadm/analyzeMdadmConf';
import type { UpgradeCheck } from '../../../src/vscode/raid/checkAfterUpgrade';
import type { ProposedFile } from '../../../src/vscode/raid/proposeHostFile';
import { remoteFileUri } from '../../../src/vscode/remote/remoteFileUri';
import type { InitrdRebuild } from '../../../src/vscode/raid/rebuildInitrd';
import { NodeDecorations } from '../../../src/vscode/tree/nodeDecorations';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { argvLog, configurePools, extensionApi, labFixture, simState, until, type LabFixture, type SimRecord } from './labFixture';

/**
 * Files of the simulated master that the suite changes, saved byte for byte and written back afterwards:
 * the state (md arrays, the last dracut run) atomically as the simulator writes it, the others in place
 * (/proc/mdstat is a bind mount of that one file).
 */
class SimFiles {
  private readonly saved = new Map<string, string | undefined>();

  constructor(private readonly files: readonly string[]) {
    for (const file of files) this.saved.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  }

  restore(): void {
    for (const file of this.files) {
      const text = this.saved.get(file);
      if (text === undefined) fs.rmSync(file, { force: true });
      else if (file.endsWith('state.json')) {
        fs.writeFileSync(`${file}.restore`, text);
        fs.renameSync(`${file}.restore`, file);
      } else fs.writeFileSync(file, text);
    }
  }
}

// The RAID node and the software RAID guide's actions against simulated pool "Lab A", whose master has the
// seed guide's md0 (RAID 5) and md127 (RAID 1).
describe('Software RAID on the pool master', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  let asked: ConfirmQuestion[] = [];
  let answers: boolean[] = [];
  let files: SimFiles;

  const monitor = () => {
    const m = api.lab.monitors.find((x) => x.target.name === 'Lab A');
    assert.ok(m);
    return m;
  };
  const simFile = (...parts: string[]): string => path.join(fixture.a.dir, ...parts);
  const master = () => {
    const host = monitor().snapshot?.hosts.find((h) => h.isMaster);
    assert.ok(host);
    return host;
  };
  const raidNode = (): ExplorerNode => {
    const node = api.explorer.raidNode(monitor().target.id);
    assert.ok(node, 'the master has no RAID node');
    return node;
  };
  /** The arrays as the tree shows them once the reading has landed: label → [description, icon, badge query]. */
  const shownArrays = async (): Promise<Map<string, { description: string; icon: string; query: string; item: vscode.TreeItem }>> => {
    const children = await until('the RAID node to list arrays', () => {
      const c = api.explorer.getChildren(raidNode());
      return c.length > 0 && c.every((n) => n.kind === 'mdArray') ? c : undefined;
    });
    return new Map(
      children.map((n) => {
        const item = api.explorer.getTreeItem(n);
        return [String(item.label), { description: String(item.description), icon: (item.iconPath as vscode.ThemeIcon).id, query: item.resourceUri?.query ?? '', item }];
      }),
    );
  };
  /** The simulated pool's SR records (the state file keeps them beside the hosts and VMs). */
  const simSrs = (): SimRecord[] => (simState(fixture.a) as unknown as { srs: SimRecord[] }).srs;
  const dom0 = async (...argv: string[]): Promise<string> => {
    const result = await api.lab.connection(monitor().target).exec(argv);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout + result.stderr;
  };

  before(async () => {
    fixture = labFixture();
    api = await extensionApi();
    api.prompts.override = { confirmUnknownHostKey: async () => true };
    api.confirm.override = async (question) => {
      asked.push(question);
      return answers.shift() ?? false;
    };
    await configurePools(api, fixture);
    await monitor().refreshAfterChange();
    files = new SimFiles([path.join(fixture.a.dir, 'var', 'state.json'), simFile('root', 'proc', 'mdstat'), simFile('root', 'boot', 'initrd-4.19.0+1.img')]);
  });

  beforeEach(() => {
    asked = [];
    answers = [];
  });

  after(async () => {
    api.confirm.override = undefined;
    files.restore();
    await vscode.commands.executeCommand('xcpng.raid.refresh', raidNode());
  });

  it('gives the master (only) a RAID node, left unread by refreshes until it is expanded', async () => {
    const hostNode = api.explorer.nodeFor(monitor().target.id, 'host', master().uuid);
    const children = api.explorer.getChildren(hostNode);
    assert.equal(children[0]?.kind, 'raid');
    for (const host of monitor().snapshot?.hosts.filter((h) => !h.isMaster) ?? []) {
      assert.ok(!api.explorer.getChildren(api.explorer.nodeFor(monitor().target.id, 'host', host.uuid)).some((n) => n.kind === 'raid'), `${host.name} is not the master`);
    }
    await monitor().refreshAfterChange();
    await monitor().refreshAfterChange();
    assert.equal(api.explorer.getTreeItem(raidNode()).description, 'expand to read /proc/mdstat', 'a refresh read /proc/mdstat');
  });

  it('shows the master\'s arrays from /proc/mdstat with level, members and [UU] health', async () => {
    const arrays = await shownArrays();
    const state = simState(fixture.a);
    const simMaster = state.hosts.find((h) => h.uuid === state.pool['master']);
    assert.deepEqual([...arrays.keys()], ((simMaster?.['_dom0'] as { md?: { arrays: { device: string }[] } } | undefined)?.md?.arrays ?? []).map((a) => a.device));
    assert.deepEqual(arrays.get('md0')?.description, 'raid5 · sde sdd sdc · in sync [UUU]');
    assert.deepEqual(arrays.get('md127')?.description, 'raid1 · sdb sda · in sync [UU]');
    assert.deepEqual([arrays.get('md0')?.icon, arrays.get('md0')?.query], ['pass', 'ok']);
    assert.match(String(api.explorer.getTreeItem(raidNode()).description), /^2 arrays$/);
  });

  it('shows a degraded array with a warning icon and badge after a member fails', async () => {
    assert.match(await dom0('mdadm', '--manage', '/dev/md0', '--fail', '/dev/sde'), /set \/dev\/sde faulty in \/dev\/md0/);
    await vscode.commands.executeCommand('xcpng.raid.refresh', raidNode());
    const arrays = await shownArrays();
    const md0 = arrays.get('md0');
    assert.ok(md0);
    assert.equal(md0.description, 'raid5 · sde sdd sdc · degraded [UU_]: sde failed');
    assert.equal(md0.icon, 'warning');
    const badge = new NodeDecorations().provideFileDecoration(md0.item.resourceUri as vscode.Uri);
    assert.equal(badge?.badge, '!');
    assert.equal((badge?.color as vscode.ThemeColor | undefined)?.id, 'list.warningForeground');
    assert.equal(arrays.get('md127')?.icon, 'pass');
    const raidItem = api.explorer.getTreeItem(raidNode());
    assert.equal(raidItem.description, '2 arrays · 1 degraded');
    assert.equal(raidItem.resourceUri?.query, 'degraded');
    files.restore();
    await vscode.commands.executeCommand('xcpng.raid.refresh', raidNode());
    assert.equal((await shownArrays()).get('md0')?.icon, 'pass');
  });

  it('generates mdadm.conf and dracut_mdraid.conf from the scan, shows each as a diff, writes both, and they lint clean', async () => {
    const mdadmPath = '/etc/mdadm.conf';
    const dropInPath = '/etc/dracut.conf.d/dracut_mdraid.conf';
    const uri = (p: string): vscode.Uri => remoteFileUri(monitor().target.name, master().uuid, p);
    const backups = async (): Promise<string[]> => {
      const names = (dir: string): Thenable<[string, vscode.FileType][]> => vscode.workspace.fs.readDirectory(uri(dir));
      return [...(await names('/etc')).map(([n]) => `/etc/${n}`), ...(await names('/etc/dracut.conf.d')).map(([n]) => `/etc/dracut.conf.d/${n}`)].filter((n) => n.includes('.xcpng-backup-'));
    };
    await dom0('cp', '-p', mdadmPath, '/root/mdadm.conf.e2e');
    await dom0('cp', '-p', dropInPath, '/root/dracut_mdraid.conf.e2e');
    // Files from before md127 was described: the generated ones must add it back.
    await dom0('sed', '-i', '/md127/d', mdadmPath);
    await dom0('sed', '-i', '/09871a29/d', dropInPath);
    const before = await backups();
    try {
      answers = [false];
      const declined = await vscode.commands.executeCommand('xcpng.raid.generateMdadmConf', raidNode());
      assert.equal(declined, undefined);
      assert.doesNotMatch(await dom0('cat', mdadmPath), /md127/, 'declined, yet written');
      const diff = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(diff instanceof vscode.TabInputTextDiff, 'no diff editor was shown');
      assert.equal(diff.original.toString(), uri(mdadmPath).toString());

      answers = [true, true];
      const mdadm = (await vscode.commands.executeCommand('xcpng.raid.generateMdadmConf', raidNode())) as ProposedFile | undefined;
      const dropIn = (await vscode.commands.executeCommand('xcpng.raid.generateHostDracutMdraid', raidNode())) as ProposedFile | undefined;
      assert.ok(mdadm?.written && dropIn?.written);
      assert.deepEqual(asked.map((q) => q.action), ['Write File', 'Write File', 'Write File']);
      const onHostMdadm = await dom0('cat', mdadmPath);
      const onHostDropIn = await dom0('cat', dropInPath);
      assert.equal(onHostMdadm, mdadm.text);
      assert.equal(onHostDropIn, dropIn.text);
      assert.match(onHostMdadm, /^AUTO \+all\nMAILADDR root\nDEVICE \/dev\/sda \/dev\/sdb \/dev\/sdc \/dev\/sdd \/dev\/sde\nARRAY \/dev\/md0 {2}metadata=1\.2 UUID=53461f34:2414371e:820f9514:008b6458\nARRAY \/dev\/md127 {2}metadata=1\.0 UUID=09871a29:26fa7ce1:0c9b040a:60f5cabf\n$/);
      assert.match(onHostDropIn, /^kernel_cmdline\+=" rd\.md\.uuid=09871a29:26fa7ce1:0c9b040a:60f5cabf "$/m);
      const siblings = new Map([
        [mdadmPath, onHostMdadm],
        ['/proc/mdstat', await dom0('cat', '/proc/mdstat')],
      ]);
      assert.deepEqual(analyzeMdadmConf(onHostMdadm, { fileName: mdadmPath, siblings }), []);
      assert.deepEqual(analyzeDracutConf(onHostDropIn, { fileName: dropInPath, siblings }), []);
      assert.equal((await backups()).length - before.length, 2, 'each write keeps one backup');
    } finally {
      await dom0('cp', '/root/mdadm.conf.e2e', mdadmPath);
      await dom0('cp', '/root/dracut_mdraid.conf.e2e', dropInPath);
      await dom0('rm', '/root/mdadm.conf.e2e', '/root/dracut_mdraid.conf.e2e');
      for (const backup of await backups()) if (!before.includes(backup)) await vscode.workspace.fs.delete(uri(backup));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('rebuilds the initrd with the exact dracut argv, after showing it, with uname -r read first', async () => {
    answers = [true];
    const since = argvLog(fixture.a).length;
    const result = (await vscode.commands.executeCommand('xcpng.raid.rebuildInitrd', raidNode())) as InitrdRebuild | undefined;
    assert.ok(result, 'the rebuild did not finish');
    const calls = argvLog(fixture.a).slice(since).filter((c) => c[0] !== 'xe');
    assert.deepEqual(calls, [
      ['uname', '-r'],
      ['dracut', '--force', '-M', '/boot/initrd-4.19.0+1.img', '4.19.0+1'],
    ]);
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.detail ?? '', /dracut --force -M \/boot\/initrd-4\.19\.0\+1\.img 4\.19\.0\+1/);
    assert.match(result.output, /^mdraid$/m);
    const initrd = fs.readFileSync(simFile('root', 'boot', 'initrd-4.19.0+1.img'), 'utf8');
    assert.match(initrd, /^etc\/mdadm\.conf: included$/m);
    assert.match(initrd, /rd\.md\.uuid=53461f34:2414371e:820f9514:008b6458/);
  });

  it('runs no dracut when the rebuild is declined', async () => {
    answers = [false];
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.raid.rebuildInitrd', raidNode());
    assert.equal(asked.length, 1);
    assert.deepEqual(argvLog(fixture.a).slice(since).filter((c) => c[0] === 'dracut'), []);
  });

  it('checks the files after an upgrade: the scenario\'s pair passes against mdadm --examine --scan', async () => {
    const check = (await vscode.commands.executeCommand('xcpng.raid.checkAfterUpgrade', raidNode())) as UpgradeCheck | undefined;
    assert.ok(check);
    assert.deepEqual(check.report.problems, []);
    assert.equal(asked.length, 0);
  });

  it('offers the restore from the backup partition with every command in the modal, and runs none when declined', async () => {
    // The guide's 8.2 upgrade kept mdadm.conf and lost the drop-in: move it aside inside the simulated dom0.
    const dropIn = '/etc/dracut.conf.d/dracut_mdraid.conf';
    await dom0('mv', dropIn, `${dropIn}.e2e-aside`);
    try {
      answers = [false];
      const shown: string[] = [];
      const original = vscode.window.showErrorMessage;
      (vscode.window as { showErrorMessage: unknown }).showErrorMessage = (m: string) => { shown.push(m); return Promise.resolve(undefined); };
      const check = (await vscode.commands.executeCommand('xcpng.raid.checkAfterUpgrade', raidNode(), {
        partition: '/dev/md127p2',
        paths: ['/etc/dracut.conf.d/dracut_mdraid.conf'],
      })) as UpgradeCheck | undefined;
      (vscode.window as { showErrorMessage: unknown }).showErrorMessage = original;
      assert.ok(check, shown.join('\n'));
      assert.deepEqual(check.report.missing, [dropIn]);
      assert.deepEqual(check.restore, {
        ran: false,
        commands: [
          ['mount', '-o', 'ro', '/dev/md127p2', '/mnt'],
          ['cp', '/mnt/etc/dracut.conf.d/dracut_mdraid.conf', '/etc/dracut.conf.d/'],
          ['umount', '/mnt'],
        ],
      });
      assert.equal(asked.length, 1);
      for (const line of ['mount -o ro /dev/md127p2 /mnt', 'cp /mnt/etc/dracut.conf.d/dracut_mdraid.conf /etc/dracut.conf.d/', 'umount /mnt']) {
        assert.ok(asked[0]?.detail?.includes(line), `the modal does not show ${line}`);
      }
    } finally {
      await dom0('mv', `${dropIn}.e2e-aside`, dropIn);
    }
  });

  it('creates an array only after a modal naming every drive it overwrites, with the guide\'s argv', async () => {
    const spec = { device: '/dev/md1', level: 5, members: ['/dev/sdf', '/dev/sdg', '/dev/sdh'] };
    answers = [false];
    let since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.raid.createArray', raidNode(), spec);
    assert.deepEqual(argvLog(fixture.a).slice(since).filter((c) => c[1] === '--create'), [], 'declined, yet mdadm ran');
    for (const drive of spec.members) assert.ok(asked[0]?.message.includes(drive) && asked[0]?.detail?.includes(drive), `the modal does not name ${drive}`);
    assert.equal(asked[0]?.action, 'Overwrite and Create');

    answers = [true];
    since = argvLog(fixture.a).length;
    try {
      await vscode.commands.executeCommand('xcpng.raid.createArray', raidNode(), spec);
      assert.deepEqual(argvLog(fixture.a).slice(since).filter((c) => c[1] === '--create'), [
        ['mdadm', '--create', '/dev/md1', '--run', '--level=5', '--bitmap=internal', '--assume-clean', '--raid-devices=3', '--metadata=1.2', '/dev/sdf', '/dev/sdg', '/dev/sdh'],
      ]);
      assert.equal((await shownArrays()).get('md1')?.description, 'raid5 · sdf sdg sdh · in sync [UUU]');
    } finally {
      files.restore();
      await vscode.commands.executeCommand('xcpng.raid.refresh', raidNode());
    }
    assert.ok(!(await shownArrays()).has('md1'));
  });

  it('refuses to create an array on a drive of another array, before any modal', async () => {
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.raid.createArray', raidNode(), { device: '/dev/md1', level: 1, members: ['/dev/sdf', '/dev/sda'] });
    assert.equal(asked.length, 0);
    assert.deepEqual(argvLog(fixture.a).slice(since).filter((c) => c[0] === 'mdadm'), []);
  });

  it('creates an SR on an array only after a modal naming the md device and its drives; declined, xe is not run', async () => {
    const md0 = api.explorer.getChildren(raidNode()).find((n) => n.kind === 'mdArray' && n.name === 'md0');
    assert.ok(md0);
    const name = 'RAID "storage"; $(id) \'x\'';
    const srCreates = (since: number) => argvLog(fixture.a).slice(since).filter((c) => c[0] === 'xe' && c[1] === 'sr-create');
    answers = [false];
    let since = argvLog(fixture.a).length;
    assert.equal(await vscode.commands.executeCommand('xcpng.raid.createSr', md0, name), undefined);
    assert.deepEqual(srCreates(since), [], 'declined, yet xe sr-create ran');
    for (const dev of ['/dev/md0', '/dev/sde', '/dev/sdd', '/dev/sdc']) {
      assert.ok(asked[0]?.message.includes(dev) && asked[0]?.detail?.includes(dev), `the modal does not name ${dev}`);
    }
    assert.match(asked[0]?.detail ?? '', /Everything on \/dev\/md0 is lost/);
    assert.match(asked[0]?.detail ?? '', /xe sr-create /);
    assert.equal(asked[0]?.action, 'Erase and Create SR');

    answers = [true];
    since = argvLog(fixture.a).length;
    const srCount = simSrs().length;
    // The new SR is revealed in the tree, which needs the view shown.
    await vscode.commands.executeCommand('xcpng.explorer.focus');
    try {
      const uuid = (await vscode.commands.executeCommand('xcpng.raid.createSr', md0, name)) as string | undefined;
      assert.ok(uuid, 'no SR uuid returned');
      assert.deepEqual(srCreates(since), [
        ['xe', 'sr-create', `host-uuid=${master().uuid}`, `name-label=${name}`, 'type=ext', 'device-config:device=/dev/md0', 'shared=false', 'content-type=user'],
      ]);
      const simSr = simSrs().find((r) => r.uuid === uuid);
      assert.ok(simSr, 'the SR is not in the simulated pool');
      assert.deepEqual([simSr['name-label'], simSr['type'], simSr['content-type'], simSr['shared'], simSr['_hosts']], [name, 'ext', 'user', 'false', [master().uuid]]);
      assert.equal(simSrs().length, srCount + 1);
      const shown = monitor().snapshot?.srs.find((sr) => sr.uuid === uuid);
      assert.deepEqual([shown?.name, shown?.type, shown?.hostName, shown?.shared], [name, 'ext', master().name, false], 'the pool as re-read lacks the SR');
      const storage = api.explorer.getChildren(api.explorer.poolNode(monitor().target.id)).find((n) => n.kind === 'storage');
      assert.ok(storage, 'no Storage group');
      assert.equal(api.explorer.getTreeItem(storage).description, String(srCount + 1));
      const srNode = api.explorer.getChildren(storage).find((n) => n.kind === 'sr' && n.uuid === uuid);
      assert.ok(srNode, 'the new SR is not under Storage');
      const srItem = api.explorer.getTreeItem(srNode);
      assert.equal(srItem.label, name);
      assert.match(String(srItem.description), new RegExp(`^ext · ${master().name} · `));
      assert.equal(srItem.contextValue, 'sr:local');
      await until('the new SR to be revealed and selected', () => api.treeView.selection.includes(srNode));
    } finally {
      files.restore();
      await monitor().refreshAfterChange();
    }
    assert.equal(simSrs().length, srCount);
    assert.equal(monitor().snapshot?.srs.length, srCount);
  });

  it('shows xe\'s refusal of an SR on the root array and keeps the pool as it was', async () => {
    const md127 = api.explorer.getChildren(raidNode()).find((n) => n.kind === 'mdArray' && n.name === 'md127');
    assert.ok(md127);
    answers = [true];
    const since = argvLog(fixture.a).length;
    const srCount = simSrs().length;
    assert.equal(await vscode.commands.executeCommand('xcpng.raid.createSr', md127, 'On the root array'), undefined);
    assert.deepEqual(argvLog(fixture.a).slice(since).filter((c) => c[1] === 'sr-create').map((c) => c.at(-3)), ['device-config:device=/dev/md127']);
    assert.equal(simSrs().length, srCount);
  });
});
