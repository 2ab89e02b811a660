let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Levenshtein distance, giving up (returning `max + 1`) as soon as it must exceed `max`. Only the band of
 * width `2 * max + 1` around the diagonal is computed: linters ask for distances of 1 or 2.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  const outside = max + 1;
  for (let j = 0; j <= b.length; j++) previousRow[j] = j <= max ? j : outside;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    currentRow[0] = i <= max ? i : outside;
    if (from > 1) currentRow[from - 1] = outside;
    let rowMin = currentRow[0] as number;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previousRow[j] as number) + 1, (currentRow[j - 1] as number) + 1, (previousRow[j - 1] as number) + cost);
      currentRow[j] = value > outside ? outside : value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) currentRow[to + 1] = outside;
    if (rowMin > max) return max + 1;
    const swap = previousRow;
    previousRow = currentRow;
    currentRow = swap;
  }
  const result = previousRow[b.length] as number;
  return result > max ? max + 1 : result;
}

/** The known name closest to a misspelt one (case-insensitive), within `maxDistance` edits. */
export function suggestName(word: string, known: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const lower = word.toLowerCase();
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase(), maxDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
