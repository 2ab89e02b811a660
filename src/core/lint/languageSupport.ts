import type { Finding, Position, Range } from './finding';

/** Whether nested-profile rules run: detected from the file, or forced by the user's setting. */
export type NestedProfile = 'auto' | 'on' | 'off';

export interface LintContext {
  /** Absolute path (or URI path) of the document; rules that depend on the file name read it. */
  readonly fileName: string;
  readonly nested?: NestedProfile;
  /**
   * Contents of the sibling files this language asked for through {@link LanguageSupport.siblingPaths},
   * keyed by the same path. A missing key means the file does not exist: cross-file rules then stay silent.
   */
  readonly siblings?: ReadonlyMap<string, string>;
  /**
   * The file starts with a UTF-8 BOM. Editors drop the BOM from the text they hand over (VS Code reports it
   * as the `utf8bom` encoding), so analyzers learn about it here; {@link lintText} sets it when the text
   * itself still starts with one.
   */
  readonly hasBom?: boolean;
}

export interface HoverInfo {
  readonly range: Range;
  /** Markdown, in our own words. */
  readonly markdown: string;
}

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'key' | 'value' | 'keyword' | 'snippet';
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert when it differs from the label (may be a snippet string when kind is 'snippet'). */
  readonly insertText?: string;
}

export interface DocSymbolInfo {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'key' | 'section' | 'array' | 'module';
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children?: readonly DocSymbolInfo[];
}

/**
 * Everything the editor and the CLI need for one config language, all pure functions of the text.
 * The vscode layer adapts these to providers; the CLI calls `analyze` only.
 */
export interface LanguageSupport {
  /** VS Code language id (`xen-xl`, `vmx`, `modprobe`, `powershell`, `mdadm-conf`, `dracut-conf`). */
  readonly languageId: string;
  analyze(text: string, context: LintContext): Finding[];
  hover?(text: string, position: Position): HoverInfo | undefined;
  complete?(text: string, position: Position): CompletionEntry[];
  symbols?(text: string): DocSymbolInfo[];
  /**
   * Absolute paths of files whose contents the cross-file rules of `fileName` need. `text` is the document
   * itself, for languages whose siblings are named inside it (a .vmx names its .vmdk descriptors).
   */
  siblingPaths?(fileName: string, text?: string): string[];
}
