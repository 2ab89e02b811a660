import { OperationError } from '../operationError';
import { readFileArgv } from './raidCommands';
import type { RemoteExec } from '../../ssh/remoteExec';

/** A dom0 file's text, or undefined when it does not exist (the check reports missing files, not errors). */
export async function readHostFile(exec: RemoteExec, path: string, signal?: AbortSignal): Promise<string | undefined> {
  const result = await exec.exec(readFileArgv(path), { signal });
  if (result.code === 0) return result.stdout;
  if (/No such file or directory/.test(result.stderr)) return undefined;
  throw new OperationError(`reading ${path}: cat exited with ${String(result.code)}: ${result.stderr.trim()}`, true);
}
