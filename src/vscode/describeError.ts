import { XeError } from '../core/xe/xeError';

/** One sentence for a user, from any error core throws. The stack goes to the log, not here. */
export function describeError(error: unknown): string {
  if (error instanceof XeError && error.form === 'xe-missing') {
    return 'xe was not found on this host: is it an XCP-ng pool master?';
  }
  return error instanceof Error ? error.message : String(error);
}
