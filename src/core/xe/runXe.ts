import type { ExecOptions, RemoteExec } from '../ssh/remoteExec';
import { parseXeError } from './parseXeError';
import type { XeCommand } from './xeCommand';
import type { XeParseOptions } from './xeParseError';

export interface RunXeOptions extends ExecOptions, XeParseOptions {}

/**
 * Runs one xe command and returns its parsed stdout. A non-zero exit (the truth, whatever stdout says) throws
 * an XeError built from stderr; transport failures and cancellation propagate as the transport threw them.
 */
export async function runXe<T>(exec: RemoteExec, command: XeCommand<T>, options: RunXeOptions = {}): Promise<T> {
  const { strict, onSkip, ...execOptions } = options;
  const result = await exec.exec(command.argv, execOptions);
  if (result.code !== 0) {
    throw parseXeError(result.stderr, result.code, { argv: command.argv });
  }
  return command.parse(result.stdout, { strict, onSkip });
}
