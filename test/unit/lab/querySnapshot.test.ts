import assert from 'node:assert/strict';
import { querySnapshot } from '../../../src/core/lab/querySnapshot';
import { SNAPSHOT_SCRIPT, SnapshotSectionError } from '../../../src/core/lab/snapshotQuery';
import { XeError } from '../../../src/core/xe/xeError';
import { RecordingExec } from '../xe/recordingExec';
import { FIXTURE_NONCE, loadSnapshot, readSnapshotOutput } from './snapshotFixtures';

describe('querySnapshot', () => {
  it('reads the whole pool in exactly one exec', async () => {
    const exec = new RecordingExec(() => ({ stdout: readSnapshotOutput('small-pool') }));
    const snapshot = await querySnapshot(exec, { nonce: FIXTURE_NONCE, strict: true });
    assert.equal(exec.calls.length, 1);
    assert.deepEqual(exec.calls[0]?.argv, ['sh', '-c', SNAPSHOT_SCRIPT, 'xcpng-lab-snapshot', FIXTURE_NONCE]);
    assert.deepEqual(snapshot, loadSnapshot('small-pool'));
  });

  it('passes the abort signal and timeout to the transport', async () => {
    const exec = new RecordingExec(() => ({ stdout: readSnapshotOutput('small-pool') }));
    const signal = new AbortController().signal;
    await querySnapshot(exec, { nonce: FIXTURE_NONCE, signal, timeoutMs: 7000 });
    assert.equal(exec.calls[0]?.options?.signal, signal);
    assert.equal(exec.calls[0]?.options?.timeoutMs, 7000);
  });

  it('picks a fresh random nonce for every refresh', async () => {
    const exec = new RecordingExec(() => ({ stdout: '' }));
    await assert.rejects(querySnapshot(exec));
    await assert.rejects(querySnapshot(exec));
    const [a, b] = exec.calls.map((c) => c.argv[4]);
    assert.match(a ?? '', /^[0-9a-f]{24}$/);
    assert.notEqual(a, b);
  });

  it('says "not an XCP-ng host" when the host has no xe', async () => {
    const exec = new RecordingExec(() => ({ stdout: readSnapshotOutput('xe-missing'), code: 127 }));
    await assert.rejects(querySnapshot(exec, { nonce: FIXTURE_NONCE }), (e: unknown) => e instanceof XeError && e.form === 'xe-missing');
  });

  it('names a failed sub-call', async () => {
    const exec = new RecordingExec(() => ({ stdout: readSnapshotOutput('sr-failed') }));
    await assert.rejects(querySnapshot(exec, { nonce: FIXTURE_NONCE }), (e: unknown) => e instanceof SnapshotSectionError && e.section === 'sr');
  });

  it('turns a failure of the script itself into an XeError with its stderr', async () => {
    const exec = new RecordingExec(() => ({ stderr: 'sh: 1: cannot fork\n', code: 2 }));
    await assert.rejects(
      querySnapshot(exec, { nonce: FIXTURE_NONCE }),
      (e: unknown) => e instanceof XeError && e.exitCode === 2 && e.detail === 'sh: 1: cannot fork',
    );
  });
});
