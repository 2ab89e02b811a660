/** A backslash escape in an xl string, as an offset into the text between the quotes. */
export interface XlEscape {
  readonly offset: number;
  readonly length: number;
  readonly sequence: string;
}

export interface DecodedXlString {
  readonly value: string;
  /** Escapes xl rejects: anything but `\" \' \\ \a \b \f \n \r \t \v` and octal, and `\x..` always. */
  readonly invalid: readonly XlEscape[];
  /** Escapes xl accepts but that change the text (`\f`) or vanish (octal `\101`). */
  readonly altering: readonly XlEscape[];
}

const simple: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * Interprets the escapes of an xl string body the way xl does (config-formats.md §1.1): the usual C escapes
 * are honoured, octal escapes are parsed and then dropped, and `\x` is always refused.
 */
const NO_ESCAPES: readonly XlEscape[] = [];

export function decodeXlString(body: string): DecodedXlString {
  // Most strings have no backslash: share one empty list instead of allocating two per string.
  if (!body.includes('\\')) return { value: body, invalid: NO_ESCAPES, altering: NO_ESCAPES };
  let value = '';
  const invalid: XlEscape[] = [];
  const altering: XlEscape[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) break;
    if (isOctal(next)) {
      let length = 2;
      while (length < 4 && isOctal(body[i + length])) length++;
      altering.push({ offset: i, length, sequence: body.slice(i, i + length) });
      i += length - 1;
    } else if (next === 'x') {
      let length = 2;
      while (length < 4 && isHex(body[i + length])) length++;
      invalid.push({ offset: i, length, sequence: body.slice(i, i + length) });
      i += length - 1;
    } else if (next in simple) {
      value += simple[next];
      if (!'"\'\\'.includes(next)) altering.push({ offset: i, length: 2, sequence: `\\${next}` });
      i++;
    } else {
      invalid.push({ offset: i, length: 2, sequence: `\\${next}` });
      i++;
    }
  }
  return { value, invalid, altering };
}
