/**
 * md array UUIDs as the two tools read them (config-formats.md §7). Both sides are reduced to 32 lower-case
 * hex digits before they are compared; the tools differ only in which separators they skip.
 */

/** Lower-case hex digits of `text`, skipping the characters in `separators`; undefined on any other character or a count other than 32. */
function hexDigits(text: string, separators: string, lower: boolean): string | undefined {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isHex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (isHex) {
      if (digits.length === 32) return undefined;
      digits += text[i];
    } else if (!separators.includes(text[i] as string)) return undefined;
  }
  if (digits.length !== 32) return undefined;
  return lower ? digits.toLowerCase() : digits;
}

/**
 * mdadm's reading of `uuid=` (uuid.c parse_uuid): 32 hex digits in either case, with `:` `.` `-` or space
 * anywhere between them. Returns the lower-case digits, or undefined when mdadm says "bad uuid".
 */
export function parseMdadmUuid(text: string): string | undefined {
  return hexDigits(text, ':.- ', true);
}

/**
 * dracut's reading of `rd.md.uuid=` (parse-md.sh): it strips only `-` and `:` and expects 32 characters.
 * Returns the hex digits as written (case kept, since the udev match is case-sensitive), or undefined.
 */
export function parseDracutMdUuid(text: string): string | undefined {
  return hexDigits(text, ':-', false);
}

/** The form `mdadm --examine --scan` prints: `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`, lower case. */
export function formatMdadmUuid(hex32: string): string {
  const lower = hex32.toLowerCase();
  return [0, 8, 16, 24].map((i) => lower.slice(i, i + 8)).join(':');
}
