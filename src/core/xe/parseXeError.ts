import { inferXeErrorCode } from './xeErrorCodes';
import { XeError, type XeErrorParam } from './xeError';

const USAGE_TRAILER = "For usage run: 'xe help'";
// The shells on dom0 and elsewhere word it differently: "sh: 1: xe: not found", "bash: xe: command not found".
const XE_NOT_FOUND = /\bxe: (?:command )?not found|\bxe: No such file or directory/;

export interface XeErrorContext {
  readonly argv?: readonly string[];
}

/**
 * Turns what a failed xe printed on stderr into an {@link XeError} (xe-cli.md §9). Call it only when the exit
 * status is not 0: the status is the truth, stderr only explains it.
 */
export function parseXeError(stderr: string, exitCode: number | null, context: XeErrorContext = {}): XeError {
  const base = { stderr, exitCode, argv: context.argv };
  if (exitCode === null) {
    return new XeError({ ...base, form: 'signal', detail: 'xe was killed before it exited' });
  }
  if (exitCode === 127 && (stderr.trim() === '' || XE_NOT_FOUND.test(stderr))) {
    const detail = 'xe was not found on the host: this is not an XCP-ng host (dom0)';
    return new XeError({ ...base, form: 'xe-missing', detail, message: detail });
  }
  const lines = stderr.split('\n').filter((l) => l !== '');
  const first = lines[0];
  if (first === undefined) {
    return new XeError({ ...base, form: 'unknown', detail: `xe exited with status ${exitCode} and printed no error` });
  }

  if (first.startsWith('Error code: ')) {
    const code = first.slice('Error code: '.length);
    const paramLine = lines.find((l) => l.startsWith('Error parameters:')) ?? '';
    const joined = paramLine.replace(/^Error parameters: ?/, '');
    const params = joined === '' ? [] : joined.split(', ').map((value, i) => ({ name: String(i), value }));
    return new XeError({ ...base, form: 'error-code', code, detail: code, params });
  }
  if (lines[lines.length - 1] === USAGE_TRAILER) {
    const code = first === 'Authentication failed' ? 'SESSION_AUTHENTICATION_FAILED' : undefined;
    return new XeError({ ...base, form: 'usage', code, detail: first });
  }
  if (first.startsWith('Error: ')) {
    return new XeError({ ...base, form: 'cli', detail: first.slice('Error: '.length) });
  }
  const code = inferXeErrorCode(first);
  return new XeError({ ...base, form: code === undefined ? 'unknown' : 'api', code, detail: first, params: readParams(lines.slice(1)) });
}

/** `name: value` lines; the name may hold spaces (`Master IP address`), the value anything, so split once. */
function readParams(lines: readonly string[]): XeErrorParam[] {
  const params: XeErrorParam[] = [];
  for (const line of lines) {
    const sep = line.indexOf(': ');
    const last = params[params.length - 1];
    if (sep >= 0) {
      params.push({ name: line.slice(0, sep), value: line.slice(sep + 2) });
    } else if (line.endsWith(':')) {
      // An empty value whose trailing space was trimmed on the way.
      params.push({ name: line.slice(0, -1), value: '' });
    } else if (last !== undefined) {
      // A value that carried a newline continues on the next line.
      params[params.length - 1] = { name: last.name, value: `${last.value}\n${line}` };
    } else {
      params.push({ name: line, value: '' });
    }
  }
  return params;
}
