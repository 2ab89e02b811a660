import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/lint/finding';
import type { LanguageSupport, NestedProfile } from '../core/lint/languageSupport';
import { lintText } from '../core/lint/lintText';

/** Siblings are small text files (descriptors, configs); a multi-gigabyte disk image is read only this far. */
const siblingLimit = 1024 * 1024;

function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(fs.fstatSync(fd).size, siblingLimit));
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the file and the siblings its cross-file rules ask for (missing ones stay out of the map). */
export function lintFile(support: LanguageSupport, file: string, nested: NestedProfile): Finding[] {
  const absolute = path.resolve(file);
  const text = fs.readFileSync(file).toString('utf8');
  const siblings = new Map<string, string>();
  for (const sibling of support.siblingPaths?.(absolute, text) ?? []) {
    try {
      siblings.set(sibling, readHead(sibling));
    } catch {
      // A missing sibling turns its cross-file rules off (config-formats.md §0).
    }
  }
  return lintText(support, text, { fileName: absolute, nested, siblings });
}
