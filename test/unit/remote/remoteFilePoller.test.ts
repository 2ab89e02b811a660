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

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('RemoteFilePoller', () => {
  let dir: string;
  let poller: RemoteFilePoller;
  let changes: [string, PolledChange][];
  let statCalls: string[];
  let failing: boolean;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poller-'));
    changes = [];
    statCalls = [];
    failing = false;
    poller = new RemoteFilePoller({
      intervalMs: 20,
      stat: (file) => {
        statCalls.push(file);
        return failing ? Promise.reject(new Error('connection lost')) : localStat(file);
      },
      onChange: (file, change) => changes.push([file, change]),
    });
  });

  afterEach(() => {
    poller.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a change, a removal and a re-creation of a watched file, once each', async () => {
    const file = path.join(dir, 'mdadm.conf');
    fs.writeFileSync(file, 'DEVICE /dev/sda\n');
    poller.watch(file);
    await tick(60);
    assert.deepEqual(changes, []);
    fs.writeFileSync(file, 'DEVICE /dev/sda /dev/sdb\n');
    await eventually('the change', () => changes.length === 1);
    fs.rmSync(file);
    await eventually('the removal', () => changes.length === 2);
    fs.writeFileSync(file, 'AUTO +all\n');
    await eventually('the re-creation', () => changes.length === 3);
    await tick(60);
    assert.deepEqual(changes, [
      [file, 'changed'],
      [file, 'deleted'],
      [file, 'created'],
    ]);
  });

  it('sees a change made between watching and the first tick', async () => {
    const file = path.join(dir, 'a.conf');
    fs.writeFileSync(file, 'x\n');
    poller.watch(file);
    await eventually('the baseline read', () => statCalls.length > 0);
    fs.writeFileSync(file, 'xy\n');
    await eventually('the change', () => changes.length === 1);
  });

  it('stays quiet while the host cannot be read, then compares with the last known state', async () => {
    const file = path.join(dir, 'b.conf');
    fs.writeFileSync(file, 'one\n');
    poller.watch(file);
    await tick(60);
    failing = true;
    fs.writeFileSync(file, 'one two\n');
    await tick(80);
    assert.deepEqual(changes, []);
    failing = false;
    await eventually('the change after reconnecting', () => changes.length === 1);
  });

  it('does not report what settle took as known (a save made from here)', async () => {
    const file = path.join(dir, 'c.conf');
    fs.writeFileSync(file, 'before\n');
    poller.watch(file);
    await tick(60);
    fs.writeFileSync(file, 'saved from the editor\n');
    await poller.settle(file);
    await tick(80);
    assert.deepEqual(changes, []);
  });

  it('stops polling when the last watcher of the last path goes away', async () => {
    const file = path.join(dir, 'd.conf');
    fs.writeFileSync(file, 'd\n');
    const first = poller.watch(file);
    const second = poller.watch(file);
    first();
    first(); // undoing twice counts once
    await tick(60);
    const whileWatched = statCalls.length;
    assert.ok(whileWatched > 1, 'still polled while one watcher remains');
    second();
    await tick(30);
    const afterUnwatch = statCalls.length;
    await tick(80);
    assert.equal(statCalls.length, afterUnwatch);
  });
});
