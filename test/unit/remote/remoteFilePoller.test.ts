import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RemoteFilePoller, type PolledChange, type PolledStat } from '../../../src/core/remote/remoteFilePoller';

/** The poller over this machine's files, as the provider runs it over SFTP's stat. */
async function localStat(file: string): Promise<PolledStat | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

async function eventually(what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const HOUR = 3_600_000;

describe('RemoteFilePoller', () => {
  let dir: string;
  let poller: RemoteFilePoller;
  let changes: [string, PolledChange][];
  let statCalls: string[];
  /** Stats that have answered (or failed): a baseline counts once read, not once asked. */
  let statsDone: number;
  let failing: boolean;

  /** Most tests pass on their own clock (poll()), with a timer too slow to tick during the test. */
  const start = (intervalMs = HOUR): RemoteFilePoller =>
    (poller = new RemoteFilePoller({
      intervalMs,
      stat: async (file) => {
        statCalls.push(file);
        try {
          if (failing) throw new Error('connection lost');
          return await localStat(file);
        } finally {
          statsDone++;
        }
      },
      onChange: (file, change) => changes.push([file, change]),
    }));
  const watched = async (file: string): Promise<() => void> => {
    const before = statsDone;
    const unwatch = poller.watch(file);
    await eventually('the baseline read', () => statsDone > before);
    return unwatch;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poller-'));
    changes = [];
    statCalls = [];
    statsDone = 0;
    failing = false;
  });

  afterEach(() => {
    poller?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a change, a removal and a re-creation of a watched file, once each', async () => {
    start();
    const file = path.join(dir, 'mdadm.conf');
    fs.writeFileSync(file, 'DEVICE /dev/sda\n');
    await watched(file);
    await poller.poll();
    assert.deepEqual(changes, []);
    fs.writeFileSync(file, 'DEVICE /dev/sda /dev/sdb\n');
    await poller.poll();
    fs.rmSync(file);
    await poller.poll();
    fs.writeFileSync(file, 'AUTO +all\n');
    await poller.poll();
    await poller.poll();
    assert.deepEqual(changes, [
      [file, 'changed'],
      [file, 'deleted'],
      [file, 'created'],
    ]);
  });

  it('takes the state at watch time as the baseline, so the first change is seen', async () => {
    start();
    const file = path.join(dir, 'a.conf');
    fs.writeFileSync(file, 'x\n');
    await watched(file);
    fs.writeFileSync(file, 'xy\n');
    await poller.poll();
    assert.deepEqual(changes, [[file, 'changed']]);
  });

  it('stays quiet while the host cannot be read, then compares with the last known state', async () => {
    start();
    const file = path.join(dir, 'b.conf');
    fs.writeFileSync(file, 'one\n');
    await watched(file);
    failing = true;
    fs.writeFileSync(file, 'one two\n');
    await poller.poll();
    assert.deepEqual(changes, []);
    assert.equal(statCalls.length, 2, 'the failed pass did ask');
    failing = false;
    await poller.poll();
    assert.deepEqual(changes, [[file, 'changed']]);
  });

  it('does not report what settle took as known (a save made from here)', async () => {
    start();
    const file = path.join(dir, 'c.conf');
    fs.writeFileSync(file, 'before\n');
    await watched(file);
    fs.writeFileSync(file, 'saved from the editor\n');
    await poller.settle(file);
    await poller.poll();
    assert.deepEqual(changes, []);
    fs.writeFileSync(file, 'changed on the host afterwards\n');
    await poller.poll();
    assert.deepEqual(changes, [[file, 'changed']]);
  });

  it('polls on its own timer, and stops when the last watcher of the last path goes away', async () => {
    start(20);
    const file = path.join(dir, 'd.conf');
    fs.writeFileSync(file, 'd\n');
    const first = await watched(file);
    const second = poller.watch(file);
    first();
    first(); // undoing twice counts once
    fs.writeFileSync(file, 'dd\n');
    await eventually('the timer to notice the change', () => changes.length === 1);
    second();
    await new Promise((resolve) => setTimeout(resolve, 30)); // a pass that had started may finish
    const afterUnwatch = statCalls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(statCalls.length, afterUnwatch, 'no stat once nothing is watched');
  });
});
