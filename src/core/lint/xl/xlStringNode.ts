import { decodeXlString, type DecodedXlString } from './decodeXlString';
import type { XlString } from './xlTree';

/**
 * A string whose body is cut from the text (and decoded) only when asked for: a disk list holds thousands of
 * strings, and the lint reads their code units, not their text.
 */
export class XlStringNode implements XlString {
  readonly kind = 'string';
  private bodyText: string | undefined;

  constructor(
    readonly line: number,
    readonly start: number,
    readonly end: number,
    readonly bodyOffset: number,
    private readonly text: string,
    private decodedValue: DecodedXlString | undefined,
  ) {}

  get body(): string {
    return (this.bodyText ??= this.text.slice(this.bodyOffset, this.bodyOffset + this.end - this.start - 2));
  }

  get decoded(): DecodedXlString {
    return (this.decodedValue ??= decodeXlString(this.body));
  }
}
