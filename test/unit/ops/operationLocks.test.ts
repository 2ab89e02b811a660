import * as assert from 'node:assert/strict';
import { OperationInProgressError, OperationLocks } from '../../../src/core/ops/operationLocks';

describe('OperationLocks', () => {
  it('refuses a second operation on the same object while the first runs, then frees it', async () => {
    const locks = new OperationLocks();
    let release!: () => void;
    const first = locks.run('vm:a', 'shut down', () => new Promise<string>((r) => (release = () => r('done'))));
    await assert.rejects(locks.run('vm:a', 'shut down', async () => 'twice'), (e: unknown) => e instanceof OperationInProgressError && e.operation === 'shut down');
    assert.equal(await locks.run('vm:b', 'start', async () => 'other object'), 'other object');
    release();
    assert.equal(await first, 'done');
    assert.equal(locks.isHeld('vm:a'), false);
    assert.equal(await locks.run('vm:a', 'start', async () => 'again'), 'again');
  });

  it('frees the lock when the operation fails', async () => {
    const locks = new OperationLocks();
    await assert.rejects(locks.run('vm:a', 'start', async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(locks.isHeld('vm:a'), false);
  });
});
