/**
 * Why an operation on a VM, host or pool was not done, or not fully, in the user's words. `sent` tells
 * whether anything reached the host: false means the preflight or the user stopped it first.
 */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OperationError';
  }
}
