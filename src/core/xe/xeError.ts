/**
 * How xe reported a failure (xe-cli.md §9), which tells the caller how far to trust `code` and `params`:
 * - `api`: a datamodel error; xe printed its doc sentence, the code was inferred from it, params are named;
 * - `error-code`: `Error code: X` / `Error parameters: ...`; the code is printed, params are positional and
 *   ambiguous (joined with ", ");
 * - `cli`: `Error: <message>` from the CLI server or client (bad field, no match, connection refused);
 * - `usage`: a usage error followed by `For usage run: 'xe help'` (also failed authentication);
 * - `xe-missing`: the shell found no `xe`: not an XCP-ng host;
 * - `signal`: the remote process was killed, no exit status;
 * - `unknown`: anything else (an API error whose sentence we do not know, a lost connection, no stderr).
 */
export type XeErrorForm = 'api' | 'error-code' | 'cli' | 'usage' | 'xe-missing' | 'signal' | 'unknown';

export interface XeErrorParam {
  /** The parameter name from the datamodel, `<extra>` for surplus values, or the 0-based index in `error-code` form. */
  readonly name: string;
  readonly value: string;
}

export interface XeErrorInit {
  readonly form: XeErrorForm;
  readonly exitCode: number | null;
  readonly stderr: string;
  /** The API error code (`VM_BAD_POWER_STATE`), inferred or printed; undefined when xe gave none. */
  readonly code?: string;
  /** The first meaningful line without any `Error: ` prefix. */
  readonly detail: string;
  readonly params?: readonly XeErrorParam[];
  readonly argv?: readonly string[];
  readonly message?: string;
}

/** A failed xe command. The exit status is the truth; everything else is read from stderr. */
export class XeError extends Error {
  readonly form: XeErrorForm;
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly code: string | undefined;
  readonly detail: string;
  /** Parameters in the order xe printed them. */
  readonly paramList: readonly XeErrorParam[];
  /** Parameters by name; the first one wins when a name repeats (`<extra>`). */
  readonly params: ReadonlyMap<string, string>;
  /** The argv that failed, when the caller knew it. */
  readonly argv: readonly string[] | undefined;

  constructor(init: XeErrorInit) {
    // The message is xe's own text, so logs and the UI show what the host said.
    super(init.message ?? (init.stderr.trim() || init.detail));
    this.name = 'XeError';
    this.form = init.form;
    this.exitCode = init.exitCode;
    this.stderr = init.stderr;
    this.code = init.code;
    this.detail = init.detail;
    this.paramList = init.params ?? [];
    const params = new Map<string, string>();
    for (const p of this.paramList) {
      if (!params.has(p.name)) {
        params.set(p.name, p.value);
      }
    }
    this.params = params;
    this.argv = init.argv;
  }
}
