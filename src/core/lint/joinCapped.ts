/**
 * `a, b, c` for a message that names the first few of `total` items and counts the rest (`a, b and 3 more`):
 * a finding that named every array of a file with thousands of them made messages of hundreds of kilobytes.
 * Callers name only what they show, so they never format the rest.
 */
export function joinCapped(shown: readonly string[], total: number): string {
  const joined = shown.join(', ');
  return total > shown.length ? `${joined} and ${total - shown.length} more` : joined;
}
