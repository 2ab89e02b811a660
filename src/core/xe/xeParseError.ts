/**
 * xe printed something the parser cannot read. Thrown in strict mode (tests); lenient callers get the same
 * facts through their `onSkip` callback instead.
 */
export class XeParseError extends Error {
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    /** 1-based line in the text handed to the parser (0 when the problem is not tied to a line). */
    readonly line: number,
    /** The offending line, verbatim. */
    readonly text: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'XeParseError';
  }
}

/** A line or field a lenient parser passed over; handed to `onSkip` so the product can log it. */
export interface XeSkip {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export interface XeParseOptions {
  /** Throw {@link XeParseError} on anything outside the documented format (tests). Default false. */
  readonly strict?: boolean;
  /** Called for each line or field skipped in lenient mode. */
  readonly onSkip?: (skip: XeSkip) => void;
}
