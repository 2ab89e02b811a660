import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { parseMdstat } from '../../../../src/core/lint/raid/parseMdstat';
import { planSrCreate, srNameProblem } from '../../../../src/core/ops/raid/planSrCreate';
import { quoteArgv } from '../../../../src/core/ssh/quoteArgv';
import { lintFixturePath } from '../../lint/raid/raidFixtures';

const MASTER = '7d3c9e21-5a4b-4c8d-9e0f-1a2b3c4d5e01';
const mdstat = (name: string) => parseMdstat(fs.readFileSync(lintFixturePath(...name.split('/')), 'utf8'));

/** What a POSIX shell hands to the command for the quoted line: the argv as the remote side receives it. */
function shellWords(line: string): string[] {
  const r = spawnSync('sh', ['-c', `set -- ${line}; for a do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\0').slice(0, -1);
}

describe('planSrCreate: the guide\'s xe sr-create on an md array', () => {
  const healthy = mdstat('raid-generate/mdstat-after-create.txt');

  it('builds the guide\'s argv with host-uuid, and a modal naming the md device and every member drive', () => {
    const plan = planSrCreate(MASTER, 'md0', 'RAID storage', healthy);
    assert.equal(plan.kind, 'ok');
    if (plan.kind !== 'ok') return;
    assert.deepEqual(plan.command.argv, [
      'xe', 'sr-create', `host-uuid=${MASTER}`, 'name-label=RAID storage', 'type=ext', 'device-config:device=/dev/md0', 'shared=false', 'content-type=user',
    ]);
    assert.equal(plan.device, '/dev/md0');
    for (const dev of ['/dev/md0', '/dev/sde', '/dev/sdd', '/dev/sdc']) {
      assert.ok(plan.question.message.includes(dev) && plan.question.detail?.includes(dev), `the modal does not name ${dev}`);
    }
    assert.match(plan.question.detail ?? '', /Everything on \/dev\/md0 is lost/);
    assert.ok(plan.question.detail?.includes(quoteArgv(plan.command.argv)), 'the modal shows the command');
    assert.equal(plan.question.action, 'Erase and Create SR');
  });

  it('keeps a hostile name-label as one argument, literally, through the quoting and a real shell', () => {
    const name = `a b; $(touch /tmp/pwned) \`id\` 'q' "d" \\ *`;
    const plan = planSrCreate(MASTER, 'md0', name, healthy);
    assert.equal(plan.kind, 'ok');
    if (plan.kind !== 'ok') return;
    assert.equal(plan.command.argv[3], `name-label=${name}`);
    assert.deepEqual(shellWords(quoteArgv(plan.command.argv)), plan.command.argv);
  });

  it('reads the uuid xe prints, and refuses output that is not one', () => {
    const plan = planSrCreate(MASTER, 'md0', 'RAID storage', healthy);
    assert.equal(plan.kind, 'ok');
    if (plan.kind !== 'ok') return;
    assert.equal(plan.command.parse('d5771ef3-e95d-4ce4-b624-3ab82184568e\n'), 'd5771ef3-e95d-4ce4-b624-3ab82184568e');
    assert.throws(() => plan.command.parse(''), /did not print a uuid/);
    assert.throws(() => plan.command.parse('Error: nope\n'), /did not print a uuid/);
  });

  it('refuses an empty or multi-line name, an unknown array and an unhealthy one, before any modal', () => {
    const reason = (array: string, name: string, arrays = healthy): string => {
      const plan = planSrCreate(MASTER, array, name, arrays);
      return plan.kind === 'refuse' ? plan.reason : 'ok';
    };
    assert.match(reason('md0', '  '), /needs a name/);
    assert.match(reason('md0', 'RAID\nstorage'), /line break/);
    assert.match(reason('md0', 'RAID\rstorage'), /line break/);
    assert.match(reason('md9', 'RAID storage'), /\/dev\/md9 is not in \/proc\/mdstat/);
    assert.match(reason('md0', 'RAID storage', mdstat('mdstat/recovery.txt')), /\/dev\/md0 is degraded .*healthy array only/);
    assert.equal(srNameProblem('Ünïcode ; $(x)'), undefined);
  });
});
