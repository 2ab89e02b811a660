import * as assert from 'node:assert/strict';
import { describeXeFailure } from '../../../src/core/ops/describeXeFailure';
import { parseXeError } from '../../../src/core/xe/parseXeError';

// stderr texts exactly as xe prints them (xe-cli.md §9): the doc sentence, then `name: value` lines.
const BAD_POWER_STATE =
  "You attempted an operation on a VM that was not in an appropriate power state at the time; for example, you attempted to start a VM that was already running. The parameters returned are the VM's handle, and the expected and actual VM state at the time of the call.\n" +
  'vm: 3b61ee80-64da-5e40-ab9b-91c2d350091b (web 10)\nexpected: running\nactual: halted\n';

describe('describeXeFailure', () => {
  it('turns VM_BAD_POWER_STATE into the power states, in words', () => {
    assert.equal(describeXeFailure(parseXeError(BAD_POWER_STATE, 1), 'shut down'), 'cannot shut down: VM is halted (it must be running)');
  });

  it('lists every allowed state of a forced shutdown', () => {
    const stderr = BAD_POWER_STATE.replace('expected: running', 'expected: paused, suspended, running');
    assert.equal(
      describeXeFailure(parseXeError(stderr, 1), 'force shut down'),
      'cannot force shut down: VM is halted (it must be paused or suspended or running)',
    );
  });

  it('names the VM that no host can take', () => {
    const stderr = 'There were no servers available to complete the specified operation.\n<extra>: 62a2a8dc-8b01-5f14-bf16-21d9594efb3f (web 2)\n';
    assert.equal(describeXeFailure(parseXeError(stderr, 1), 'evacuate'), 'cannot evacuate: no other enabled host can take VM web 2');
  });

  it('tells how to get past HOST_NOT_DISABLED', () => {
    const stderr = 'This operation cannot be performed because the host is not disabled. Please disable the host and then try again.\n';
    assert.match(describeXeFailure(parseXeError(stderr, 1), 'reboot'), /^cannot reboot: the host is still enabled; disable it/);
  });

  it('keeps xe\'s own words for a plain CLI failure', () => {
    assert.equal(describeXeFailure(parseXeError('Error: No matching VMs found\n', 1), 'start'), 'cannot start: No matching VMs found');
  });

  it('gives the SM driver\'s reason of an SR_BACKEND_FAILURE whole, commas included', () => {
    const stderr =
      'Error code: SR_BACKEND_FAILURE_105\nError parameters: , Root system device, cannot be used for VM storage [opterr=Device /dev/md127 contains core system files, please use another device], \n';
    assert.equal(
      describeXeFailure(parseXeError(stderr, 1), 'create the SR'),
      'cannot create the SR: the storage driver failed (SR_BACKEND_FAILURE_105): Root system device, cannot be used for VM storage [opterr=Device /dev/md127 contains core system files, please use another device]',
    );
  });

  it('reads SR_DEVICE_IN_USE from its sentence', () => {
    const stderr = 'The SR operation cannot be performed because a device underlying the SR is in use by the host.\n';
    assert.match(describeXeFailure(parseXeError(stderr, 1), 'create the SR'), /^cannot create the SR: the device is in use on the host/);
  });
});
