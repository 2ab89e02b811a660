/**
 * md array UUIDs as the two tools read them (config-formats.md §7). Both sides are reduced to 32 lower-case
 * hex digits before they are compared; the tools differ only in which separators they skip.
 */

/** Character codes of the separators each tool skips: mdadm `: . - space`, dracut `: -`. */
const MDADM_SEPARATORS: readonly number[] = [0x3a, 0x2e, 0x2d, 0x20];
const DRACUT_SEPARATORS: readonly number[] = [0x3a, 0x2d];

/**
 * The 32 hex digits of `text` once `separators` are skipped, lower-cased when `lower`; undefined on any other
 * character or another count. Built from the runs between separators, and lower-cased only when an upper-case
 * digit was seen: a regex replace and a case conversion per UUID were most of the time of a large mdadm.conf.
 */
function hexDigits(text: string, separators: readonly number[], lower: boolean): string | undefined {
  let count = 0;
  let upper = false;
  let digits = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) count++;
    else if (c >= 65 && c <= 70) {
      count++;
      upper = true;
    } else if (separators.includes(c)) {
      digits += text.slice(from, i);
      from = i + 1;
    } else return undefined;
  }
  if (count !== 32) return undefined;
  digits = from === 0 ? text : digits + text.slice(from);
  return lower && upper ? digits.toLowerCase() : digits;
}

/**
 * mdadm's reading of `uuid=` (uuid.c parse_uuid): 32 hex digits in either case, with `:` `.` `-` or space
 * anywhere between them. Returns the lower-case digits, or undefined when mdadm says "bad uuid".
 */
export function parseMdadmUuid(text: string): string | undefined {
  return hexDigits(text, MDADM_SEPARATORS, true);
}

/**
 * dracut's reading of `rd.md.uuid=` (parse-md.sh): it strips only `-` and `:` and expects 32 characters.
 * Returns the hex digits as written (case kept, since the udev match is case-sensitive), or undefined.
 */
export function parseDracutMdUuid(text: string): string | undefined {
  return hexDigits(text, DRACUT_SEPARATORS, false);
}

/** The form `mdadm --examine --scan` prints: `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`, lower case. */
export function formatMdadmUuid(hex32: string): string {
  const lower = hex32.toLowerCase();
  return [0, 8, 16, 24].map((i) => lower.slice(i, i + 8)).join(':');
}
