import type { Severity } from '../finding';
import { ruleFindings } from '../raid/ruleFindings';

/** The dracut drop-in rules of config-formats.md §3.3 with their severities; the ids are the contract. */
export const dracutRules = {
  'dracut/crlf': 'error',
  'dracut/assign-spaces': 'error',
  'dracut/unquoted-multiword': 'error',
  'dracut/unterminated-quote': 'error',
  'dracut/plus-equals-spacing': 'warning',
  'dracut/array-syntax': 'warning',
  'dracut/plain-assign-list': 'warning',
  'dracut/unknown-key': 'warning',
  'dracut/yes-no': 'error',
  'dracut/ko-suffix': 'error',
  'dracut/md-uuid-format': 'error',
  'dracut/md-uuid-case': 'error',
  'dracut/md-uuid-unknown': 'error',
  'dracut/md-uuid-missing': 'warning',
  'dracut/mdadmconf-missing': 'warning',
  'dracut/add-device-unknown': 'warning',
} as const satisfies Record<string, Severity>;

export const dracutFinding = ruleFindings(dracutRules);
