import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import type { InstallCertificatesResult } from '../../../src/core/ops/secureBoot/installPoolCertificates';
import type { SecurebootReport } from '../../../src/core/ops/secureBoot/parseSecurebootReport';
import type { SecureBootVerdict } from '../../../src/core/ops/secureBoot/secureBootVerdict';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { argvLog, labAMonitor, openLabA, simVm, simState, until, type LabFixture, type SimRecord } from './labFixture';

const WINDOWS = 'Windows Server 2022';

describe('Guest UEFI Secure Boot against the simulated pool', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  let asked: ConfirmQuestion[] = [];
  let answer = true;
  let original: { power: unknown; residentOn: unknown };

  const monitor = () => labAMonitor(api);
  const vmRecord = (name: string): SimRecord => simVm(fixture.a, name);
  const platform = (name: string) => vmRecord(name)['platform'] as Record<string, string>;
  const vmNode = (uuid: string): ExplorerNode => api.explorer.nodeFor(monitor().target.id, 'vm', uuid);
  /** What reached the host, without the explorer's snapshot reads. */
  const calls = (since: number): string[][] => argvLog(fixture.a).slice(since).filter((c) => !(c[0] === 'xe' && /-list$/.test(c[1] ?? '')));
  const tooltipOf = async (uuid: string): Promise<string> => {
    const node = vmNode(uuid);
    const item = await api.explorer.resolveTreeItem(api.explorer.getTreeItem(node), node, new vscode.CancellationTokenSource().token);
    return (item.tooltip as vscode.MarkdownString).value;
  };
  const exec = async (argv: string[]): Promise<void> => {
    const result = await api.lab.connection(monitor().target).exec(argv);
    assert.equal(result.code, 0, `${argv.join(' ')}: ${result.stderr}`);
  };

  before(async () => {
    ({ api, fixture } = await openLabA(async (question) => (asked.push(question), answer)));
    const vm = vmRecord(WINDOWS);
    original = { power: vm['power-state'], residentOn: vm['resident-on'] };
  });

  beforeEach(() => {
    asked = [];
    answer = true;
  });

  after(async () => {
    // Back to the scenario: the VM's four keys, an empty pool DB, the flag on, running where it ran.
    const vm = vmRecord(WINDOWS);
    await exec(['secureboot-certs', 'install', 'default', 'default', 'default', 'latest']);
    await exec(['varstore-sb-state', vm.uuid, 'user']);
    await exec(['secureboot-certs', 'clear']);
    await exec(['xe', 'vm-param-set', `uuid=${vm.uuid}`, 'platform:secureboot=true']);
    if (original.power === 'running' && vmRecord(WINDOWS)['power-state'] === 'halted') {
      await exec(['xe', 'vm-start', `uuid=${vm.uuid}`, `on=${String(original.residentOn)}`]);
    }
    await monitor().refreshAfterChange();
    api.confirm.override = undefined;
    const restored = vmRecord(WINDOWS);
    assert.deepEqual((restored['_nvram'] as { name: string }[]).slice(-4).map((v) => v.name), ['PK', 'KEK', 'db', 'dbx']);
    assert.deepEqual([restored['power-state'], restored['resident-on'], platform(WINDOWS)['secureboot']], [original.power, original.residentOn, 'true']);
    assert.deepEqual(simState(fixture.a).pool['_uefiCerts'], []);
  });

  it('shows the pool certificate report', async () => {
    const since = argvLog(fixture.a).length;
    const report = (await vscode.commands.executeCommand('xcpng.pool.secureBootReport', api.explorer.poolNode(monitor().target.id))) as SecurebootReport;
    assert.deepEqual(calls(since), [['secureboot-certs', 'report']]);
    assert.equal(report.pool.uuid, simState(fixture.a).pool.uuid);
    assert.deepEqual(report.pool.certificates, []);
    assert.equal(report.hosts.length, 3);
    const editor = await until('the report editor', () => vscode.window.activeTextEditor?.document.getText().includes('secureboot-certs -- Report') && vscode.window.activeTextEditor);
    assert.match(editor.document.getText(), new RegExp(`Certificate Info for pool: ${report.pool.uuid}\\):\\n\\tCertificates \\(0\\): \\n`));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reads the NVRAM on hover and calls a UEFI VM with its flag and PK enforced', async () => {
    const vm = vmRecord(WINDOWS);
    assert.equal(api.explorer.getTreeItem(vmNode(vm.uuid)).tooltip, undefined, 'the tooltip waits for the NVRAM');
    assert.match(String(api.explorer.getTreeItem(vmNode(vm.uuid)).contextValue), /^vm:running(:[a-z]+)*:uefi$/);
    const since = argvLog(fixture.a).length;
    const tooltip = await tooltipOf(vm.uuid);
    assert.match(tooltip, /Secure Boot: enforced/);
    assert.match(tooltip, /holds PK, KEK, db, dbx/);
    // Cached until the VM changes: a second hover and the details view send no second varstore-ls.
    await tooltipOf(vm.uuid);
    await vscode.commands.executeCommand('xcpng.vm.showDetails', vmNode(vm.uuid));
    const editor = await until('the details editor', () => vscode.window.activeTextEditor?.document.uri.scheme === 'xcpng-details' && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    assert.match(text, /^# Secure Boot: enforced$/m);
    assert.match(text, /^# {3}firmware: uefi · platform:secureboot: true · keys in NVRAM: PK, KEK, db, dbx$/m);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.deepEqual(calls(since).filter((c) => c[0] === 'varstore-ls'), [['varstore-ls', vm.uuid]]);
    const bios = vmRecord('ubuntu-dev');
    assert.doesNotMatch(String(api.explorer.getTreeItem(vmNode(bios.uuid)).contextValue), /:uefi/);
  });

  it('refuses to toggle Secure Boot on a running VM, and sends nothing when the shutdown is declined', async () => {
    const vm = vmRecord(WINDOWS);
    answer = false;
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.disableSecureBoot', vmNode(vm.uuid));
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /"Windows Server 2022" is running: cannot disable Secure Boot on it\. Shut it down first\?/);
    assert.equal(asked[0]?.action, 'Shut Down');
    assert.deepEqual(calls(since), []);
    assert.equal(platform(WINDOWS)['secureboot'], 'true');
    assert.equal(vmRecord(WINDOWS)['power-state'], 'running');
  });

  it('shuts the VM down when accepted, then sets the flag and reads it back', async () => {
    const vm = vmRecord(WINDOWS);
    const since = argvLog(fixture.a).length;
    const verdict = (await vscode.commands.executeCommand('xcpng.vm.disableSecureBoot', vmNode(vm.uuid))) as SecureBootVerdict;
    assert.deepEqual(calls(since).filter((c) => c[0] === 'xe'), [
      ['xe', 'vm-shutdown', `uuid=${vm.uuid}`],
      ['xe', 'vm-param-set', `uuid=${vm.uuid}`, 'platform:secureboot=false'],
    ]);
    assert.equal(vmRecord(WINDOWS)['power-state'], 'halted');
    assert.equal(platform(WINDOWS)['secureboot'], 'false');
    assert.equal(verdict.status, 'disabled');
    assert.equal(monitor().snapshot?.vms.find((v) => v.uuid === vm.uuid)?.platform.get('secureboot'), 'false');
  });

  it('enables Secure Boot on the halted VM after the guide\'s warning', async () => {
    const vm = vmRecord(WINDOWS);
    const since = argvLog(fixture.a).length;
    const verdict = (await vscode.commands.executeCommand('xcpng.vm.enableSecureBoot', vmNode(vm.uuid))) as SecureBootVerdict;
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.detail ?? '', /Unsigned drivers/);
    assert.deepEqual(calls(since).filter((c) => c[0] === 'xe'), [['xe', 'vm-param-set', `uuid=${vm.uuid}`, 'platform:secureboot=true']]);
    assert.equal(platform(WINDOWS)['secureboot'], 'true');
    assert.equal(verdict.status, 'enforced');
  });

  it('resets the VM\'s certificates with the exact argv after the confirm, and then calls it setup mode', async () => {
    const vm = vmRecord(WINDOWS);
    answer = false;
    let since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.resetSecureBootCerts', vmNode(vm.uuid));
    assert.match(asked[0]?.message ?? '', /Reset the Secure Boot certificates of "Windows Server 2022"\?/);
    assert.match(asked[0]?.detail ?? '', /wipes the Secure Boot certificates/);
    assert.deepEqual(calls(since), []);
    answer = true;
    since = argvLog(fixture.a).length;
    const verdict = (await vscode.commands.executeCommand('xcpng.vm.resetSecureBootCerts', vmNode(vm.uuid))) as SecureBootVerdict;
    assert.deepEqual(calls(since), [
      ['varstore-sb-state', vm.uuid, 'setup'],
      ['varstore-ls', vm.uuid],
    ]);
    assert.equal(verdict.status, 'setupMode');
    const tooltip = await tooltipOf(vm.uuid);
    // Markdown-escaped, as the tooltip shows names and reasons as text.
    assert.match(tooltip, /Secure Boot: setup mode \\\(not enforced\\\)/);
    assert.match(tooltip, /false sense of security/);
    assert.deepEqual(
      (vmRecord(WINDOWS)['_nvram'] as { name: string }[]).filter((v) => ['PK', 'KEK', 'db', 'dbx'].includes(v.name)),
      [],
    );
  });

  it('installs the default certificates the 8.3 way, without arguments, and verifies them with a report', async () => {
    const since = argvLog(fixture.a).length;
    const plan = { PK: { kind: 'default' }, KEK: { kind: 'default' }, db: { kind: 'default' }, dbx: { kind: 'latest' } };
    const result = (await vscode.commands.executeCommand('xcpng.pool.installSecureBootCerts', api.explorer.poolNode(monitor().target.id), plan)) as InstallCertificatesResult;
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.detail ?? '', /Runs on xcp-ng-lab1: secureboot-certs install\n/);
    assert.deepEqual(calls(since), [['secureboot-certs', 'install'], ['secureboot-certs', 'report']]);
    assert.deepEqual(result.report.pool.certificates, ['PK', 'KEK', 'db', 'dbx']);
    assert.deepEqual(simState(fixture.a).pool['_uefiCerts'], ['PK', 'KEK', 'db', 'dbx']);
  });

  it('uploads a custom PK over SFTP to a private temp dir, installs it without dbx after the warning, and removes it', async () => {
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-sb-'));
    const pk = path.join(local, 'my-pk.auth');
    fs.writeFileSync(pk, Buffer.from('custom PK auth bytes\n'));
    const since = argvLog(fixture.a).length;
    const plan = { PK: { kind: 'local', localPath: pk }, KEK: { kind: 'default' }, db: { kind: 'default' }, dbx: { kind: 'none' } };
    const result = (await vscode.commands.executeCommand('xcpng.pool.installSecureBootCerts', api.explorer.poolNode(monitor().target.id), plan)) as InstallCertificatesResult;
    assert.match(asked[0]?.detail ?? '', /No dbx: this renders Secure Boot close to useless/);
    const sent = calls(since);
    assert.equal(sent.length, 2, JSON.stringify(sent));
    const [install, report] = sent;
    assert.deepEqual(install?.slice(0, 2), ['secureboot-certs', 'install']);
    assert.match(install?.[2] ?? '', /^\/tmp\/xcpng-lab-sb-[0-9a-f]{16}\/PK\.auth$/);
    assert.deepEqual(install?.slice(3), ['default', 'default', 'none']);
    assert.deepEqual(report, ['secureboot-certs', 'report']);
    assert.deepEqual(result.report.pool.certificates, ['PK', 'KEK', 'db']);
    const left = await api.lab.connection(monitor().target).exec(['test', '-e', path.posix.dirname(install?.[2] ?? '/nonexistent')]);
    assert.equal(left.code, 1, 'the uploaded file and its directory are removed');
    fs.rmSync(local, { recursive: true, force: true });
  });
});
