import type { PoolMonitor } from '../lab/poolMonitor';
import type { RemoteExec } from '../ssh/remoteExec';
import { paramSet } from '../xe/paramCommands';
import { runXe } from '../xe/runXe';
import { describeXeFailure } from './describeXeFailure';
import { OperationError } from './operationError';

/** Why a name cannot be given to a VM, or undefined when it can: xe carries no newline, NUL or CR. */
export function checkVmName(name: string): string | undefined {
  if (name.length === 0) return 'A VM needs a name';
  if (/[\n\r\0]/.test(name)) return 'A VM name cannot contain a line break or NUL';
  return undefined;
}

/**
 * Renames a VM: the new name travels as one argv element (`name-label=<name>`), whatever it holds, and is
 * read back to verify. Returns the name as the pool now reports it.
 */
export async function renameVm(exec: RemoteExec, monitor: PoolMonitor, vmUuid: string, name: string, options: { verify?: boolean } = {}): Promise<string> {
  const problem = checkVmName(name);
  if (problem) throw new OperationError(`cannot rename: ${problem}`, false);
  try {
    await runXe(exec, paramSet('vm', vmUuid, [{ field: 'name-label', value: name }]));
  } catch (error) {
    throw new OperationError(describeXeFailure(error, 'rename'), true, { cause: error });
  }
  if (options.verify === false) return name;
  await monitor.refreshAfterChange();
  const now = monitor.snapshot?.vms.find((v) => v.uuid === vmUuid)?.name;
  if (now !== name) throw new OperationError(`rename: xe succeeded, but the VM is now called ${JSON.stringify(now)}`, true);
  return now;
}
