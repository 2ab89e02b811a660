import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultKnownHostsFiles } from '../../../src/core/ssh/defaultKnownHostsFiles';
import { fingerprintSha256 } from '../../../src/core/ssh/fingerprintSha256';
import { parseKnownHosts } from '../../../src/core/ssh/knownHosts';
import { TrustStore } from '../../../src/core/ssh/trustStore';
import { sshFixture } from './repoRoot';

function blobOf(keyName: string): Buffer {
  const text = fs.readFileSync(sshFixture('keys', `${keyName}.pub`), 'utf8');
  return Buffer.from(text.split(' ')[1] ?? '', 'base64');
}

describe('TrustStore', () => {
  let dir: string;
  let store: TrustStore;
  let trustFile: string;
  const knownHosts = sshFixture('known_hosts');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-store-'));
    trustFile = path.join(dir, 'state', 'trusted_hosts');
    store = new TrustStore({ knownHostsFiles: [knownHosts, path.join(dir, 'missing_known_hosts')], trustFile });
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('trusts a key listed for the host in known_hosts, plain or hashed', async () => {
    assert.equal((await store.verifyHostKey('alpha.lab', 22, blobOf('host_ed25519'))).kind, 'trusted');
    assert.equal((await store.verifyHostKey('gamma.lab', 22, blobOf('host_ed25519'))).kind, 'trusted');
    assert.equal((await store.verifyHostKey('delta.lab', 2200, blobOf('host_ecdsa'))).kind, 'trusted');
  });

  it('reports a different key of the same type as changed, with the old fingerprint and its line', async () => {
    const verdict = await store.verifyHostKey('alpha.lab', 22, blobOf('other_ed25519'));
    assert.deepEqual(verdict, {
      kind: 'changed',
      keyType: 'ssh-ed25519',
      fingerprint: fingerprintSha256(blobOf('other_ed25519')),
      known: [{ source: knownHosts, line: 2, keyType: 'ssh-ed25519', fingerprint: fingerprintSha256(blobOf('host_ed25519')) }],
    });
  });

  it('reports a key for a host nobody knows as unknown', async () => {
    const verdict = await store.verifyHostKey('new.lab', 22, blobOf('host_rsa'));
    assert.deepEqual(verdict, { kind: 'unknown', keyType: 'ssh-rsa', fingerprint: fingerprintSha256(blobOf('host_rsa')), otherKnown: [] });
  });

  it('reports a key of a new type as unknown, naming the types on record', async () => {
    const verdict = await store.verifyHostKey('alpha.lab', 22, blobOf('host_ecdsa'));
    assert.equal(verdict.kind, 'unknown');
    assert.deepEqual(verdict.kind === 'unknown' ? verdict.otherKnown.map((known) => known.line) : [], [2]);
  });

  it('refuses a revoked key for any host', async () => {
    const verdict = await store.verifyHostKey('alpha.lab', 22, blobOf('revoked_ed25519'));
    assert.equal(verdict.kind, 'revoked');
  });

  it('does not take a @cert-authority key as the host key itself', async () => {
    assert.equal((await store.verifyHostKey('a.ca.lab', 22, blobOf('other_ed25519'))).kind, 'unknown');
  });

  it('negated patterns exclude a host: secret.pool.lab is unknown, x.pool.lab trusted', async () => {
    assert.equal((await store.verifyHostKey('x.pool.lab', 22, blobOf('host_rsa'))).kind, 'trusted');
    assert.equal((await store.verifyHostKey('secret.pool.lab', 22, blobOf('host_rsa'))).kind, 'unknown');
  });

  it('remembers an accepted key in its own file, in known_hosts format, readable only by the user', async () => {
    const key = blobOf('host_rsa');
    await store.trustHostKey('new.lab', 2222, key);
    assert.equal((await store.verifyHostKey('new.lab', 2222, key)).kind, 'trusted');
    assert.equal((await store.verifyHostKey('new.lab', 22, key)).kind, 'unknown', 'the port is part of the name');
    const text = fs.readFileSync(trustFile, 'utf8');
    const parsed = parseKnownHosts(text, trustFile);
    assert.equal(parsed.problems.length, 0);
    assert.match(text, /^\[new\.lab\]:2222 ssh-rsa /);
    assert.equal(fs.statSync(trustFile).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(path.dirname(trustFile)), ['trusted_hosts'], 'no temporary file left behind');
  });

  it('keeps both keys when two are accepted at the same time', async () => {
    await Promise.all([store.trustHostKey('one.lab', 22, blobOf('host_rsa')), store.trustHostKey('two.lab', 22, blobOf('host_ecdsa'))]);
    assert.equal((await store.verifyHostKey('one.lab', 22, blobOf('host_rsa'))).kind, 'trusted');
    assert.equal((await store.verifyHostKey('two.lab', 22, blobOf('host_ecdsa'))).kind, 'trusted');
  });

  it('reports a changed key against the trust file too, naming that file', async () => {
    await store.trustHostKey('new.lab', 22, blobOf('host_ed25519'));
    const verdict = await store.verifyHostKey('new.lab', 22, blobOf('other_ed25519'));
    assert.equal(verdict.kind, 'changed');
    assert.equal(verdict.kind === 'changed' ? verdict.known[0]?.source : '', trustFile);
  });

  it('forgets a host from its own file only', async () => {
    await store.trustHostKey('new.lab', 22, blobOf('host_ed25519'));
    await store.trustHostKey('keep.lab', 22, blobOf('host_ed25519'));
    assert.equal(await store.forgetHost('NEW.lab', 22), 1);
    assert.equal((await store.verifyHostKey('new.lab', 22, blobOf('host_ed25519'))).kind, 'unknown');
    assert.equal((await store.verifyHostKey('keep.lab', 22, blobOf('host_ed25519'))).kind, 'trusted');
    assert.equal(await store.forgetHost('alpha.lab', 22), 0, 'known_hosts is read-only');
  });

  it('lists the key types on record for a host', async () => {
    assert.deepEqual(await store.knownKeyTypes('alpha.lab', 22), ['ssh-ed25519']);
    assert.deepEqual(await store.knownKeyTypes('new.lab', 22), []);
  });
});

describe('defaultKnownHostsFiles', () => {
  it("lists OpenSSH's default user files, then the system-wide ones", () => {
    assert.deepEqual(defaultKnownHostsFiles('/home/ada'), [
      '/home/ada/.ssh/known_hosts',
      '/home/ada/.ssh/known_hosts2',
      '/etc/ssh/ssh_known_hosts',
      '/etc/ssh/ssh_known_hosts2',
    ]);
  });
});
