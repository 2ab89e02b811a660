import type { PoolMonitor } from '../lab/poolMonitor';
import type { RemoteExec } from '../ssh/remoteExec';
import { paramSet } from '../xe/paramCommands';
import { runXe } from '../xe/runXe';
import { describeXeFailure } from './describeXeFailure';
import { OperationError } from './operationError';

/**
 * Auto power on needs two flags: `other-config:auto_poweron=true` on the pool AND on the VM. Tools that set
 * only the VM's leave users wondering why nothing starts after a power cut; this sets the pool's too.
 * Returns what was changed, verified by reading the pool again.
 */
export async function setVmAutoPowerOn(exec: RemoteExec, monitor: PoolMonitor, vmUuid: string, on: boolean): Promise<{ poolChanged: boolean }> {
  const snapshot = monitor.snapshot;
  const vm = snapshot?.vms.find((v) => v.uuid === vmUuid);
  if (!snapshot || !vm) throw new OperationError('cannot change auto power on: the VM is no longer in the pool', false);
  const poolChanged = on && !snapshot.pool.autoPowerOn;
  try {
    if (poolChanged) await runXe(exec, poolAutoPowerOn(snapshot.pool.uuid));
    await runXe(exec, paramSet('vm', vmUuid, [{ field: 'other-config', key: 'auto_poweron', value: String(on) }]));
  } catch (error) {
    throw new OperationError(describeXeFailure(error, 'change auto power on'), true, { cause: error });
  }
  await monitor.refreshAfterChange();
  const after = monitor.snapshot;
  const vmAfter = after?.vms.find((v) => v.uuid === vmUuid);
  if (vmAfter?.autoPowerOn !== on || (on && !after?.pool.autoPowerOn)) {
    throw new OperationError(`auto power on: xe succeeded, but the pool reads back ${after?.pool.autoPowerOn ? 'on' : 'off'} and the VM ${vmAfter?.autoPowerOn ? 'on' : 'off'}`, true);
  }
  return { poolChanged };
}

/** Turns on the pool half of auto power on (the guide's first step). */
export async function setPoolAutoPowerOn(exec: RemoteExec, monitor: PoolMonitor): Promise<void> {
  const snapshot = monitor.snapshot;
  if (!snapshot) throw new OperationError('the pool is not loaded', false);
  await runXe(exec, poolAutoPowerOn(snapshot.pool.uuid)).catch((error: unknown) => {
    throw new OperationError(describeXeFailure(error, 'enable auto power on'), true, { cause: error });
  });
  await monitor.refreshAfterChange();
  if (!monitor.snapshot?.pool.autoPowerOn) throw new OperationError('auto power on: xe succeeded, but the pool still reads it off', true);
}

function poolAutoPowerOn(poolUuid: string) {
  return paramSet('pool', poolUuid, [{ field: 'other-config', key: 'auto_poweron', value: 'true' }]);
}
