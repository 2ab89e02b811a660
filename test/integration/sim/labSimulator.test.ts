import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { Client, type ConnectConfig } from 'ssh2';
import { repoRoot } from '../../sim/repoRoot';
import { serverFor, startSim, type SimInfo, type SimServer } from '../../sim/simServer';

/** POSIX single quoting, local to this test: the product's quoting lives in src/core and is tested there. */
function q(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function line(argv: string[]): string {
  return argv.map(q).join(' ');
}

interface ExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

function connect(server: SimServer, auth: Partial<ConnectConfig>): Promise<{ client: Client; hostKey: Buffer }> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let hostKey: Buffer = Buffer.alloc(0);
    client
      .on('ready', () => resolve({ client, hostKey }))
      .on('error', reject)
      .connect({
        host: server.host,
        port: server.port,
        readyTimeout: 20_000,
        hostVerifier: (key: Buffer) => {
          hostKey = key;
          return true;
        },
        ...auth,
      });
  });
}

function exec(client: Client, command: string): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    client.exec(command, (err, stream) => {
      if (err) {
        reject(err);
        return;
      }
      const out: Buffer[] = [];
      const errOut: Buffer[] = [];
      let code: number | null = null;
      stream.on('data', (d: Buffer) => out.push(d));
      stream.stderr.on('data', (d: Buffer) => errOut.push(d));
      stream.on('exit', (c: number | null) => {
        code = c;
      });
      stream.on('close', () => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errOut).toString('utf8'), code }));
    });
  });
}

function sftpRead(client: Client, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.sftp((err, sftp) => {
      if (err) return reject(err);
      sftp.readFile(file, (e, data) => (e ? reject(e) : resolve(data.toString('utf8'))));
    });
  });
}

function sftpWrite(client: Client, file: string, content: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.sftp((err, sftp) => {
      if (err) return reject(err);
      sftp.writeFile(file, content, (e) => (e ? reject(e) : resolve()));
    });
  });
}

function portRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(true));
  });
}

function fixtureScenario(name: string): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'sim', 'scenarios', `${name}.yaml`);
}

