import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { ExecOptions, ExecResult, RemoteExec } from '../../../src/core/ssh/remoteExec';

/**
 * A RemoteExec that runs the argv on this machine, with no shell in between, and a PATH that finds the lab
 * simulator's stand-in `xe`: the snapshot script then runs exactly as it would on dom0, minus SSH. Counts its
 * calls so tests and benchmarks can check round trips.
 */
export class LocalExec implements RemoteExec {
  calls = 0;

  constructor(private readonly path: string) {}

  exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    this.calls++;
    const started = performance.now();
    const [file, ...args] = argv;
    if (file === undefined) {
      return Promise.reject(new Error('empty argv'));
    }
    return new Promise((resolve, reject) => {
      const child = execFile(
        file,
        args,
        {
          env: { PATH: this.path },
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          ...(options.signal && { signal: options.signal }),
          ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
        },
        (error, stdout, stderr) => {
          const durationMs = performance.now() - started;
          if (error && typeof error.code !== 'number' && error.signal == null) {
            reject(error);
            return;
          }
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ stdout, stderr, code, durationMs, ...(error?.signal ? { signal: error.signal } : {}) });
        },
      );
      if (options.stdin !== undefined) {
        child.stdin?.end(options.stdin);
      } else {
        child.stdin?.end();
      }
    });
  }
}
