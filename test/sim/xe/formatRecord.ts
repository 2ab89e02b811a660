/**
 * xe's table printer (xe-cli.md §3): keys padded to 4 + the longest key, the first line left-justified,
 * the others right-justified, one space after the colon, and every record followed by two empty lines.
 */
export function formatRecord(pairs: ReadonlyArray<readonly [string, string]>): string {
  const maxlen = 4 + pairs.reduce((m, [k]) => Math.max(m, k.length), 0);
  const lines = pairs.map(([key, value], i) => {
    const pad = ' '.repeat(maxlen - key.length);
    return i === 0 ? `${key}${pad}: ${value}` : `${pad}${key}: ${value}`;
  });
  // Server: lines joined + "\n", sent as Print(text + "\n"); the client adds one more "\n".
  return lines.join('\n') + '\n' + '\n' + '\n';
}

/** `--minimal` escaping (xe-cli.md §5): backslash and comma only. */
export function escapeMinimal(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

/** `--minimal` output of a list of values: joined with "," and one final newline (a lone "\n" when empty). */
export function formatMinimal(values: readonly string[]): string {
  return values.map(escapeMinimal).join(',') + '\n';
}
