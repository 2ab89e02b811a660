import { compareFindings } from './compareFindings';
import { dedupeFindings } from './dedupeFindings';
import type { Finding } from './finding';
import type { LanguageSupport, LintContext } from './languageSupport';
import { stripBom } from './stripBom';

/**
 * The one entry point both the editor and the CLI lint through, so they report the same findings: strips a
 * BOM the caller left in the text, runs the analyzer, keeps one finding per (line, rule), sorts.
 */
export function lintText(support: LanguageSupport, text: string, context: LintContext): Finding[] {
  const stripped = stripBom(text);
  const findings = support.analyze(stripped.text, {
    ...context,
    hasBom: (context.hasBom ?? false) || stripped.hasBom,
  });
  return dedupeFindings(findings).sort(compareFindings);
}
