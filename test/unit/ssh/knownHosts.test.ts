import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import {
  entryMatchesHost,
  formatKnownHostsLine,
  knownHostsName,
  matchWildcard,
  parseKnownHosts,
} from '../../../src/core/ssh/knownHosts';
import { sshFixture } from './repoRoot';

const fixture = sshFixture('known_hosts');
const parsed = parseKnownHosts(fs.readFileSync(fixture, 'utf8'), fixture);

function blobOf(keyName: string): Buffer {
  const text = fs.readFileSync(sshFixture('keys', `${keyName}.pub`), 'utf8');
  return Buffer.from(text.split(' ')[1] ?? '', 'base64');
}

/** Line numbers ssh-keygen -F reports for a host: OpenSSH's own matcher is the oracle. */
function sshKeygenMatches(host: string, port: number): number[] {
  let output: string;
  try {
    output = execFileSync('ssh-keygen', ['-F', knownHostsName(host, port), '-f', fixture], { encoding: 'utf8' });
  } catch {
    return []; // exit status 1: not found
  }
  return [...output.matchAll(/found: line (\d+)/g)].map((match) => Number(match[1]));
}

describe('parseKnownHosts', () => {
  it('reads the well-formed lines with their markers and key types', () => {
    const summary = parsed.entries.map((entry) => [entry.line, entry.marker ?? '', entry.hosts.kind, entry.keyType]);
    assert.deepEqual(summary, [
      [2, '', 'patterns', 'ssh-ed25519'],
      [3, '', 'patterns', 'ecdsa-sha2-nistp256'],
      [4, '', 'patterns', 'ssh-rsa'],
      [5, '', 'patterns', 'ssh-ed25519'],
      [8, '', 'hashed', 'ssh-ed25519'],
      [9, '', 'hashed', 'ecdsa-sha2-nistp256'],
      [10, '', 'patterns', 'ssh-ed25519'],
      [11, 'revoked', 'patterns', 'ssh-ed25519'],
      [12, 'cert-authority', 'patterns', 'ssh-ed25519'],
    ]);
  });

  it('keeps the comment and the exact key bytes', () => {
    const alpha = parsed.entries.find((entry) => entry.line === 2);
    assert.equal(alpha?.comment, "alpha's key");
    assert.deepEqual(alpha?.keyBlob, blobOf('host_ed25519'));
  });

  it('reports each malformed line once, with its line number, and goes on', () => {
    assert.deepEqual(
      parsed.problems.map((problem) => problem.line),
      [14, 15, 16, 17, 18],
    );
    assert.match(parsed.problems.find((problem) => problem.line === 16)?.message ?? '', /ssh-ed25519.*ssh-rsa/);
  });

  it('reads an empty file as no entries', () => {
    assert.deepEqual(parseKnownHosts('', 'empty'), { entries: [], problems: [] });
  });
});

describe('entryMatchesHost agrees with ssh-keygen -F', () => {
  const queries: Array<[string, number]> = [
    ['alpha.lab', 22], ['alpha.lab', 2222], ['ALPHA.lab', 22], ['beta.lab', 2222], ['beta.lab', 22], ['10.0.0.5', 22],
    ['x.pool.lab', 22], ['a.b.pool.lab', 22], ['pool.lab', 22], ['secret.pool.lab', 22], ['node1.lab', 22],
    ['node12.lab', 22], ['node.lab', 22], ['gamma.lab', 22], ['gamma.lab', 2200], ['delta.lab', 2200],
    ['delta.lab', 22], ['upper.lab', 22], ['UPPER.LAB', 22], ['a.ca.lab', 22], ['nothing.example', 22],
  ];
  for (const [host, port] of queries) {
    it(`${host} port ${port}`, () => {
      const ours = parsed.entries.filter((entry) => entryMatchesHost(entry, host, port)).map((entry) => entry.line);
      assert.deepEqual(ours, sshKeygenMatches(host, port));
    });
  }
});

describe('matchWildcard', () => {
  const cases: Array<[string, string, boolean]> = [
    ['abc', 'abc', true], ['abc', 'ab', false], ['abc', 'a*', true], ['abc', '*c', true], ['abc', 'a?c', true],
    ['ac', 'a?c', false], ['', '*', true], ['', '?', false], ['aXbXc', '*b*c', true], ['aaa', 'a*a*a*a', false],
    ['[h]:22', '[h]:2?', true],
  ];
  for (const [text, pattern, expected] of cases) {
    it(`${JSON.stringify(text)} ~ ${JSON.stringify(pattern)} is ${expected}`, () => {
      assert.equal(matchWildcard(text, pattern), expected);
    });
  }
});

describe('formatKnownHostsLine', () => {
  it('writes [host]:port for non-22 ports, and a line that parses back to the same key', () => {
    const blob = blobOf('host_ecdsa');
    const line = formatKnownHostsLine('Pool.Lab', 2200, blob, 'note');
    assert.match(line, /^\[pool\.lab\]:2200 ecdsa-sha2-nistp256 AAAA\S+ note$/);
    const entry = parseKnownHosts(line, 'x').entries[0];
    assert.ok(entry && entryMatchesHost(entry, 'pool.lab', 2200) && !entryMatchesHost(entry, 'pool.lab', 22));
    assert.deepEqual(entry.keyBlob, blob);
  });

  it('writes the bare name on port 22', () => {
    assert.match(formatKnownHostsLine('h', 22, blobOf('host_ed25519')), /^h ssh-ed25519 /);
  });
});
