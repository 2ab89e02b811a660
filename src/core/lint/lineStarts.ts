import type { LineLengths } from './lineEdits';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Where each line of a text starts, as a scan that finds the line ends itself records them (lines cut where
 * VS Code cuts them: `\r\n`, `\n`, a lone `\r`). Gives the lines' lengths and the terminator to the line edits
 * without cutting the text into line strings.
 */
export class LineStarts implements LineLengths {
  private starts: Int32Array;
  count = 0;

  /** `spare`, when given, is an array no longer read that this one may write its starts in (if large enough). */
  constructor(
    private readonly text: string,
    spare?: Int32Array,
  ) {
    // Sized for one line per 32 characters; a text with shorter lines grows it once or twice. Starts are
    // written before they are read, so a spare array serves without clearing.
    const length = Math.max(64, text.length >> 5);
    this.starts = spare && spare.length >= length ? spare : new Int32Array(length);
  }

  /** The array of starts, for another scan to reuse once these line starts are not read again. */
  get array(): Int32Array {
    return this.starts;
  }

  /** Records the start of the next line. */
  add(start: number): void {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = start;
  }

  start(line: number): number {
    return this.starts[line] as number;
  }

  /** Offset of the line's terminator (the text's length for the last line). */
  end(line: number): number {
    if (line + 1 >= this.count) return this.text.length;
    const next = this.starts[line + 1] as number;
    return this.text.charCodeAt(next - 1) === LF && next - 2 >= this.start(line) && this.text.charCodeAt(next - 2) === CR ? next - 2 : next - 1;
  }

  length(line: number): number {
    return this.end(line) - this.start(line);
  }

  get eol(): string {
    return this.count > 1 ? this.text.slice(this.end(0), this.start(1)) : '\n';
  }
}
