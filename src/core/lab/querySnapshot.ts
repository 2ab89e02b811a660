import { randomBytes } from 'node:crypto';
import type { ExecOptions, RemoteExec } from '../ssh/remoteExec';
import { parseXeError } from '../xe/parseXeError';
import type { XeParseOptions } from '../xe/xeParseError';
import { buildSnapshot } from './buildSnapshot';
import type { LabSnapshot } from './labModel';
import { parseSnapshotOutput, snapshotArgv } from './snapshotQuery';

export interface QuerySnapshotOptions extends Pick<ExecOptions, 'signal' | 'timeoutMs'>, XeParseOptions {
  /** Marker nonce; random per call unless a test pins it. */
  readonly nonce?: string;
}

/**
 * Reads a whole pool in ONE exec: the batched script of snapshotQuery.ts runs every `xe <class>-list` on the
 * pool master, so a refresh costs one round trip whatever the number of VMs. Throws what
 * {@link parseSnapshotOutput} throws, or an XeError when the script itself fails.
 */
export async function querySnapshot(exec: RemoteExec, options: QuerySnapshotOptions = {}): Promise<LabSnapshot> {
  const nonce = options.nonce ?? randomBytes(12).toString('hex');
  const argv = snapshotArgv(nonce);
  const result = await exec.exec(argv, { signal: options.signal, timeoutMs: options.timeoutMs });
  const parseOptions: XeParseOptions = { strict: options.strict, onSkip: options.onSkip };
  if (result.code !== 0 && !result.stdout.startsWith(`${nonce} xe-missing\n`)) {
    throw parseXeError(result.stderr, result.code, { argv });
  }
  return buildSnapshot(parseSnapshotOutput(result.stdout, nonce, parseOptions), parseOptions);
}
