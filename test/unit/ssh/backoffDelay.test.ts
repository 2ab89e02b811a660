import * as assert from 'node:assert/strict';
import { backoffDelay, defaultBackoffPolicy } from '../../../src/core/ssh/backoffDelay';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops growing at the cap', () => {
    const policy = { initialMs: 500, factor: 2, maxMs: 3000, maxAttempts: 6 };
    assert.deepEqual([0, 1, 2, 3, 4, 10].map((retry) => backoffDelay(retry, policy)), [500, 1000, 2000, 3000, 3000, 3000]);
  });

  it('has a bounded default: a few attempts, no wait beyond the cap', () => {
    const waits = Array.from({ length: defaultBackoffPolicy.maxAttempts - 1 }, (_, retry) => backoffDelay(retry));
    assert.ok(waits.every((wait, i) => wait > 0 && wait <= defaultBackoffPolicy.maxMs && (i === 0 || wait >= (waits[i - 1] ?? 0))));
    assert.ok(defaultBackoffPolicy.maxAttempts >= 2 && defaultBackoffPolicy.maxAttempts <= 10);
  });

  it('treats a negative retry number as the first retry', () => {
    assert.equal(backoffDelay(-1, { initialMs: 100, factor: 3, maxMs: 1000, maxAttempts: 3 }), 100);
  });
});
