import type { Severity } from '../finding';
import { ruleFindings } from '../raid/ruleFindings';

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

export const mdadmFinding = ruleFindings(mdadmRules);
