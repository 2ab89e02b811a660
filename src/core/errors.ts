/**
 * Typed errors thrown by core. The vscode layer turns them into one message each; cancellation stays silent.
 */

/** The user (or a dispose) cancelled an operation; never shown as an error. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}
