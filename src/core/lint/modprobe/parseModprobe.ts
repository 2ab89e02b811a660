import type { Position } from '../finding';
import type { SourceLines } from '../sourceLines';

export interface ModprobeToken {
  readonly text: string;
  readonly start: Position;
  readonly end: Position;
}

/** One line as kmod reads it: physical lines joined at a trailing backslash. */
export interface ModprobeLine {
  readonly firstLine: number;
  readonly lastLine: number;
  /** The text after kmod's backslash handling. */
  readonly text: string;
  /** Blanks before the first token (an indented `#` is not a comment). */
  readonly indent: number;
  readonly tokens: readonly ModprobeToken[];
}

/**
 * Splits a modprobe.d file into lines and tokens as kmod does (config-formats.md §6.1): a backslash before
 * the newline joins lines, a backslash before any other character is dropped and that character kept,
 * tokens are separated by spaces and tabs only. CRs are not in the line texts (the caller reports them).
 */
export function parseModprobe(source: SourceLines): ModprobeLine[] {
  const result: ModprobeLine[] = [];
  const { lines } = source;
  for (let line = 0; line < lines.length; line++) {
    const firstLine = line;
    let text = '';
    // Where each character of `text` came from, kept only when a backslash made the mapping irregular.
    let origin: Position[] | undefined;
    for (;;) {
      const physical = lines[line] as string;
      if (!physical.includes('\\') && !origin) {
        text = physical;
        break;
      }
      origin ??= Array.from(text, (_c, i) => ({ line: firstLine, character: i }));
      let i = 0;
      let joined = false;
      while (i < physical.length) {
        const c = physical[i] as string;
        if (c === '\\') {
          if (i === physical.length - 1) {
            joined = line + 1 < lines.length;
            break;
          }
          text += physical[i + 1] as string;
          origin.push({ line, character: i + 1 });
          i += 2;
          continue;
        }
        text += c;
        origin.push({ line, character: i });
        i++;
      }
      if (!joined) break;
      line++;
    }
    const lastLine = line;
    const endOfLine: Position = { line: lastLine, character: (lines[lastLine] as string).length };
    const at = (offset: number): Position => (origin ? (origin[offset] ?? endOfLine) : { line: firstLine, character: offset });
    const after = (offset: number): Position => {
      if (!origin) return { line: firstLine, character: offset };
      const previous = origin[offset - 1];
      return previous ? { line: previous.line, character: previous.character + 1 } : endOfLine;
    };
    const tokens: ModprobeToken[] = [];
    let indent = -1;
    for (let i = 0; i < text.length; ) {
      const c = text[i];
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (indent < 0) indent = i;
      let j = i;
      while (j < text.length && text[j] !== ' ' && text[j] !== '\t') j++;
      tokens.push({ text: text.slice(i, j), start: at(i), end: after(j) });
      i = j;
    }
    result.push({ firstLine, lastLine, text, indent: Math.max(indent, 0), tokens });
  }
  return result;
}
