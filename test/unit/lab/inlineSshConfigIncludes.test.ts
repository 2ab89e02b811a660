import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inlineSshConfigIncludes, type SshConfigFiles } from '../../../src/core/lab/inlineSshConfigIncludes';
import { resolvePoolTargets } from '../../../src/core/lab/resolvePoolTargets';

// A real home directory on disk, read through node:fs as the extension reads it.
const diskFiles: SshConfigFiles = {
  readFile: async (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir: async (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
};

describe('inlineSshConfigIncludes', () => {
  let home: string;
  const write = (rel: string, text: string): void => {
    const file = path.join(home, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  beforeEach(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'xcpng-sshcfg-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('inlines relative globs from ~/.ssh in lexical order, skipping dot-files, and a ~/ path', async () => {
    write('.ssh/config.d/20-rack', 'Host rack\n  HostName 10.0.0.20\n');
    write('.ssh/config.d/10-lab', 'Host lab\n  HostName 10.0.0.10\n  Port 2222\n');
    write('.ssh/config.d/.hidden', 'Host hidden\n');
    write('extra/ssh.conf', 'Host extra\n  User admin\n');
    const { text, problems } = await inlineSshConfigIncludes('Include config.d/*\ninclude = "~/extra/ssh.conf"\nHost *\n  User root\n', home, diskFiles);
    assert.deepEqual(problems, []);
    assert.equal(
      text,
      'Host lab\n  HostName 10.0.0.10\n  Port 2222\n\nHost rack\n  HostName 10.0.0.20\n\nHost extra\n  User admin\n\nHost *\n  User root\n',
    );
  });

  it('lets a pool resolve a Host alias that lives in an included file', async () => {
    write('.ssh/lab.conf', 'Host xcp-lab\n  HostName 192.0.2.7\n  User admin\n  Port 2200\n  IdentityFile ~/.ssh/lab_ed25519\n');
    const { text } = await inlineSshConfigIncludes('Include lab.conf\n', home, diskFiles);
    const { targets } = resolvePoolTargets([{ name: 'Lab', sshConfigHost: 'xcp-lab', origin: { kind: 'settings', index: 0 } }], {
      sshConfig: text,
      homeDir: home,
      localUser: 'ada',
    });
    assert.equal(targets[0]?.id, 'admin@192.0.2.7:2200');
    assert.equal(targets[0]?.identityFile, `${home}/.ssh/lab_ed25519`);
  });

  it('ignores patterns that match nothing and missing files, as ssh does', async () => {
    const { text, problems } = await inlineSshConfigIncludes('Include nowhere/* missing.conf\nHost a\n', home, diskFiles);
    assert.deepEqual(problems, []);
    assert.equal(text, 'Host a\n');
  });

  it('stops a file that includes itself at ssh depth and says so', async () => {
    write('.ssh/loop.conf', 'Host loop\nInclude loop.conf\n');
    const { text, problems } = await inlineSshConfigIncludes('Include loop.conf\n', home, diskFiles);
    assert.equal(text.split('Host loop').length - 1, 16);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /nested more than 16 deep/);
  });

  it('keeps lines that only look like Include (an option value, a comment)', async () => {
    const source = '# Include config.d/*\nHost x\n  SetEnv Include=1\n  Includes yes\n';
    const { text } = await inlineSshConfigIncludes(source, home, diskFiles);
    assert.equal(text, source);
  });
});
