import type { ExecOptions, ExecResult, RemoteExec } from '../../../src/core/ssh/remoteExec';

/** A RemoteExec that answers from a queue of results and records what it was asked to run. */
export class RecordingExec implements RemoteExec {
  readonly calls: { argv: readonly string[]; options: ExecOptions | undefined }[] = [];

  constructor(private readonly answer: (argv: readonly string[]) => Partial<ExecResult>) {}

  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    this.calls.push({ argv, options });
    const a = this.answer(argv);
    return Promise.resolve({ stdout: a.stdout ?? '', stderr: a.stderr ?? '', code: a.code === undefined ? 0 : a.code, durationMs: 1 });
  }
}
