import type { XapiFlavour } from '../state/simState';
import { cliError } from './xeFailure';

/** Flags the `xe` client consumes with their value before talking to xapi (xe-cli.md §2). */
const CLIENT_FLAGS = new Set(['-s', '-p', '-u', '-pw', '-pwf', '-h']);

export interface XeInvocation {
  command: string | undefined;
  params: XeParams;
}

/**
 * What xapi sees of an argv (xe-cli.md §1-2): the client joins the args with "\n" and the server splits
 * them again, stripping one trailing "\r" each, so a value holding a newline becomes two arguments.
 * `k=v` splits at the first `=`, `--flag` means `flag=true`, a bare word is `(word, "")`.
 */
export function parseXeArgv(argv: readonly string[]): XeInvocation {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (CLIENT_FLAGS.has(a)) {
      i++;
      continue;
    }
    kept.push(a);
  }
  const words = kept.length === 0 ? [] : kept.join('\n').split('\n').map((w) => (w.endsWith('\r') ? w.slice(0, -1) : w));
  const [command, ...rest] = words;
  const pairs: Array<[string, string]> = rest.map((w) => {
    const eq = w.indexOf('=');
    if (eq >= 0) return [w.slice(0, eq), w.slice(eq + 1)];
    if (w.startsWith('--')) return [w.slice(2), 'true'];
    return [w, ''];
  });
  return { command, params: new XeParams(pairs) };
}

/** Parameters that are never treated as filters ([O] stdparams). */
export const STD_PARAMS: ReadonlySet<string> = new Set(['server', 'password', 'port', 'username', 'minimal', 'force', 'multiple', 'all', 'message-priority', 'trace']);

export class XeParams {
  constructor(readonly list: ReadonlyArray<readonly [string, string]>) {}

  get(key: string): string | undefined {
    return this.list.find(([k]) => k === key)?.[1];
  }

  has(key: string): boolean {
    return this.list.some(([k]) => k === key);
  }

  /** A boolean parameter, parsed as xapi does on this flavour; absent means false. */
  bool(key: string, flavour: XapiFlavour): boolean {
    const v = this.get(key);
    return v === undefined ? false : parseXeBool(key, v, flavour);
  }

  /** Every `k=v` except the standard params and the given command-specific ones: the filters. */
  filters(exclude: ReadonlySet<string>): Array<[string, string]> {
    return this.list.filter(([k]) => !STD_PARAMS.has(k) && !exclude.has(k)).map(([k, v]) => [k, v]);
  }
}

/** 8.2 accepts true/t/1/false/f/0; xapi 24.13+ (all of 8.3) also yes/y/no/n, with another error text. */
export function parseXeBool(name: string, value: string, flavour: XapiFlavour): boolean {
  const v = value.toLowerCase();
  const truthy = flavour === '8.2' ? ['true', 't', '1'] : ['true', 't', 'yes', 'y', '1'];
  const falsy = flavour === '8.2' ? ['false', 'f', '0'] : ['false', 'f', 'no', 'n', '0'];
  if (truthy.includes(v)) return true;
  if (falsy.includes(v)) return false;
  if (flavour === '8.2') throw cliError(`Failed to parse parameter '${name}': expecting 'true' or 'false'`);
  throw cliError(`Failed to parse parameter '${name}': Expected 'true','t','yes','y','1','false','f','no','n','0' got ${value}`);
}
