import type { ExecOptions, RemoteExec } from '../ssh/remoteExec';
import { OperationError } from './operationError';

/**
 * Runs one dom0 tool (not xe) and returns its stdout. A non-zero exit becomes an OperationError naming what was
 * attempted with the tool's own last words; `sent` is true since the command reached the host.
 */
export async function runDom0Command(exec: RemoteExec, argv: readonly string[], verb: string, options: ExecOptions = {}): Promise<string> {
  const result = await exec.exec(argv, options);
  if (result.code !== 0) {
    const words = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-2).join(' ');
    const status = result.code === null ? `was killed (${result.signal ?? 'signal'})` : `exited with ${result.code}`;
    const missing = result.code === 127 ? ` (${argv[0] ?? ''} is not installed on the host?)` : '';
    throw new OperationError(`cannot ${verb}: ${argv[0] ?? ''} ${status}${missing}${words ? `: ${words}` : ''}`, true);
  }
  return result.stdout;
}
