/**
 * What an analyzer reports. Plain data so that the editor (Diagnostics), the CLI (text/JSON) and the tests
 * all consume the same thing. Positions are 0-based, columns in UTF-16 code units like VS Code's.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A mechanical correction offered as a quick fix. `path` set means the edit targets another file. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly path?: string;
  /** The fix most users want; becomes the preferred quick fix. */
  readonly preferred?: boolean;
  /**
   * Also switch the whole document to these line endings. Editors keep one line-ending style per document,
   * so a CRLF file cannot be fixed by text edits alone.
   */
  readonly endOfLine?: 'lf' | 'crlf';
}

export interface Finding {
  readonly range: Range;
  readonly severity: Severity;
  /** Rule id exactly as in config-formats.md, e.g. `xl/nested-hap`. */
  readonly code: string;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}
