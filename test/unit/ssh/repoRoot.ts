import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found by walking up to package.json, so tests work from `out/` and from sources. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json above ${__dirname}`);
    }
    dir = parent;
  }
  return dir;
}

export function sshFixture(...parts: string[]): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'ssh', ...parts);
}
