import * as assert from 'node:assert/strict';
import { SshError } from '../../../src/core/errors';
import { ConnectionPool } from '../../../src/core/ssh/connectionPool';
import type { SecretStore } from '../../../src/core/ssh/secretStore';
import type { SshPrompts } from '../../../src/core/ssh/sshPrompts';
import { TrustStore } from '../../../src/core/ssh/trustStore';

const unused = (): Promise<never> => Promise.reject(new Error('not expected in this test'));
const prompts: SshPrompts = { confirmUnknownHostKey: unused, askPassword: unused, askPassphrase: unused };
const secrets: SecretStore = { get: unused, set: unused, delete: unused };

describe('ConnectionPool', () => {
  const pool = (): ConnectionPool =>
    new ConnectionPool({ trustStore: new TrustStore({ knownHostsFiles: [], trustFile: '/nonexistent/trust' }), prompts, secrets });
  const target = { host: 'master.lab', port: 22, user: 'root' };

  it('hands out the same connection for a pool while its target is unchanged', () => {
    const connections = pool();
    const first = connections.get('pool-a', target);
    assert.equal(connections.get('pool-a', { ...target }), first);
    assert.notEqual(connections.get('pool-b', target), first);
    connections.dispose();
  });

  it('replaces and closes the connection when the pool target changes', async () => {
    const connections = pool();
    const first = connections.get('pool-a', target);
    const second = connections.get('pool-a', { ...target, user: 'admin' });
    assert.notEqual(second, first);
    await assert.rejects(first.exec(['true']), (error: unknown) => error instanceof SshError && error.kind === 'closed');
    connections.dispose();
  });

  it('closes connections of pools no longer configured, and all of them on dispose', async () => {
    const connections = pool();
    const kept = connections.get('kept', target);
    const dropped = connections.get('dropped', target);
    connections.retain(['kept']);
    await assert.rejects(dropped.exec(['true']), (error: unknown) => error instanceof SshError && error.kind === 'closed');
    assert.equal(connections.get('kept', target), kept);
    connections.dispose();
    await assert.rejects(kept.exec(['true']), (error: unknown) => error instanceof SshError && error.kind === 'closed');
    assert.throws(() => connections.get('kept', target));
  });
});
