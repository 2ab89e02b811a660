const cInteger = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;

/**
 * Reads an integer the way C's `strtol(s, &end, 0)` does when the caller insists that the whole text is
 * consumed (xl's `xlu_cfg_get_long`, the kernel's `kstrtoint(s, 0)`): leading blanks, a sign, `0x` hex,
 * `0` octal, or decimal. `08`, `0x`, `12 ` and the empty text are not numbers. Returns undefined for those.
 */
export function parseCInteger(text: string): number | undefined {
  const m = cInteger.exec(text);
  if (!m) return undefined;
  const digits = m[2] as string;
  let value: number;
  if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (digits.length > 1 && digits.startsWith('0')) value = parseInt(digits.slice(1), 8);
  else value = parseInt(digits, 10);
  return m[1] === '-' ? -value : value;
}
