import * as fs from 'node:fs';

/** One line per stand-in call: the JSON array `[command, ...args]` exactly as the process received it. */
export function appendArgv(file: string, command: string, args: readonly string[]): void {
  // One write with O_APPEND: concurrent calls never interleave inside a line.
  fs.appendFileSync(file, JSON.stringify([command, ...args]) + '\n', { mode: 0o666 });
}

export function readArgvLog(file: string): string[][] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string[]);
}
