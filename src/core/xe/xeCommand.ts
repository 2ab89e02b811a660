import { UnsafeArgumentError } from '../errors';
import type { XeParseOptions } from './xeParseError';

/** A typed xe command: the exact argv to run and how to read its stdout when it exits 0. */
export interface XeCommand<T> {
  /** Starts with 'xe'; every element travels as one remote argument. */
  readonly argv: readonly string[];
  parse(stdout: string, options?: XeParseOptions): T;
}

/**
 * Builds an {@link XeCommand} from xe's arguments. xe joins its arguments with newlines on the wire (§1), so a
 * newline inside a value would split it into two arguments: refused here, before anything is sent.
 */
export function xeCommand<T>(args: readonly string[], parse: XeCommand<T>['parse']): XeCommand<T> {
  const argv = ['xe', ...args];
  argv.forEach((arg, index) => {
    if (/[\n\r\0]/.test(arg)) {
      throw new UnsafeArgumentError(index, `xe argument ${index} contains a newline or NUL, which xe cannot carry`);
    }
  });
  return { argv, parse };
}

/** For the many commands that print nothing on success. */
export function ignoreOutput(): void {
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a lowercase uuid as xapi prints it. */
export function isXeUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * `uuid=<uuid>`, refusing anything else: a missing or name selector would make xe act on every VM or host
 * (§8), so builders only ever select by a real uuid.
 */
export function uuidArg(name: string, uuid: string): string {
  if (!isXeUuid(uuid)) {
    throw new RangeError(`${name}= needs a uuid, got ${JSON.stringify(uuid)}`);
  }
  return `${name}=${uuid}`;
}
