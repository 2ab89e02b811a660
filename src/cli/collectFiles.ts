import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLanguage } from '../core/lint/detectLanguage';

export interface LintTarget {
  readonly path: string;
  readonly languageId: string;
}

/** Folders that never hold lab configs and can be huge. */
const skippedFolders = new Set(['.git', 'node_modules']);

function readFirstLine(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n|\r/)[0] ?? '';
  } finally {
    fs.closeSync(fd);
  }
}

/** The language of a file, reading its first line only when the path alone says nothing. */
function languageOf(file: string): string | undefined {
  const byPath = detectLanguage(file);
  if (byPath !== undefined || path.basename(file).includes('.')) return byPath;
  try {
    return detectLanguage(file, readFirstLine(file));
  } catch {
    return undefined;
  }
}

function walk(folder: string, out: LintTarget[]): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    // Symlinked folders are not followed: /etc trees often hold links back up the tree.
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) walk(full, out);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const languageId = languageOf(full);
      if (languageId !== undefined) out.push({ path: full, languageId });
    }
  }
}

/**
 * The files to lint under the given paths. Files found in folders are kept only when their language is
 * detected; a file named explicitly is kept with `forcedLanguage`, or reported in `unknown`.
 */
export function collectFiles(paths: readonly string[], forcedLanguage?: string): { targets: LintTarget[]; unknown: string[]; missing: string[] } {
  const targets: LintTarget[] = [];
  const unknown: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) {
      walk(given, targets);
      continue;
    }
    const languageId = forcedLanguage ?? languageOf(given);
    if (languageId === undefined) unknown.push(given);
    else targets.push({ path: given, languageId });
  }
  return { targets, unknown, missing };
}
