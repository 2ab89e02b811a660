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

  constructor(private readonly text: string) {
    // Sized for one line per 32 characters; a text with shorter lines grows it once or twice.
    this.starts = new Int32Array(Math.max(64, text.length >> 5));
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
