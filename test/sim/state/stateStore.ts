import * as fs from 'node:fs';
import type { SimState } from './simState';
import type { SimPaths } from './simPaths';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the (single-threaded, short-lived) stand-in process. */
export function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

/** A lock older than this belongs to a crashed writer. */
const STALE_LOCK_MS = 30_000;

/**
 * The state file: read without a lock (writes are atomic renames, so a reader never sees a torn file),
 * read-modify-write under an exclusive lock file so two concurrent xe calls cannot lose an update.
 */
export class StateStore {
  constructor(readonly paths: SimPaths) {}

  read(): SimState {
    return JSON.parse(fs.readFileSync(this.paths.stateFile, 'utf8')) as SimState;
  }

  /**
   * The state's `delayMs` without parsing the whole file: it is the second key, written near the top,
   * and sleeping must not hold the lock.
   */
  readDelayMs(): number {
    try {
      const fd = fs.openSync(this.paths.stateFile, 'r');
      const head = Buffer.alloc(128);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      fs.closeSync(fd);
      const m = /"delayMs":\s*(\d+)/.exec(head.subarray(0, n).toString('utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  }

  write(state: SimState): void {
    const tmp = `${this.paths.stateFile}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state), { mode: 0o666 });
    fs.chmodSync(tmp, 0o666);
    fs.renameSync(tmp, this.paths.stateFile);
  }

  /** Runs fn on the current state under the lock and saves what it leaves, even when it throws half-way. */
  mutate<T>(fn: (state: SimState) => T): T {
    this.lock();
    try {
      const state = this.read();
      try {
        return fn(state);
      } finally {
        this.write(state);
      }
    } finally {
      fs.rmSync(this.paths.lockFile, { force: true });
    }
  }

  private lock(): void {
    for (;;) {
      try {
        const fd = fs.openSync(this.paths.lockFile, 'wx', 0o666);
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        try {
          if (Date.now() - fs.statSync(this.paths.lockFile).mtimeMs > STALE_LOCK_MS) fs.rmSync(this.paths.lockFile, { force: true });
        } catch {
          // The holder released it between our open and stat.
        }
        sleepMs(3);
      }
    }
  }
}
