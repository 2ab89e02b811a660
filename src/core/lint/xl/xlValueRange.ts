import type { Range } from '../finding';
import { rangeOf } from '../rangeOf';
import type { XlValue } from './xlTree';

/** Where a value is written, lists from `[` to `]` across lines. */
export function xlValueRange(value: XlValue): Range {
  return value.kind === 'list' ? rangeOf(value.line, value.start, value.end, value.endLine) : rangeOf(value.line, value.start, value.end);
}
