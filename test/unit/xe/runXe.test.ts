import assert from 'node:assert/strict';
import { paramGet } from '../../../src/core/xe/paramCommands';
import { runXe } from '../../../src/core/xe/runXe';
import { vmShutdown } from '../../../src/core/xe/vmCommands';
import { XeError } from '../../../src/core/xe/xeError';
import { readFixture } from './fixtures';
import { RecordingExec } from './recordingExec';

const VM = '4678f48e-9e6e-53d3-9c13-dbd66056a5d1';

describe('runXe', () => {
  it('sends the command argv once, with the signal and timeout, and parses stdout', async () => {
    const exec = new RecordingExec(() => ({ stdout: 'web 01\n' }));
    const signal = new AbortController().signal;
    const name = await runXe(exec, paramGet('vm', VM, 'name-label'), { signal, timeoutMs: 5000, strict: true });
    assert.equal(name, 'web 01');
    assert.equal(exec.calls.length, 1);
    assert.deepEqual(exec.calls[0]?.argv, ['xe', 'vm-param-get', `uuid=${VM}`, 'param-name=name-label']);
    assert.equal(exec.calls[0]?.options?.signal, signal);
    assert.equal(exec.calls[0]?.options?.timeoutMs, 5000);
  });

  it('throws an XeError with the inferred code and params on a non-zero exit', async () => {
    const stderr = readFixture('xe', 'errors', 'vm-bad-power-state-start.stderr');
    const exec = new RecordingExec(() => ({ stderr, code: 1 }));
    await assert.rejects(runXe(exec, vmShutdown(VM)), (e: unknown) => {
      assert.ok(e instanceof XeError);
      assert.equal(e.code, 'VM_BAD_POWER_STATE');
      assert.equal(e.params.get('expected'), 'halted');
      assert.deepEqual(e.argv, ['xe', 'vm-shutdown', `uuid=${VM}`]);
      return true;
    });
  });

  it('trusts the exit status over the streams: stdout on failure does not make it succeed', async () => {
    const exec = new RecordingExec(() => ({ stdout: 'There are no suitable hosts to start this VM on.\n', stderr: 'There were no servers available to complete the specified operation.\n', code: 1 }));
    await assert.rejects(runXe(exec, vmShutdown(VM)), (e: unknown) => e instanceof XeError && e.code === 'NO_HOSTS_AVAILABLE');
  });

  it('succeeds on exit 0 even with text on stderr (xe prints messages there)', async () => {
    const exec = new RecordingExec(() => ({ stderr: "Message: time=20240611T08:15:42Z priority=3 name='VM_CLONED'\n", code: 0 }));
    assert.equal(await runXe(exec, vmShutdown(VM)), undefined);
  });

  it('reports xe missing on the host', async () => {
    const exec = new RecordingExec(() => ({ stderr: 'bash: line 1: xe: command not found\n', code: 127 }));
    await assert.rejects(runXe(exec, vmShutdown(VM)), (e: unknown) => e instanceof XeError && e.form === 'xe-missing');
  });
});
