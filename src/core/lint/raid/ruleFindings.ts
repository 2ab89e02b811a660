import type { Finding, Fix, Range, Severity } from '../finding';

/**
 * A finding maker for one format's rule table: the severity always comes from the table, so a rule cannot be
 * reported with two severities, and a finding without fixes carries no empty `fixes` list.
 */
export function ruleFindings<Rules extends Record<string, Severity>>(rules: Rules) {
  return (code: keyof Rules & string, range: Range, message: string, fixes?: readonly Fix[]): Finding => {
    const severity = rules[code] as Severity;
    return fixes && fixes.length > 0 ? { code, severity, range, message, fixes } : { code, severity, range, message };
  };
}
