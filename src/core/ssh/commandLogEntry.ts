/** One command sent to a host, as the "command log" view shows it. */
export interface CommandLogEntry {
  /** When the command was started. */
  readonly time: Date;
  /** The connection's name (the pool id), as given to the connection. */
  readonly connection: string;
  /** `user@host:port`. */
  readonly target: string;
  readonly argv: readonly string[];
  /** The exact line sent to the remote shell. */
  readonly commandLine: string;
  /** Exit status; null if the process died from a signal or the command did not complete. */
  readonly code: number | null;
  readonly signal?: string;
  readonly durationMs: number;
  /** Why the command did not complete (timeout, cancelled, connection lost). */
  readonly error?: string;
}

export type CommandLogger = (entry: CommandLogEntry) => void;
