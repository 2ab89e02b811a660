import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { fingerprintSha256 } from '../../../src/core/ssh/fingerprintSha256';
import { keyBlobType } from '../../../src/core/ssh/keyBlobType';
import { sshFixture } from './repoRoot';

const keyFiles = fs.readdirSync(sshFixture('keys')).filter((name) => name.endsWith('.pub'));

describe('fingerprintSha256', () => {
  it('has fixture keys of several types to check', () => {
    assert.ok(keyFiles.length >= 3);
  });

  for (const name of keyFiles) {
    it(`prints ${name} exactly as ssh-keygen -lf does`, () => {
      const file = sshFixture('keys', name);
      const [type, base64] = fs.readFileSync(file, 'utf8').trim().split(' ');
      const blob = Buffer.from(base64 ?? '', 'base64');
      // ssh-keygen prints "<bits> SHA256:<hash> <comment> (<TYPE>)".
      const expected = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', file], { encoding: 'utf8' }).split(' ')[1];
      assert.equal(fingerprintSha256(blob), expected);
      assert.equal(keyBlobType(blob), type);
    });
  }

  it('never ends with base64 padding', () => {
    for (let size = 1; size < 40; size++) {
      assert.doesNotMatch(fingerprintSha256(Buffer.alloc(size, size)), /=/);
    }
  });
});

describe('keyBlobType', () => {
  it('reads nothing from blobs too short to name a type', () => {
    assert.equal(keyBlobType(Buffer.alloc(2)), undefined);
    assert.equal(keyBlobType(Buffer.from([0, 0, 0, 9, 0x61])), undefined);
  });
});
