import type { Finding, Fix, Range, Severity } from '../finding';

/** The mdadm.conf rules of config-formats.md §2.3 with their severities; the ids are the contract. */
export const mdadmRules = {
  'mdadm/crlf': 'error',
  'mdadm/unknown-keyword': 'error',
  'mdadm/device-word': 'error',
  'mdadm/array-bad-uuid': 'error',
  'mdadm/array-unknown-tag': 'error',
  'mdadm/array-no-identity': 'error',
  'mdadm/array-duplicate-tag': 'warning',
  'mdadm/array-devname-twice': 'warning',
  'mdadm/array-duplicate-devname': 'error',
  'mdadm/array-duplicate-uuid': 'error',
  'mdadm/array-metadata': 'error',
  'mdadm/array-name-tag': 'info',
  'mdadm/devices-not-covered': 'error',
  'mdadm/device-coverage': 'error',
  'mdadm/mailaddr-multiple': 'warning',
  'mdadm/keyword-repeated': 'warning',
  'mdadm/auto-word': 'warning',
  'mdadm/create-word': 'error',
} as const satisfies Record<string, Severity>;

export type MdadmRuleId = keyof typeof mdadmRules;

export function mdadmFinding(code: MdadmRuleId, range: Range, message: string, fixes?: readonly Fix[]): Finding {
  return fixes && fixes.length > 0
    ? { code, severity: mdadmRules[code], range, message, fixes }
    : { code, severity: mdadmRules[code], range, message };
}
