import type { Finding } from './finding';

/**
 * Keeps one finding per (line, rule), the first one reported, as config-formats.md §0 asks: a line with
 * three bad escapes gets one squiggle, not three.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.range.start.line}\u0000${finding.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(finding);
  }
  return kept;
}
