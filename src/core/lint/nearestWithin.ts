import { editDistance } from './suggestName';

/**
 * The first of many candidates (in their order) at the smallest edit distance from a query, up to `max`,
 * without comparing the query with every candidate: a drop-in with thousands of mistyped UUIDs checked against
 * an mdadm.conf with thousands of arrays took tens of seconds that way.
 *
 * Each candidate of the first one's length is cut into `max + 1` pieces. At most `max` edits leave one piece
 * untouched, and it appears in the query shifted by at most `max` places (the insertions and deletions before
 * it), so only the candidates sharing such a piece with the query are compared in full. Candidates of another
 * length (none, for UUIDs) are compared with every query.
 */
export class NearestWithin {
  /** Per piece: the piece's text in each candidate -> those candidates, in order. */
  private readonly pieces: Map<string, number[]>[] = [];
  /** Where the pieces start in a candidate of that length, and where the last one ends. */
  private readonly bounds: number[] = [];
  private readonly others: number[] = [];

  constructor(
    private readonly candidates: readonly string[],
    private readonly max: number,
  ) {
    const length = candidates[0]?.length ?? 0;
    const count = max + 1;
    // Pieces shorter than one character would match everything: such short candidates are all "others".
    const usable = length >= count;
    for (let p = 0; p <= count; p++) this.bounds.push(Math.round((p * length) / count));
    for (let p = 0; p < count; p++) this.pieces.push(new Map());
    candidates.forEach((candidate, index) => {
      if (!usable || candidate.length !== length) {
        this.others.push(index);
        return;
      }
      for (let p = 0; p < count; p++) {
        const piece = candidate.slice(this.bounds[p], this.bounds[p + 1]);
        const holders = this.pieces[p] as Map<string, number[]>;
        const list = holders.get(piece);
        if (list) list.push(index);
        else holders.set(piece, [index]);
      }
    });
  }

  /** The nearest candidate within `max` edits of `query` (the first one on a tie), or undefined. */
  nearest(query: string): string | undefined {
    const near = new Set<number>(this.others);
    this.pieces.forEach((holders, p) => {
      const start = this.bounds[p] as number;
      const size = (this.bounds[p + 1] as number) - start;
      for (let shift = -this.max; shift <= this.max; shift++) {
        const at = start + shift;
        if (at < 0 || at + size > query.length) continue;
        for (const index of holders.get(query.slice(at, at + size)) ?? []) near.add(index);
      }
    });
    let best: string | undefined;
    let bestDistance = this.max + 1;
    for (const index of [...near].sort((a, b) => a - b)) {
      const candidate = this.candidates[index] as string;
      const distance = editDistance(query, candidate, this.max);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }
}
