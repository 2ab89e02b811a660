import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../../src/cli/main';
import { lintFixturePath } from './raidFixtures';

function run(...args: string[]): { code: number; out: string } {
  let out = '';
  const code = runCli(args, (s) => (out += s), (s) => (out += s));
  return { code, out };
}

describe('xcpng-lint on RAID root folders', () => {
  it('passes the guide\'s own root (mdadm.conf, drop-in, mdstat) silently', () => {
    assert.deepEqual(run(lintFixturePath('raid-roots', 'seed')), { code: 0, out: '' });
  });

  it('reports both sides of a mistyped UUID with rule ids, cross-checking the files it finds', () => {
    const root = lintFixturePath('raid-roots', 'seed-typo-uuid');
    const { code, out } = run(root);
    assert.equal(code, 1);
    const lines = out.trim().split('\n').map((line) => path.relative(root, line.split(':')[0] as string) + line.slice(line.indexOf(':')));
    assert.deepEqual(
      lines.map((line) => line.split(' ').slice(0, 3).join(' ')),
      [
        `${path.join('etc', 'dracut.conf.d', 'dracut_mdraid.conf')}:11:30: error dracut/md-uuid-unknown`,
        `${path.join('etc', 'mdadm.conf')}:5:32: error mdadm/array-bad-uuid`,
      ],
    );
  });
});
