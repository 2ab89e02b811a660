import * as assert from 'node:assert/strict';
import { csrArgv, parseCertificateInfo } from '../../../../src/core/ops/guides/tlsCertificate';

describe('TLS certificate commands', () => {
  it('reads OpenSSL 3 and 1.1 output', () => {
    const v3 = 'subject=CN = xcp-ng-lab1\nsha256 Fingerprint=AB:CD\nnotAfter=Jan  1 00:00:00 2035 GMT\n';
    assert.deepEqual(parseCertificateInfo(v3), { subject: 'CN = xcp-ng-lab1', fingerprint: 'AB:CD', notAfter: 'Jan  1 00:00:00 2035 GMT' });
    const v1 = 'subject= /CN=h\nSHA256 Fingerprint=01:02\nnotAfter=Feb  2 00:00:00 2030 GMT\n';
    assert.deepEqual(parseCertificateInfo(v1), { subject: '/CN=h', fingerprint: '01:02', notAfter: 'Feb  2 00:00:00 2030 GMT' });
  });

  it('puts the host name in one -subj element and refuses anything that is not a host name', () => {
    assert.deepEqual(csrArgv('lab1.example.org').slice(-2), ['-subj', '/CN=lab1.example.org']);
    for (const bad of ['', 'a/O=evil', 'a b', "x'; id"]) assert.throws(() => csrArgv(bad), RangeError, bad);
  });
});