/** What a real path holds on this machine right now (undefined when it does not exist). */
function realFile(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

const HOSTILE = ['a b; $(id)', '`id`', 'it\'s "quoted"', 'Ünïcødé 虚拟机 🚀', '-leading dash', '$HOME and ${PATH}', '*', 'back\\slash, comma', '  spaced  ', 'tab\there', '|&><'];
const WEB = 'aaaaaaaa-0000-4000-8000-000000000001';
const QUOTES = 'aaaaaaaa-0000-4000-8000-000000000002';

describe('lab simulator behind real OpenSSH (integration)', function () {
  this.timeout(120_000);

  describe('key authentication as root', () => {
    let server: SimServer;
    let client: Client;
    let hostKey: Buffer;
    const realBefore = new Map<string, string | undefined>();

    before(async () => {
      for (const f of ['/etc/mdadm.conf', '/etc/dracut.conf.d/from-test.conf', '/proc/mdstat', '/boot/initrd-4.19.0+1.img', '/etc/xensource/xapi-ssl.pem']) realBefore.set(f, realFile(f));
      server = await startSim({ scenario: fixtureScenario('edge'), delayMs: 5 });
      ({ client, hostKey } = await connect(server, { username: server.user, privateKey: fs.readFileSync(server.privateKeyPath) }));
    });

    after(async () => {
      client?.end();
      await server?.stop();
      if (server) fs.rmSync(server.dir, { recursive: true, force: true });
    });

    it('presents the host key whose fingerprint and public line it reports', () => {
      const fp = 'SHA256:' + createHash('sha256').update(hostKey).digest('base64').replace(/=+$/, '');
      assert.equal(fp, server.hostKeyFingerprint);
      assert.equal(server.hostKeyLine, `ssh-ed25519 ${hostKey.toString('base64')}`);
      assert.equal(server.user, 'root');
      assert.equal(server.password, undefined);
    });

    it('runs xe vm-list through the login shell', async () => {
      const r = await exec(client, line(['xe', 'vm-list', 'is-control-domain=false', 'power-state=running', 'params=name-label', '--minimal']));
      assert.deepEqual(r, { stdout: 'a b; $(id),C:\\\\share\\,backup,installer,nested-xcp\n', stderr: '', code: 0 });
    });

    it('keeps stdout and stderr apart and exits 1 on an API error', async () => {
      const r = await exec(client, line(['xe', 'vm-start', `uuid=${WEB}`]));
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^You attempted an operation on a VM that was not in an appropriate power state/);
      assert.match(r.stderr, /\nvm: aaaaaaaa-0000-4000-8000-000000000001 \(a b; \$\(id\)\)\nexpected: halted\nactual: running\n$/);
    });

    it('logs the argv exactly as the remote shell unquoted it', async () => {
      const argv = ['vm-list', 'name-label=a b; $(id)', 'params=uuid', '--minimal'];
      const r = await exec(client, line(['xe', ...argv]));
      assert.equal(r.stdout, `${WEB}\n`);
      assert.deepEqual(server.readArgvLog().at(-1), ['xe', ...argv]);
    });

    it('lets hostile names arrive literally and come back unchanged', async () => {
      for (const name of HOSTILE) {
        const set = ['vm-param-set', `uuid=${QUOTES}`, `name-label=${name}`];
        assert.equal((await exec(client, line(['xe', ...set]))).code, 0, name);
        assert.deepEqual(server.readArgvLog().at(-1), ['xe', ...set]);
        const get = await exec(client, line(['xe', 'vm-param-get', `uuid=${QUOTES}`, 'param-name=name-label']));
        assert.equal(get.stdout, `${name}\n`, name);
      }
      const dashArg = await exec(client, line(['varstore-ls', '-leading dash']));
      assert.equal(dashArg.code, 1);
      assert.deepEqual(server.readArgvLog().at(-1), ['varstore-ls', '-leading dash']);
    });

    it('persists a state change across calls and in the state file', async () => {
      const vm = 'aaaaaaaa-0000-4000-8000-000000000007';
      assert.equal((await exec(client, line(['xe', 'vm-shutdown', `uuid=${vm}`, '--force']))).code, 0);
      assert.equal((await exec(client, line(['xe', 'vm-param-get', `uuid=${vm}`, 'param-name=power-state']))).stdout, 'halted\n');
      const state = server.readState() as { vms: Array<{ uuid: string; 'power-state': string }>; delayMs: number };
      assert.equal(state.vms.find((v) => v.uuid === vm)?.['power-state'], 'halted');
      assert.equal(state.delayMs, 5);
    });

    it('does not lose updates when xe calls race', async () => {
      const vm = 'aaaaaaaa-0000-4000-8000-000000000006';
      const keys = Array.from({ length: 12 }, (_, i) => `race${i}`);
      const results = await Promise.all(keys.map((k) => exec(client, line(['xe', 'vm-param-set', `uuid=${vm}`, `other-config:${k}=${k}-value`]))));
      assert.deepEqual(results.map((r) => r.code), keys.map(() => 0));
      for (const k of keys) {
        const r = await exec(client, line(['xe', 'vm-param-get', `uuid=${vm}`, 'param-name=other-config', `param-key=${k}`]));
        assert.equal(r.stdout, `${k}-value\n`);
      }
    });

    it('serves the simulated dom0 files over exec and SFTP, never the machine’s', async () => {
      const simMdadm = fs.readFileSync(path.join(server.dir, 'root', 'etc', 'mdadm.conf'), 'utf8');
      assert.match(simMdadm, /^ARRAY \/dev\/md0 {2}metadata=1\.2 UUID=53461f34/m);
      assert.equal(await sftpRead(client, '/etc/mdadm.conf'), simMdadm);
      assert.equal((await exec(client, 'cat /etc/mdadm.conf')).stdout, simMdadm);
      const mdstat = await sftpRead(client, '/proc/mdstat');
      assert.equal(mdstat, fs.readFileSync(path.join(server.dir, 'root', 'proc', 'mdstat'), 'utf8'));
      assert.equal((await exec(client, 'cat /proc/mdstat')).stdout, mdstat);
      assert.match((await sftpRead(client, '/etc/xensource/xapi-ssl.pem')), /^-----BEGIN CERTIFICATE-----[\s\S]*-----BEGIN RSA PRIVATE KEY-----/);

      await sftpWrite(client, '/etc/dracut.conf.d/from-test.conf', 'add_dracutmodules+=" mdraid "\n');
      assert.equal(fs.readFileSync(path.join(server.dir, 'root', 'etc', 'dracut.conf.d', 'from-test.conf'), 'utf8'), 'add_dracutmodules+=" mdraid "\n');
      const guide = await exec(client, 'dracut --force -M /boot/initrd-$(uname -r).img $(uname -r) >/dev/null && ls /boot && /opt/xensource/libexec/xen-cmdline --get-xen dom0_mem');
      assert.equal(guide.code, 0, guide.stderr);
      assert.match(guide.stdout, /^initrd-4\.19\.0\+1\.img$/m);
      assert.match(guide.stdout, /^dom0_mem=2048M,max:2048M$/m);
      assert.match(fs.readFileSync(path.join(server.dir, 'root', 'boot', 'initrd-4.19.0+1.img'), 'utf8'), /^modules: .* mdraid$/m);
      assert.deepEqual(server.readArgvLog().slice(-4).map((a) => a[0]), ['uname', 'uname', 'dracut', 'xen-cmdline']);

      for (const [file, before] of realBefore) assert.equal(realFile(file), before, `${file} on this machine changed`);
    });

    it('stops only its own sshd', async () => {
      await server.stop();
      assert.equal(await portRefused(server.port), true);
      assert.ok(fs.existsSync(server.stateFile), 'the state stays for the caller');
    });
  });

  describe('password authentication for a dedicated user', () => {
    let server: SimServer;
    const password = 'c0rrect horse';

    before(async () => {
      server = await startSim({ scenario: 'small-lab', password });
    });

    after(async () => {
      await server?.stop();
      if (server) fs.rmSync(server.dir, { recursive: true, force: true });
    });

    it('logs in with the password and runs xe as that user', async () => {
      assert.equal(server.user, 'xcpsim');
      assert.equal(server.password, password);
      const { client } = await connect(server, { username: server.user, password });
      try {
        const who = await exec(client, 'id -un');
        assert.equal(who.stdout, 'xcpsim\n');
        const hosts = await exec(client, line(['xe', 'host-list', 'params=name-label', '--minimal']));
        assert.deepEqual(hosts, { stdout: 'xcp-ng-lab1,xcp-ng-lab2,xcp-ng-lab3\n', stderr: '', code: 0 });
        const set = await exec(client, line(['xe', 'pool-param-set', `uuid=${(server.readState() as { pool: { uuid: string } }).pool.uuid}`, 'name-description=set by xcpsim']));
        assert.equal(set.code, 0, set.stderr);
      } finally {
        client.end();
      }
    });

    it('refuses a wrong password and root password logins', async () => {
      await assert.rejects(connect(server, { username: server.user, password: 'wrong' }));
      await assert.rejects(connect(server, { username: 'root', password }));
    });

    it('never adds the user to this machine', () => {
      assert.doesNotMatch(fs.readFileSync('/etc/passwd', 'utf8'), /^xcpsim:/m);
    });

    it('also accepts the key for the same user', async () => {
      const { client } = await connect(server, { username: server.user, privateKey: fs.readFileSync(server.privateKeyPath) });
      try {
        assert.equal((await exec(client, 'xe pool-list params=name-label --minimal')).stdout, 'Homelab\n');
      } finally {
        client.end();
      }
    });
  });

  describe('command line', () => {
    const cli = path.join(__dirname, '..', '..', 'sim', 'cli.js');
    let dir: string;

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-sim-cli-'));
    });

    after(() => {
      try {
        execFileSync(process.execPath, [cli, 'stop', '--dir', dir]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('starts a server in the background, prints how to reach it, and stops only that pid', async () => {
      const out = execFileSync(process.execPath, [cli, 'start', '--scenario', 'pool-82', '--dir', dir, '--json'], { encoding: 'utf8' });
      const printed = JSON.parse(out) as { host: string; port: number; user: string; key: string; fingerprint: string; dir: string };
      const info = JSON.parse(fs.readFileSync(path.join(dir, 'sim.json'), 'utf8')) as SimInfo;
      assert.equal(printed.port, info.port);
      assert.equal(printed.dir, dir);
      const server = serverFor(info, undefined);
      const { client } = await connect(server, { username: printed.user, privateKey: fs.readFileSync(printed.key) });
      try {
        const master = (server.readState() as { pool: { master: string } }).pool.master;
        const r = await exec(client, line(['xe', 'host-param-get', `uuid=${master}`, 'param-name=software-version', 'param-key=product_version']));
        assert.equal(r.stdout, '8.2.1\n');
      } finally {
        client.end();
      }
      const text = execFileSync(process.execPath, [cli, 'state', '--dir', dir], { encoding: 'utf8' });
      assert.equal((JSON.parse(text) as { schema: number }).schema, 1);
      execFileSync(process.execPath, [cli, 'stop', '--dir', dir]);
      assert.equal(await portRefused(printed.port), true);
    });
  });
});
