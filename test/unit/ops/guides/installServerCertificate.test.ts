import * as assert from 'node:assert/strict';
import type { HostVersion } from '../../../../src/core/lab/labModel';
import { assertCertificateInstallSupported, installCertificateCommand } from '../../../../src/core/ops/guides/installServerCertificate';
import { OperationError } from '../../../../src/core/ops/operationError';

const version = (product: string | null): HostVersion => {
  const [major, minor] = (product ?? '').split('.').map(Number);
  const release = product?.startsWith('8.2') ? '8.2' : product?.startsWith('8.3') ? '8.3' : 'other';
  return { product, major: product ? (major ?? null) : null, minor: product ? (minor ?? null) : null, release, xapi: null };
};

describe('TLS certificate install', () => {
  it('is the same xe command on 8.2 and 8.3, and refuses earlier releases with the guide method', () => {
    for (const v of ['8.2.1', '8.3.0', '9.0.0']) assert.doesNotThrow(() => assertCertificateInstallSupported(version(v), 'h1'), v);
    for (const v of ['8.1.0', '8.0.0', '7.6.0']) {
      assert.throws(
        () => assertCertificateInstallSupported(version(v), 'h1'),
        (e: unknown) => e instanceof OperationError && !e.sent && /came with 8\.2/.test(e.message) && /xapi-ssl\.pem/.test(e.message),
        v,
      );
    }
    assert.throws(() => assertCertificateInstallSupported(version(null), 'h1'), /did not report its version/);
  });

  it('selects the host by uuid and passes each file as one argument; the chain only when given', () => {
    const uuid = '7d3c9e21-5a4b-4c8d-9e0f-1a2b3c4d5e01';
    const files = { certificate: '/tmp/d/certificate.pem', privateKey: '/tmp/d/private-key.pem' };
    assert.deepEqual(installCertificateCommand(uuid, files).argv, ['xe', 'host-server-certificate-install', `uuid=${uuid}`, 'certificate=/tmp/d/certificate.pem', 'private-key=/tmp/d/private-key.pem']);
    assert.deepEqual(installCertificateCommand(uuid, { ...files, chain: '/tmp/d/chain.pem' }).argv.at(-1), 'certificate-chain=/tmp/d/chain.pem');
    assert.throws(() => installCertificateCommand('xcp-ng-lab1', files), RangeError, 'a name would select by filter');
    assert.throws(() => installCertificateCommand(uuid, { ...files, certificate: '/tmp/a\nb' }), /newline/);
  });
});
