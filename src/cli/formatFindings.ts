import type { Finding } from '../core/lint/finding';

export interface FileFindings {
  readonly path: string;
  readonly languageId: string;
  readonly findings: readonly Finding[];
}

/** `path:line:col: severity rule message`, 1-based like compilers print, one finding per line. */
export function formatText(results: readonly FileFindings[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      lines.push(`${result.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${f.message}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** One JSON array of findings with 1-based positions; fixes are listed by title. */
export function formatJson(results: readonly FileFindings[]): string {
  const rows = results.flatMap((result) =>
    result.findings.map((f) => ({
      path: result.path,
      language: result.languageId,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.code,
      message: f.message,
      fixes: (f.fixes ?? []).map((fix) => fix.title),
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
