/**
 * md array UUIDs as the two tools read them (config-formats.md §7). Both sides are reduced to 32 lower-case
 * hex digits before they are compared; the tools differ only in which separators they skip.
 */

const HEX32 = /^[0-9a-fA-F]{32}$/;

/**
 * mdadm's reading of `uuid=` (uuid.c parse_uuid): 32 hex digits in either case, with `:` `.` `-` or space
 * anywhere between them. Returns the lower-case digits, or undefined when mdadm says "bad uuid".
 */
export function parseMdadmUuid(text: string): string | undefined {
  const digits = text.replace(/[:.\- ]/g, '');
  return HEX32.test(digits) ? digits.toLowerCase() : undefined;
}

/**
 * dracut's reading of `rd.md.uuid=` (parse-md.sh): it strips only `-` and `:` and expects 32 characters.
 * Returns the hex digits as written (case kept, since the udev match is case-sensitive), or undefined.
 */
export function parseDracutMdUuid(text: string): string | undefined {
  const digits = text.replace(/[:-]/g, '');
  return HEX32.test(digits) ? digits : undefined;
}

/** The form `mdadm --examine --scan` prints: `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`, lower case. */
export function formatMdadmUuid(hex32: string): string {
  const lower = hex32.toLowerCase();
  return [0, 8, 16, 24].map((i) => lower.slice(i, i + 8)).join(':');
}
