import * as assert from 'node:assert/strict';
import { PausableTimeout } from '../../../src/core/ssh/pausableTimeout';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PausableTimeout', () => {
  it('does not fire while paused, and fires after it resumes', async () => {
    let fired = false;
    const firing = new Promise<void>((resolve) => {
      const timeout = new PausableTimeout(20, () => {
        fired = true;
        resolve();
      });
      void timeout.paused(async () => {
        await tick(80); // four times the timeout, spent "with the user"
        assert.equal(fired, false);
      });
    });
    await firing;
    assert.equal(fired, true);
  });

  it('never fires once cleared', async () => {
    let fired = false;
    const timeout = new PausableTimeout(10, () => {
      fired = true;
    });
    timeout.clear();
    await timeout.paused(() => tick(30));
    assert.equal(fired, false);
  });
});
