import * as fs from 'node:fs';
import type { Finding } from '../../../../src/core/lint/finding';
import type { NestedProfile } from '../../../../src/core/lint/languageSupport';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';

/**
 * Lints a fixture file the way the CLI does (bytes decoded as UTF-8, BOM and siblings handled by the shared
 * machinery), for the language given. `nested` stands for the user's setting.
 */
export function lintFixture(file: string, languageId: string, nested: NestedProfile = 'auto'): Finding[] {
  const support = languageSupports.get(languageId);
  if (!support) throw new Error(`No language support for ${languageId}`);
  const text = fs.readFileSync(file).toString('utf8');
  const siblings = new Map<string, string>();
  for (const sibling of support.siblingPaths?.(file, text) ?? []) {
    if (fs.existsSync(sibling)) siblings.set(sibling, fs.readFileSync(sibling, 'utf8'));
  }
  return lintText(support, text, { fileName: file, nested, siblings });
}

/** `# expect: rule@line rule@line` header lines of a fixture, as rule -> 1-based lines. */
export function expectedLines(file: string): Map<string, number[]> {
  const expected = new Map<string, number[]>();
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^# expect: (.*)$/gm)) {
    for (const item of (m[1] as string).trim().split(/\s+/)) {
      const [rule, line] = item.split('@') as [string, string];
      expected.set(rule, [...(expected.get(rule) ?? []), Number(line)]);
    }
  }
  return expected;
}

/** `code@line` (1-based) for each finding, in document order: the compact form tests compare. */
export function codesAt(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.range.start.line + 1}`);
}
