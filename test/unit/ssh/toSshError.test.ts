import * as assert from 'node:assert/strict';
import { CancelledError, HostKeyError, SshError } from '../../../src/core/errors';
import { toSshError } from '../../../src/core/ssh/toSshError';

const target = { host: 'pool1.lab', port: 2222, user: 'root' };

function ssh2Error(message: string, fields: { code?: string; level?: string }): Error {
  return Object.assign(new Error(message), fields);
}

describe('toSshError', () => {
  const cases: Array<[string, Error, SshError['kind'], RegExp]> = [
    ['ECONNREFUSED', ssh2Error('connect ECONNREFUSED', { code: 'ECONNREFUSED', level: 'client-socket' }), 'unreachable', /refused by pool1\.lab port 2222/],
    ['ENOTFOUND', ssh2Error('getaddrinfo ENOTFOUND', { code: 'ENOTFOUND', level: 'client-dns' }), 'unreachable', /resolve host name "pool1\.lab"/],
    ['EHOSTUNREACH', ssh2Error('x', { code: 'EHOSTUNREACH' }), 'unreachable', /No route to pool1\.lab/],
    ['ETIMEDOUT', ssh2Error('x', { code: 'ETIMEDOUT' }), 'timeout', /timed out/],
    ['ECONNRESET', ssh2Error('read ECONNRESET', { code: 'ECONNRESET' }), 'closed', /reset by the host/],
    ['keepalive', ssh2Error('Keepalive timeout', { level: 'client-timeout' }), 'timeout', /stopped answering \(Keepalive timeout\)/],
    ['lost channel', new Error('No response from server'), 'closed', /was lost/],
    ['handshake', ssh2Error('Handshake failed: no matching key exchange algorithm', { level: 'handshake' }), 'protocol', /no matching key exchange/],
  ];
  for (const [label, error, kind, message] of cases) {
    it(`maps ${label} to ${kind} with a plain message`, () => {
      const mapped = toSshError(error, target);
      assert.ok(mapped instanceof SshError);
      assert.equal(mapped.kind, kind);
      assert.match(mapped.message, message);
      assert.equal(mapped.cause, error);
    });
  }

  it('passes our own typed errors through unchanged', () => {
    for (const error of [new CancelledError(), new SshError('auth', 'no'), new HostKeyError('changed', 'h', 22, 'SHA256:x', [], 'm')]) {
      assert.equal(toSshError(error, target), error);
    }
  });
});
