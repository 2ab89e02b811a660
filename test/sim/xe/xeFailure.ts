/**
 * The ways an xe command fails, each printed in one of the forms of xe-cli.md §9 (always exit 1).
 * Commands throw these; {@link runXe} renders them.
 */
export type XeFailure =
  | { form: 'api'; code: string; params: string[] }
  | { form: 'code'; code: string; params: string[] }
  | { form: 'cli'; message: string }
  | { form: 'usage'; message: string }
  | { form: 'client'; message: string };

export class XeFailureError extends Error {
  constructor(readonly failure: XeFailure) {
    super('message' in failure ? failure.message : failure.code);
  }
}

/** Form 1: an API error whose code is in the datamodel; params already rendered (`uuid (name)` for refs). */
export function apiError(code: string, ...params: string[]): XeFailureError {
  return new XeFailureError({ form: 'api', code, params });
}

/** Form 2: `Error code:` + `Error parameters:` for codes the CLI does not know. */
export function codeError(code: string, ...params: string[]): XeFailureError {
  return new XeFailureError({ form: 'code', code, params });
}

/** Form 3: `Error: <message>`. */
export function cliError(message: string): XeFailureError {
  return new XeFailureError({ form: 'cli', message });
}

/** Form 4: a usage line followed by `For usage run: 'xe help'`. */
export function usageError(message: string): XeFailureError {
  return new XeFailureError({ form: 'usage', message });
}

/** The xe client's own failure (e.g. `Failed to read <what>` for a file it cannot load): the text alone. */
export function clientError(message: string): XeFailureError {
  return new XeFailureError({ form: 'client', message });
}
