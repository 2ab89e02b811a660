import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import type { RunbookRecord } from '../../../src/core/ops/runbook/runbookJournal';
import type { StepDrift } from '../../../src/core/ops/runbook/verifyRunbook';
import { argvLog, openLabA, simState, type LabFixture, type SimRecord } from './labFixture';

// The guides as runbooks, end to end against simulated pool "Lab A" (8.3.0). Earlier suites rename, move and
// stop VMs, so VMs are found by their description and their state is read before each test.
describe('Guides as runbooks against the simulated pool', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  let asked: ConfirmQuestion[] = [];
  let answers: boolean[] = [];

  const monitor = () => {
    const m = api.lab.monitors.find((x) => x.target.name === 'Lab A');
    assert.ok(m);
    return m;
  };
  const state = () => simState(fixture.a) as unknown as { pool: SimRecord; hosts: SimRecord[]; vms: SimRecord[]; vifs: SimRecord[]; networks: SimRecord[] };
  const vmByDescription = (description: string): SimRecord => {
    const vm = state().vms.find((v) => v['name-description'] === description);
    assert.ok(vm, `no VM described "${description}"`);
    return vm;
  };
  const hostByName = (name: string): SimRecord => {
    const host = state().hosts.find((h) => h['name-label'] === name);
    assert.ok(host, `no host ${name}`);
    return host;
  };
  const networkByName = (name: string): SimRecord => {
    const network = state().networks.find((n) => n['name-label'] === name);
    assert.ok(network, `no network ${name}`);
    return network;
  };
  const map = (record: SimRecord | undefined, field: string): Record<string, string> => (record?.[field] ?? {}) as Record<string, string>;
  const vifsOf = (vmUuid: string): SimRecord[] => state().vifs.filter((v) => v['vm-uuid'] === vmUuid);
  /** What a guide sent, without the snapshot reads around it. */
  const actionCalls = (since: number): string[][] => argvLog(fixture.a).slice(since).filter((c) => !/-list$/.test(c[1] ?? ''));
  const vmNode = (uuid: string) => api.explorer.nodeFor(monitor().target.id, 'vm', uuid);
  const xe = async (...args: string[]): Promise<void> => {
    const result = await api.lab.connection(monitor().target).exec(['xe', ...args]);
    assert.equal(result.code, 0, result.stderr);
  };
  const ensureRunning = async (uuid: string): Promise<void> => {
    if (state().vms.find((v) => v.uuid === uuid)?.['power-state'] !== 'running') await xe('vm-start', `uuid=${uuid}`);
    await monitor().refreshAfterChange();
  };
  const step = (record: RunbookRecord | undefined, id: string): string | undefined => record?.steps.find((s) => s.id === id)?.state;

  before(async () => {
    ({ api, fixture } = await openLabA(async (question) => {
      asked.push(question);
      return answers.shift() ?? false;
    }));
  });

  beforeEach(() => {
    asked = [];
    answers = [];
  });

  after(() => {
    api.confirm.override = undefined;
  });

  it('Router VM: marks the VM, turns ethtool-tx off on each VIF lacking it, shuts down and starts (asked once), verifies', async () => {
    const pf = vmByDescription('Edge router and firewall');
    await ensureRunning(pf.uuid);
    const lacking = vifsOf(pf.uuid).filter((v) => map(v, 'other-config')['ethtool-tx'] !== 'off');
    assert.ok(lacking.length >= 2, 'the scenario gives pfSense two VIFs without the setting');
    answers = [true];
    const since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord>('xcpng.guide.routerVm', vmNode(pf.uuid));
    assert.deepEqual(actionCalls(since), [
      ['xe', 'vm-param-set', `uuid=${pf.uuid}`, 'other-config:xcpng-lab.guide=router'],
      ...lacking.map((v) => ['xe', 'vif-param-set', `uuid=${v.uuid}`, 'other-config:ethtool-tx=off']),
      ['xe', 'vm-shutdown', `uuid=${pf.uuid}`],
      ['xe', 'vm-start', `uuid=${pf.uuid}`],
    ]);
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /^Shut down and start "pfSense"\?$/);
    assert.match(asked[0]?.detail ?? '', new RegExp(`xe vm-shutdown uuid=${pf.uuid}\\nxe vm-start uuid=${pf.uuid}`), 'the modal names the commands');
    assert.ok(vifsOf(pf.uuid).every((v) => map(v, 'other-config')['ethtool-tx'] === 'off'));
    assert.equal(vmByDescription('Edge router and firewall')['power-state'], 'running');
    assert.deepEqual(record?.steps.map((s) => s.state), ['done', 'done', 'done', 'manual']);
    assert.equal(record?.finished, true);
    assert.match(String(api.explorer.getTreeItem(vmNode(pf.uuid)).contextValue), /^vm:running(:[a-z]+)*:router(:|$)/);
  });

  it('detects drift (a VIF without ethtool-tx=off), warns in the tree, reports it in Verify Only, and fixes only that VIF', async () => {
    const pf = vmByDescription('Edge router and firewall');
    const vif = vifsOf(pf.uuid).find((v) => v.device === '1') ?? vifsOf(pf.uuid)[0];
    assert.ok(vif);
    // The simulator has no vif-create: a VIF losing the key is the same drift as a new VIF without it.
    await xe('vif-param-remove', `uuid=${vif.uuid}`, 'param-name=other-config', 'param-key=ethtool-tx');
    await monitor().refreshAfterChange();
    const item = api.explorer.getTreeItem(vmNode(pf.uuid));
    assert.match(String(item.description), /lacks ethtool-tx=off/);
    const ref = { guideId: 'routerVm', poolId: monitor().target.id, targetUuid: pf.uuid };
    let since = argvLog(fixture.a).length;
    const drift = await vscode.commands.executeCommand<StepDrift[]>('xcpng.guide.verify', ref);
    assert.deepEqual(actionCalls(since), [], 'Verify Only must not act');
    assert.deepEqual(
      drift?.map((d) => [d.stepId, d.drift]),
      [
        ['mark', undefined],
        ['ethtool', `VIF ${String(vif.device)} without ethtool-tx=off`],
      ],
    );
    const script = await vscode.commands.executeCommand<string>('xcpng.guide.copyScript', ref);
    assert.match(script ?? '', new RegExp(`^xe vif-param-set uuid=${vif.uuid} other-config:ethtool-tx=off$`, 'm'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    answers = [true];
    since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.guide.fixRouterVifs', vmNode(pf.uuid));
    assert.deepEqual(actionCalls(since), [
      ['xe', 'vif-param-set', `uuid=${vif.uuid}`, 'other-config:ethtool-tx=off'],
      ['xe', 'vm-shutdown', `uuid=${pf.uuid}`],
      ['xe', 'vm-start', `uuid=${pf.uuid}`],
    ]);
    assert.doesNotMatch(String(api.explorer.getTreeItem(vmNode(pf.uuid)).description), /ethtool/);
  });

  it('Nested XCP-ng: refuses a VM under 4 GiB before sending anything', async () => {
    const pf = vmByDescription('Edge router and firewall');
    const since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord | undefined>('xcpng.guide.nestedVm', vmNode(pf.uuid));
    assert.equal(record, undefined, 'the command reports the refusal as an error');
    assert.deepEqual(actionCalls(since), []);
  });

  it('Nested XCP-ng on an 8.3 host: platform:nested-virt (not exp-nested-hvm) and nic_type=e1000; the restart is offered', async () => {
    const db = vmByDescription('PostgreSQL 16');
    assert.equal(map(db, 'platform')['nested-virt'], undefined);
    answers = [false];
    const since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord>('xcpng.guide.nestedVm', vmNode(db.uuid));
    assert.deepEqual(actionCalls(since), [['xe', 'vm-param-set', `uuid=${db.uuid}`, 'platform:nested-virt=true', 'platform:nic_type=e1000']]);
    const platform = map(vmByDescription('PostgreSQL 16'), 'platform');
    assert.equal(platform['nested-virt'], 'true');
    assert.equal(platform['nic_type'], 'e1000');
    assert.equal(platform['exp-nested-hvm'], undefined);
    assert.equal(step(record, 'platform'), 'done');
    assert.equal(step(record, 'restart'), 'skipped');
  });

  it('VLAN trunk: refuses while attached VMs run, then sets MTU 1504 and offers the safe reboot', async () => {
    const storage = networkByName('Storage (jumbo frames)');
    const db = vmByDescription('PostgreSQL 16');
    await ensureRunning(db.uuid);
    const poolNode = { kind: 'pool', id: `pool/${monitor().target.id}`, poolId: monitor().target.id };
    let since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.guide.vlanTrunk', poolNode, undefined, { networkUuid: storage.uuid });
    assert.deepEqual(actionCalls(since), [], 'refused: db01 runs on the network');
    await xe('vm-shutdown', `uuid=${db.uuid}`);
    answers = [false];
    since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord>('xcpng.guide.vlanTrunk', poolNode, undefined, { networkUuid: storage.uuid });
    assert.deepEqual(actionCalls(since), [['xe', 'network-param-set', `uuid=${storage.uuid}`, 'MTU=1504']]);
    assert.equal(String(networkByName('Storage (jumbo frames)')['MTU']), '1504');
    assert.match(asked[0]?.message ?? '', /^Reboot .*xcp-ng-lab1.* now\?$/);
    assert.deepEqual(record?.steps.map((s) => s.state), ['done', 'skipped', 'manual']);
  });

  it('Auto power on: sets the pool flag and the VM flag, verified both', async () => {
    const vm = vmByDescription('PostgreSQL 16');
    const poolUuid = state().pool.uuid;
    await xe('pool-param-set', `uuid=${poolUuid}`, 'other-config:auto_poweron=false');
    const since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord>('xcpng.guide.autoPowerOn', vmNode(vm.uuid));
    assert.deepEqual(actionCalls(since), [
      ['xe', 'pool-param-set', `uuid=${poolUuid}`, 'other-config:auto_poweron=true'],
      ['xe', 'vm-param-set', `uuid=${vm.uuid}`, 'other-config:auto_poweron=true'],
    ]);
    assert.equal(map(state().pool, 'other-config')['auto_poweron'], 'true');
    assert.equal(map(vmByDescription('PostgreSQL 16'), 'other-config')['auto_poweron'], 'true');
    assert.deepEqual(record?.steps.map((s) => s.state), ['done', 'done']);
  });

  it('Markdown guide: code lenses on its command blocks copy them and run one on the host with a picked placeholder', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('xcpng.guide.open', 'router-vm.md');
    assert.ok(editor);
    const uri = editor.document.uri;
    const ours = async (): Promise<vscode.CodeLens[]> =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((l) => l.command?.command.startsWith('xcpng.guide.'));
    const lenses = await ours();
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [11, 17, 26].flatMap((line) => [
        [line, 'Run on host...'],
        [line, 'Copy'],
      ]),
    );
    const copy = lenses[3]?.command;
    const copied = await vscode.commands.executeCommand<string>(copy?.command ?? '', ...(copy?.arguments ?? []));
    assert.equal(copied, "xe vif-param-set 'uuid=<vif-uuid>' other-config:ethtool-tx=off");
    assert.equal(await vscode.env.clipboard.readText(), copied);
    const pf = vmByDescription('Edge router and firewall');
    const vif = vifsOf(pf.uuid)[0];
    assert.ok(vif);
    const run = lenses[2]?.command;
    answers = [true];
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand(run?.command ?? '', ...(run?.arguments ?? []), { poolId: monitor().target.id, values: { '<vif-uuid>': vif.uuid } });
    assert.deepEqual(actionCalls(since), [['xe', 'vif-param-set', `uuid=${vif.uuid}`, 'other-config:ethtool-tx=off']]);
    assert.equal(asked.length, 1, 'the command is shown in a modal before it runs');
    assert.equal(asked[0]?.detail, `This changes the pool or a host.\n\nxe vif-param-set uuid=${vif.uuid} other-config:ethtool-tx=off`);
    const config = vscode.workspace.getConfiguration('xcpng');
    await config.update('guides.codeLens', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(await ours(), [], 'the setting turns the lenses off');
    } finally {
      await config.update('guides.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Safe host power guide: its lenses start the host actions on a named host (exit maintenance sends host-enable; a master reboot asks first)', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('xcpng.guide.open', 'safe-host-power.md');
    assert.ok(editor);
    const lenses = ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? []).filter((l) =>
      l.command?.command.startsWith('xcpng.guide.'),
    );
    const text = editor.document.getText().split('\n');
    const markerLine = (command: string): number => text.findIndex((l) => l.includes(`xcpng:action ${command}`));
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [markerLine('xcpng.host.enterMaintenance'), 'Enter Maintenance Mode on a Host...'],
        [markerLine('xcpng.host.exitMaintenance'), 'Exit Maintenance Mode on a Host...'],
        [text.findIndex((l) => l.startsWith('```')), 'Run on host...'],
        [text.findIndex((l) => l.startsWith('```')), 'Copy'],
        [markerLine('xcpng.host.reboot'), 'Reboot a Host Safely...'],
        [markerLine('xcpng.host.shutdown'), 'Shut Down a Host Safely...'],
      ],
    );
    const lens = (title: string) => lenses.find((l) => l.command?.title === title)?.command;
    const h2 = hostByName('xcp-ng-lab2');
    let since = argvLog(fixture.a).length;
    const exit = lens('Exit Maintenance Mode on a Host...');
    await vscode.commands.executeCommand(exit?.command ?? '', ...(exit?.arguments ?? []), { poolId: monitor().target.id, hostUuid: h2.uuid });
    assert.deepEqual(actionCalls(since), [['xe', 'host-enable', `uuid=${h2.uuid}`]]);
    assert.equal(hostByName('xcp-ng-lab2')['enabled'], 'true');
    const h1 = hostByName('xcp-ng-lab1');
    answers = [false];
    since = argvLog(fixture.a).length;
    const reboot = lens('Reboot a Host Safely...');
    await vscode.commands.executeCommand(reboot?.command ?? '', ...(reboot?.arguments ?? []), { poolId: monitor().target.id, hostUuid: h1.uuid });
    assert.match(asked[0]?.message ?? '', /xcp-ng-lab1 is the pool master\. Reboot it anyway\?/);
    assert.deepEqual(actionCalls(since), [], 'declined: nothing sent');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Config files: a lens on the first line opens the nested guide at the section for that hypervisor; the setting hides it', async () => {
    const root = vscode.extensions.getExtension('xcpng-lab.xcpng-lab')?.extensionUri;
    assert.ok(root);
    const cases: [string, string, string][] = [
      ['test/fixtures/lint/vmx/workstation-xcp-ng.vmx', 'vmx', 'Under VMware (ESXi, Workstation)'],
      ['test/fixtures/lint/xl/seed-nested-xcp-ng.xl', 'xen-xl', 'Under Xen (xl)'],
    ];
    const lensesOf = async (uri: vscode.Uri): Promise<vscode.CodeLens[]> =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((l) => l.command?.command === 'xcpng.guide.openSection');
    for (const [file, language, heading] of cases) {
      const doc: vscode.TextDocument = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, file));
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, language);
      const lenses = await lensesOf(doc.uri);
      assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[0, `Guide: Nested XCP-ng guest › ${heading}`]]);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(lenses[0]?.command?.command ?? '', ...(lenses[0]?.command?.arguments ?? []));
      assert.equal(path.basename(editor?.document.uri.path ?? ''), 'nested-xcpng.md');
      assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text, `## ${heading}`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const config = vscode.workspace.getConfiguration('xcpng');
      await config.update('guides.codeLens', false, vscode.ConfigurationTarget.Workspace);
      try {
        assert.deepEqual(await lensesOf(doc.uri), [], 'the setting turns the lens off');
      } finally {
        await config.update('guides.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('TLS: shows the installed certificate and creates a CSR from the host key on the master, and refuses a member', async () => {
    const h1 = hostByName('xcp-ng-lab1');
    const hostname = String(h1['hostname']);
    const node = api.explorer.nodeFor(monitor().target.id, 'host', h1.uuid);
    // openssl is the real one in the simulated dom0 (not a logged stand-in): its output is the evidence.
    const info = await vscode.commands.executeCommand<{ subject: string; fingerprint: string; notAfter: string }>('xcpng.guide.tlsShow', node);
    assert.match(info?.subject ?? '', new RegExp(`CN ?= ?${hostname.replace(/\./g, '\\.')}`));
    assert.match(info?.fingerprint ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.notEqual(info?.notAfter ?? '', '');
    const csr = await vscode.commands.executeCommand<string>('xcpng.guide.tlsCsr', node);
    assert.match(csr ?? '', /^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+-----END CERTIFICATE REQUEST-----\n$/);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), csr, 'the CSR opens in an editor');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const member = await vscode.commands.executeCommand('xcpng.guide.tlsShow', api.explorer.nodeFor(monitor().target.id, 'host', hostByName('xcp-ng-lab2').uuid));
    assert.equal(member, undefined, 'a member is refused: the connection would run openssl on the master');
  });

  it('TLS install (8.3 master): refuses a key that does not match, then installs a CA-signed certificate with its chain, uploaded privately and removed, verified by reading it back', async () => {
    const h1 = hostByName('xcp-ng-lab1');
    const hostname = String(h1['hostname']);
    const node = api.explorer.nodeFor(monitor().target.id, 'host', h1.uuid);
    const pemFile = path.join(fixture.a.dir, 'root', 'etc', 'xensource', 'xapi-ssl.pem');
    const original = fs.readFileSync(pemFile, 'utf8');
    // Real files on this machine, made by the real openssl: a CA, a server certificate it signs, a stray key.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-e2e-tls-'));
    const file = (name: string): string => path.join(work, name);
    const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
    for (const key of ['ca.key', 'server.key', 'stray.key']) openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file(key));
    openssl('req', '-new', '-x509', '-key', file('ca.key'), '-subj', '/CN=Lab Test CA', '-days', '30', '-sha256', '-out', file('ca.pem'));
    openssl('req', '-new', '-key', file('server.key'), '-subj', `/CN=${hostname}/O=Lab Test`, '-out', file('server.csr'));
    openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '30', '-sha256', '-out', file('server.pem'));
    const expected = execFileSync('openssl', ['x509', '-in', file('server.pem'), '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).split('=')[1]?.trim();
    const installs = (since: number) => argvLog(fixture.a).slice(since).filter((c) => c[1] === 'host-server-certificate-install');
    const uploadDir = (call: string[] | undefined): string => path.dirname((call ?? []).find((a) => a.startsWith('certificate='))?.slice('certificate='.length) ?? '/');
    try {
      answers = [true];
      let since = argvLog(fixture.a).length;
      const refused = await vscode.commands.executeCommand('xcpng.guide.tlsInstall', node, undefined, { certificate: file('server.pem'), privateKey: file('stray.key') });
      assert.equal(refused, undefined, 'xapi refuses a key that does not match the certificate');
      const [bad] = installs(since);
      assert.ok(bad, 'the install was sent');
      assert.equal(fs.existsSync(uploadDir(bad)), false, 'the uploaded files are removed after a failure too');
      assert.equal(fs.readFileSync(pemFile, 'utf8'), original, 'nothing installed');

      answers = [true];
      asked = [];
      since = argvLog(fixture.a).length;
      const result = await vscode.commands.executeCommand<{ installed: { subject: string; fingerprint: string } }>('xcpng.guide.tlsInstall', node, undefined, {
        certificate: file('server.pem'),
        privateKey: file('server.key'),
        chain: file('ca.pem'),
      });
      assert.equal(asked.length, 1, 'asked once');
      assert.match(asked[0]?.message ?? '', new RegExp(`Install the TLS certificate .*CN=${hostname.replace(/\./g, '\\.')}.* on xcp-ng-lab1\\?`));
      const calls = installs(since);
      assert.equal(calls.length, 1);
      const dir = uploadDir(calls[0]);
      assert.match(dir, /^\/tmp\/xcpng-tls-[0-9a-f]{16}$/);
      assert.deepEqual(calls[0], [
        'xe',
        'host-server-certificate-install',
        `uuid=${h1.uuid}`,
        `certificate=${dir}/certificate.pem`,
        `private-key=${dir}/private-key.pem`,
        `certificate-chain=${dir}/chain.pem`,
      ]);
      assert.equal(fs.existsSync(dir), false, 'the private folder with the key is gone');
      assert.equal(result?.installed.fingerprint, expected, 'verified by reading the installed certificate back');
      // Final state: the master's PEM holds the key, the certificate and the chain; openssl on the host agrees.
      const installed = fs.readFileSync(pemFile, 'utf8');
      assert.ok(installed.startsWith(fs.readFileSync(file('server.key'), 'utf8').trim()), 'the key comes first');
      assert.ok(installed.includes(fs.readFileSync(file('ca.pem'), 'utf8').trim()), 'the chain is kept');
      const shown = await vscode.commands.executeCommand<{ subject: string; fingerprint: string }>('xcpng.guide.tlsShow', node);
      assert.equal(shown?.fingerprint, expected);
      assert.match(shown?.subject ?? '', /O ?= ?Lab Test/);
    } finally {
      // Other suites read the scenario's own certificate and key: put the file back as it was (in place).
      fs.writeFileSync(pemFile, original);
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('Dom0 memory: shows both sources, writes base = max, and resumes after a host reboot at the verification', async () => {
    const h1 = hostByName('xcp-ng-lab1');
    const hostNode = api.explorer.nodeFor(monitor().target.id, 'host', h1.uuid);
    // Set memory, accept the reboot offer, then decline the safe reboot's pool-master question: interrupted.
    answers = [true, true, false];
    let since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.guide.dom0Memory', hostNode, undefined, { mib: 6144 });
    // Read to check (already set?), read for the modal, write, read back to verify. The stand-in logs the
    // tool by name; the extension ran it as /opt/xensource/libexec/xen-cmdline.
    assert.deepEqual(actionCalls(since), [
      ['xen-cmdline', '--get-xen', 'dom0_mem'],
      ['xen-cmdline', '--get-xen', 'dom0_mem'],
      ['xen-cmdline', '--set-xen', 'dom0_mem=6144M,max:6144M'],
      ['xen-cmdline', '--get-xen', 'dom0_mem'],
    ]);
    assert.match(asked[0]?.detail ?? '', /Now: dom0_mem=4096M,max:4096M on the Xen command line; the dom0 VM has 4096 MiB\.\nRecommended: 4096 MiB/);
    assert.match(asked[2]?.message ?? '', /is the pool master/);
    // The host reboots outside the runbook (as if the user rebooted it, or the runbook was cut off mid-reboot).
    // Its guests are started again afterwards: the after-reload suite moves some of them back to lab3.
    const guests = state().vms.filter((v) => v['resident-on'] === h1.uuid && v['power-state'] === 'running' && v['is-control-domain'] !== 'true');
    await xe('host-disable', `uuid=${h1.uuid}`);
    await xe('host-reboot', `uuid=${h1.uuid}`);
    asked = [];
    since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord>('xcpng.guide.resume', { guideId: 'dom0Memory', poolId: monitor().target.id, targetUuid: h1.uuid });
    assert.deepEqual(actionCalls(since), [], 'resume verified the interrupted reboot instead of rebooting again');
    assert.equal(asked.length, 0);
    assert.deepEqual(record?.steps.map((s) => [s.id, s.state, s.detail]), [
      ['cmdline', 'done', undefined],
      ['reboot', 'done', 'verified after the interruption'],
    ]);
    assert.equal(record?.finished, true);
    for (const vm of guests) await xe('vm-start', `uuid=${vm.uuid}`, `on=${h1.uuid}`);
  });

  it('leaves a Router VM runbook stopped before its restart, for the after-reload suite to resume', async () => {
    const db = vmByDescription('PostgreSQL 16');
    await ensureRunning(db.uuid);
    answers = [false];
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.guide.routerVm', vmNode(db.uuid));
    const sent = actionCalls(since);
    assert.deepEqual(sent.map((c) => c[1]), ['vm-param-set', 'vif-param-set', 'vif-param-set']);
    assert.equal(state().vms.find((v) => v.uuid === db.uuid)?.['power-state'], 'running');
  });
});
