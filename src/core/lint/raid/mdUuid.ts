/**
 * md array UUIDs as the two tools read them (config-formats.md §7). Both sides are reduced to 32 lower-case
 * hex digits before they are compared; the tools differ only in which separators they skip.
 */

const MDADM_SEPARATORS = { chars: ':.- ', all: /[:.\- ]/g };
const DRACUT_SEPARATORS = { chars: ':-', all: /[:-]/g };

/** The 32 hex digits of `text` once `separators` are skipped; undefined on any other character or another count. */
function hexDigits(text: string, separators: { chars: string; all: RegExp }): string | undefined {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) count++;
    else if (!separators.chars.includes(text[i] as string)) return undefined;
  }
  if (count !== 32) return undefined;
  return text.length === 32 ? text : text.replace(separators.all, '');
}

/**
 * mdadm's reading of `uuid=` (uuid.c parse_uuid): 32 hex digits in either case, with `:` `.` `-` or space
 * anywhere between them. Returns the lower-case digits, or undefined when mdadm says "bad uuid".
 */
export function parseMdadmUuid(text: string): string | undefined {
  return hexDigits(text, MDADM_SEPARATORS)?.toLowerCase();
}

/**
 * dracut's reading of `rd.md.uuid=` (parse-md.sh): it strips only `-` and `:` and expects 32 characters.
 * Returns the hex digits as written (case kept, since the udev match is case-sensitive), or undefined.
 */
export function parseDracutMdUuid(text: string): string | undefined {
  return hexDigits(text, DRACUT_SEPARATORS);
}

/** The form `mdadm --examine --scan` prints: `xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx`, lower case. */
export function formatMdadmUuid(hex32: string): string {
  const lower = hex32.toLowerCase();
  return [0, 8, 16, 24].map((i) => lower.slice(i, i + 8)).join(':');
}
