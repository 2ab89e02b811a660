import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFile } from '../../../../src/cli/lintFile';
import type { Finding } from '../../../../src/core/lint/finding';
import type { LanguageSupport } from '../../../../src/core/lint/languageSupport';
import { repoRoot } from '../../ssh/repoRoot';

export function lintFixturePath(...parts: string[]): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'lint', ...parts);
}

/**
 * The findings a fixture promises, as `rule@line` (1-based): `# expect: rule-a rule-b` at the end of the line
 * it is about, or `# expect line N: rule` where a trailing comment would change the line's meaning.
 */
export function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const at = /^#\s*expect line (\d+):\s*(.+)$/.exec(line);
    const trailing = /#\s*expect:\s*(.+)$/.exec(line);
    if (at) for (const rule of (at[2] as string).trim().split(/\s+/)) expected.push(`${rule}@${at[1] as string}`);
    else if (trailing) for (const rule of (trailing[1] as string).trim().split(/\s+/)) expected.push(`${rule}@${index + 1}`);
  });
  return expected.sort();
}

export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.range.start.line + 1}`).sort();
}

/** Lints a fixture file through the CLI's own path: siblings read from disk, BOM handling, dedupe, order. */
export function lintFixture(support: LanguageSupport, file: string): Finding[] {
  return lintFile(support, file, 'auto');
}

/** Files under a folder, recursively, sorted. */
export function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
