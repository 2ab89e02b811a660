import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/lint/finding';
import type { LanguageSupport, NestedProfile } from '../core/lint/languageSupport';
import { lintText } from '../core/lint/lintText';

/** Reads the file and the siblings its cross-file rules ask for (missing ones stay out of the map). */
export function lintFile(support: LanguageSupport, file: string, nested: NestedProfile): Finding[] {
  const absolute = path.resolve(file);
  const text = fs.readFileSync(file).toString('utf8');
  const siblings = new Map<string, string>();
  for (const sibling of support.siblingPaths?.(absolute) ?? []) {
    try {
      siblings.set(sibling, fs.readFileSync(sibling).toString('utf8'));
    } catch {
      // A missing sibling turns its cross-file rules off (config-formats.md §0).
    }
  }
  return lintText(support, text, { fileName: absolute, nested, siblings });
}
