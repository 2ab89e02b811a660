/**
 * A document cut into lines exactly where VS Code cuts it (`\r\n`, `\n`, or a lone `\r`), so that line and
 * column numbers agree between the editor, the CLI and the tests. Each analyzer then decides what the line
 * endings mean for its tool (xl rejects a CR, kmod keeps it in the last token, VMware does not care).
 */
export interface SourceLines {
  /** Line texts without their terminators. A text ending in a newline has an empty last line. */
  readonly lines: readonly string[];
  /** The terminator after each line: `'\n'`, `'\r\n'`, `'\r'`, or `''` for the last line. */
  readonly endings: readonly string[];
}

export function splitSourceLines(text: string): SourceLines {
  if (!text.includes('\r')) {
    const lines = text.split('\n');
    const endings = new Array<string>(lines.length).fill('\n');
    endings[endings.length - 1] = '';
    return { lines, endings };
  }
  const lines: string[] = [];
  const endings: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push(text.slice(start, m.index));
    endings.push(m[0]);
    start = m.index + m[0].length;
  }
  lines.push(text.slice(start));
  endings.push('');
  return { lines, endings };
}

/** Index of the first line whose terminator holds a CR, or -1. */
export function firstCrLine(source: SourceLines, from = 0): number {
  // charCodeAt, not startsWith: this runs once per line, and startsWith is a call where charCodeAt is inlined.
  for (let i = from; i < source.endings.length; i++) {
    if ((source.endings[i] as string).charCodeAt(0) === 0x0d) return i;
  }
  return -1;
}
