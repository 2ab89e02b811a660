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

/** Names to suggest from: a list or set of names, or a table keyed by them. */
export type KnownNames = Iterable<string> | ReadonlyMap<string, unknown>;

/**
 * A table's names, lower-cased once, and the answers given so far (so a table passed here must not change): a
 * file with thousands of the same misspelt key pays for one search, not one per line. The answers are bounded
 * so a file of distinct garbage words cannot grow them for good.
 */
interface Prepared {
  readonly names: readonly string[];
  readonly lowered: readonly string[];
  readonly answers: Map<string, string | undefined>;
}

const prepared = new WeakMap<object, Prepared>();
const MAX_ANSWERS = 4096;

function prepare(known: KnownNames): Prepared {
  const names = known instanceof Map ? [...known.keys()] : [...(known as Iterable<string>)];
  return { names, lowered: names.map((n) => n.toLowerCase()), answers: new Map() };
}

function searchClosest(lower: string, { names, lowered }: Prepared, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (let i = 0; i < names.length; i++) {
    const distance = editDistance(lower, lowered[i] as string, maxDistance);
    if (distance < bestDistance) {
      best = names[i];
      bestDistance = distance;
    }
  }
  return best;
}

/** The known name closest to a misspelt one (case-insensitive), within `maxDistance` edits. */
export function suggestName(word: string, known: KnownNames, maxDistance = 2): string | undefined {
  const lower = word.toLowerCase();
  // An iterator (`map.keys()`) is new on every call: nothing to remember it by.
  if (!(Array.isArray(known) || known instanceof Set || known instanceof Map)) return searchClosest(lower, prepare(known), maxDistance);
  let table = prepared.get(known);
  if (!table) prepared.set(known, (table = prepare(known)));
  const key = `${maxDistance}\u0000${lower}`;
  if (table.answers.has(key)) return table.answers.get(key);
  const best = searchClosest(lower, table, maxDistance);
  if (table.answers.size >= MAX_ANSWERS) table.answers.clear();
  table.answers.set(key, best);
  return best;
}
