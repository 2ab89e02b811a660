import type { Log } from '../../../src/core/log';

/** A Log that keeps every line, and lets a test react to one (e.g. bring a host back when a retry is announced). */
export class CollectingLog implements Log {
  readonly lines: string[] = [];

  constructor(private readonly onLine?: (line: string) => void) {}

  trace(message: string): void {
    this.add('trace', message);
  }
  debug(message: string): void {
    this.add('debug', message);
  }
  info(message: string): void {
    this.add('info', message);
  }
  warn(message: string): void {
    this.add('warn', message);
  }
  error(message: string | Error): void {
    this.add('error', String(message));
  }

  private add(level: string, message: string): void {
    const line = `${level}: ${message}`;
    this.lines.push(line);
    this.onLine?.(line);
  }
}
