/**
 * The next occurrence of one character at or after a position of a text, found by `indexOf` (native code,
 * several times faster than a loop over the code units) and remembered: positions asked in increasing order
 * reuse the answer until they pass it, so asking at every item of a large file still searches each part of
 * the text once. Asking for an earlier position searches again (correct, just not shared). One instance
 * serves one text.
 */
export class NextOccurrence {
  private from = 0;
  private found: number;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {
    this.found = text.indexOf(char);
  }

  /** The index of the first occurrence at or after `from`, or -1 when there is none. */
  at(from: number): number {
    if (from < this.from || (this.found >= 0 && this.found < from)) {
      this.from = from;
      this.found = this.text.indexOf(this.char, from);
    }
    return this.found;
  }
}
