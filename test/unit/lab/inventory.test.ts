import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { parseLabYaml } from '../../../src/core/lab/parseLabYaml';
import { readPoolSettings } from '../../../src/core/lab/readPoolSettings';
import { resolveInventory } from '../../../src/core/lab/resolveInventory';
import { resolvePoolTargets } from '../../../src/core/lab/resolvePoolTargets';
import { readFixture } from '../xe/fixtures';

const inventory = (file: string): string => readFixture('lab', 'inventory', file);
const env = { homeDir: '/home/ada', localUser: 'ada', sshConfig: inventory('ssh_config') };
const MATCH_EXEC_PROBE = '/tmp/xcpng-lab-match-exec-ran';

describe('inventory', () => {
  describe('parseLabYaml', () => {
    it('reads pools with the line and column where each starts', () => {
      const { pools, problems } = parseLabYaml(inventory('xcpng-lab.yaml'), '/ws/xcpng-lab.yaml');
      assert.deepEqual(problems, []);
      assert.deepEqual(pools, [
        { name: 'Home lab', sshConfigHost: 'lab-master', origin: { kind: 'yaml', file: '/ws/xcpng-lab.yaml', line: 3, column: 5 } },
        { name: 'Rack 2', host: 'xcp-r2.lab.example', port: 22, origin: { kind: 'yaml', file: '/ws/xcpng-lab.yaml', line: 6, column: 5 } },
        {
          name: 'Bench box',
          host: '192.0.2.50',
          user: 'admin',
          identityFile: '~/.ssh/bench_ed25519',
          origin: { kind: 'yaml', file: '/ws/xcpng-lab.yaml', line: 10, column: 5 },
        },
      ]);
    });

    it('reports a syntax error with its line and column, and no pools', () => {
      const { pools, problems } = parseLabYaml(inventory('syntax-error.yaml'));
      assert.deepEqual(pools, []);
      assert.ok(problems.length > 0);
      const first = problems[0];
      assert.equal(first?.severity, 'error');
      assert.equal(first?.source, 'yaml');
      assert.equal(first?.file, 'xcpng-lab.yaml');
      assert.equal(first?.line, 4);
      assert.equal(first?.column, 1);
      assert.doesNotMatch(first?.message ?? '', /\n| at line /);
    });

    it('keeps valid entries beside broken ones and points at each problem', () => {
      const { pools, problems } = parseLabYaml(inventory('invalid-entries.yaml'));
      assert.deepEqual(
        pools.map((p) => p.name),
        ['Good one', 'Typo key'],
      );
      assert.deepEqual(
        problems.map((p) => [p.severity, p.path, p.line, p.column]),
        [
          ['error', 'pools[1]', 5, 5],
          ['error', 'pools[2].port', 9, 11],
          ['error', 'pools[3].host', 12, 11],
          ['error', 'pools[4]', 14, 5],
          ['warning', 'pools[5].identity_file', 18, 20],
        ],
      );
      assert.match(problems[0]?.message ?? '', /needs a "name"/);
      assert.match(problems[1]?.message ?? '', /1 to 65535/);
    });

    it('refuses a file that is not a mapping, and a duplicate key', () => {
      const top = parseLabYaml(inventory('not-a-mapping.yaml'));
      assert.deepEqual(top.pools, []);
      assert.deepEqual(
        top.problems.map((p) => [p.severity, p.line, p.column]),
        [['error', 1, 1]],
      );
      const dup = parseLabYaml(inventory('duplicate-key.yaml'));
      assert.deepEqual(dup.pools, []);
      assert.equal(dup.problems[0]?.line, 4);
    });

    it('reads an empty file as no pools and no problems', () => {
      assert.deepEqual(parseLabYaml(''), { pools: [], problems: [] });
    });
  });

  describe('readPoolSettings', () => {
    it('reads entries and names the path of each bad one', () => {
      const { pools, problems } = readPoolSettings(JSON.parse(inventory('settings.json')));
      assert.equal(pools.length, 5);
      assert.deepEqual(pools[0], { name: 'Office pool', host: 'xcp-office.example.net', user: 'root', origin: { kind: 'settings', index: 0 } });
      assert.deepEqual(
        problems.map((p) => [p.severity, p.path]),
        [['error', 'xcpng.pools[3].name']],
      );
    });

    it('treats an unset setting as no pools and a non-list as a problem', () => {
      assert.deepEqual(readPoolSettings(undefined), { pools: [], problems: [] });
      assert.equal(readPoolSettings({ name: 'x' }).problems[0]?.path, 'xcpng.pools');
    });
  });

  describe('resolvePoolTargets with ~/.ssh/config', () => {
    before(() => rmSync(MATCH_EXEC_PROBE, { force: true }));

    it('takes HostName, User, Port and IdentityFile from the alias', () => {
      const { pools } = parseLabYaml(inventory('xcpng-lab.yaml'), 'xcpng-lab.yaml');
      const { targets, problems } = resolvePoolTargets(pools, env);
      assert.deepEqual(problems, []);
      const [home, rack, bench] = targets;
      assert.deepEqual(
        { ...home, origin: undefined },
        {
          id: 'admin@192.0.2.10:2222',
          name: 'Home lab',
          host: '192.0.2.10',
          port: 2222,
          user: 'admin',
          identityFile: '/home/ada/.ssh/lab_ed25519',
          sshConfigHost: 'lab-master',
          origin: undefined,
        },
      );
      assert.equal(rack?.user, 'root');
      assert.equal(rack?.identityFile, '/home/ada/.ssh/root@xcp-r2.lab.example');
      assert.equal(bench?.user, 'admin');
      assert.equal(bench?.identityFile, '/home/ada/.ssh/bench_ed25519');
      assert.equal(bench?.port, 22);
    });

    it('lets values written in the definition win over the file', () => {
      const { targets } = resolvePoolTargets(
        [{ name: 'x', host: '198.51.100.1', sshConfigHost: 'lab-master', user: 'root', port: 22, origin: { kind: 'settings', index: 0 } }],
        env,
      );
      assert.deepEqual(
        [targets[0]?.host, targets[0]?.user, targets[0]?.port, targets[0]?.identityFile],
        ['198.51.100.1', 'root', 22, '/home/ada/.ssh/lab_ed25519'],
      );
    });

    it('defaults to root on port 22 without any ssh config, and keeps a relative key path as written', () => {
      const { targets } = resolvePoolTargets(
        [{ name: 'bare', host: '203.0.113.9', identityFile: 'keys/lab', origin: { kind: 'settings', index: 0 } }],
        { homeDir: '/home/ada', localUser: 'ada' },
      );
      assert.deepEqual(targets[0], {
        id: 'root@203.0.113.9:22',
        name: 'bare',
        host: '203.0.113.9',
        port: 22,
        user: 'root',
        identityFile: 'keys/lab',
        origin: { kind: 'settings', index: 0 },
      });
    });

    it('never runs Match exec commands from the config', () => {
      resolvePoolTargets([{ name: 'm', host: 'anything', origin: { kind: 'settings', index: 0 } }], env);
      assert.equal(existsSync(MATCH_EXEC_PROBE), false);
    });
  });

  describe('resolveInventory', () => {
    it('merges the setting and the YAML file, setting first, and drops repeated names and masters', () => {
      const { targets, problems } = resolveInventory({
        ...env,
        settings: JSON.parse(inventory('settings.json')),
        yaml: { text: inventory('xcpng-lab.yaml'), file: '/ws/xcpng-lab.yaml' },
      });
      assert.deepEqual(
        targets.map((t) => [t.name, t.id]),
        [
          ['Office pool', 'root@xcp-office.example.net:22'],
          ['Templated', 'root@templated.mgmt.lab.example:22'],
          ['Port from config', 'root@bad-port:22'],
          ['Home lab', 'root@192.0.2.200:22'],
          ['Rack 2', 'root@xcp-r2.lab.example:22'],
          ['Bench box', 'admin@192.0.2.50:22'],
        ],
      );
      assert.equal(targets[0]?.identityFile, '/home/ada/.ssh/id_ed25519');
      assert.deepEqual(
        problems.map((p) => [p.severity, p.source, p.path ?? `${p.file ?? ''}:${p.line ?? ''}`]),
        [
          ['error', 'settings', 'xcpng.pools[3].name'],
          ['warning', 'ssh-config', ':'],
          ['error', 'settings', 'xcpng.pools[5]'],
          ['error', 'yaml', '/ws/xcpng-lab.yaml:3'],
        ],
      );
      assert.match(problems[1]?.message ?? '', /invalid Port ssh/);
      assert.match(problems[2]?.message ?? '', /like pool "Office pool"/);
      assert.match(problems[3]?.message ?? '', /defined twice/);
    });
  });
});
