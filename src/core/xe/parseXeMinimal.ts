import { XeParseError, type XeParseOptions } from './xeParseError';

/**
 * Decodes `--minimal` output (xe-cli.md §5): one line of values joined by ',' with ',' escaped as `\,` and '\'
 * as `\\`. Exactly one final newline is dropped; what remains empty means no values (a single empty value
 * prints the same, and is read as none). Strict mode throws on a missing final newline or a dangling or unknown
 * escape; lenient mode keeps such characters literally.
 */
export function parseXeMinimal(text: string, options: XeParseOptions = {}): string[] {
  const strict = options.strict ?? false;
  let body = text;
  if (body.endsWith('\n')) {
    body = body.slice(0, -1);
  } else if (strict) {
    throw new XeParseError('--minimal output does not end with a newline', 0, text);
  }
  if (body === '') {
    return [];
  }
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === ',') {
      values.push(current);
      current = '';
    } else if (c === '\\') {
      const next = body[i + 1];
      if (next === ',' || next === '\\') {
        current += next;
        i++;
      } else {
        if (strict) {
          throw new XeParseError(`unknown escape at column ${i + 1}`, 1, body);
        }
        current += c;
      }
    } else {
      current += c;
    }
  }
  values.push(current);
  return values;
}
