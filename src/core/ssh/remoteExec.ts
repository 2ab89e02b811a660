/**
 * The seam between what runs commands (ssh2 in the product, a local process in some tests) and what builds
 * and parses them (xe commands, the snapshot, the guides). Commands are argv arrays; the implementation quotes
 * them for the remote shell in exactly one place.
 */
export interface ExecOptions {
  /** Aborting closes the channel and rejects with CancelledError. */
  readonly signal?: AbortSignal;
  /** Per-exec timeout; the implementation has a default. */
  readonly timeoutMs?: number;
  /** Bytes written to the command's stdin, then EOF. */
  readonly stdin?: string | Buffer;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status; null when the remote process died from a signal. */
  readonly code: number | null;
  readonly signal?: string;
  readonly durationMs: number;
}

export interface RemoteExec {
  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}
