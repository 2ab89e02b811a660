/**
 * The logging seam: core code logs through this, the vscode layer implements it with a LogOutputChannel,
 * the CLI and tests with the console or a collector. Core never writes to stdout itself.
 */
export interface Log {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

/** A Log that drops everything, for callers that have nowhere to log (one-off CLI parsing, benchmarks). */
export const silentLog: Log = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
