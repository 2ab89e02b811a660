import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (the folder holding package.json), found from the compiled file's location. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${from}`);
    dir = up;
  }
  return dir;
}
