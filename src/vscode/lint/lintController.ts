import * as vscode from 'vscode';
import { isExcludedPath } from '../../core/lint/detectLanguage';
import type { Finding } from '../../core/lint/finding';
import { languageAssociations } from '../../core/lint/languageAssociations';
import type { LanguageSupport, NestedProfile } from '../../core/lint/languageSupport';
import { languageSupports } from '../../core/lint/languageSupports';
import { lintText } from '../../core/lint/lintText';
import { documentPath, readSiblings, siblingUri } from './readSiblings';
import { toDiagnostic } from './toDiagnostic';

export type LintRun = 'onType' | 'onSave' | 'off';

/** Remote files opened through the explorer's own file system are linted like local ones. */
const lintedSchemes = new Set(['file', 'untitled', 'xcpng']);

/**
 * Lint-as-you-type: one debounce timer per document, findings turned into diagnostics, cleared on close.
 * When a document changes, open documents whose cross-file rules read it are linted again.
 */
export class LintController implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly findings = new Map<string, Finding[]>();
  /** Sibling URIs (as strings) each document's last lint read, to find who depends on a changed file. */
  private readonly dependencies = new Map<string, readonly string[]>();
  /** Bumped per lint so that a slow sibling read cannot overwrite newer results. */
  private readonly runs = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
    private readonly delayMs = 250,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.onOpenOrSave(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onOpenOrSave(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || this.run(e.document) !== 'onType') return;
        this.schedule(e.document, this.delayMs);
        this.scheduleDependents(e.document, this.delayMs);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('xcpng.lint')) this.relintAll();
      }),
    );
    this.relintAll();
  }

  /** Findings behind the diagnostics of a document, for the quick fixes. */
  findingsFor(uri: vscode.Uri): readonly Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  private run(document: vscode.TextDocument): LintRun {
    return vscode.workspace.getConfiguration('xcpng.lint', document).get<LintRun>('run', 'onType');
  }

  private supportFor(document: vscode.TextDocument): LanguageSupport | undefined {
    if (!lintedSchemes.has(document.uri.scheme)) return undefined;
    const support = languageSupports.get(document.languageId);
    const association = languageAssociations.find((a) => a.languageId === document.languageId);
    if (!support || (association && isExcludedPath(association, document.uri.path))) return undefined;
    return support;
  }

  private onOpenOrSave(document: vscode.TextDocument): void {
    if (this.run(document) === 'off') return;
    this.schedule(document, 0);
    this.scheduleDependents(document, 0);
  }

  private relintAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.run(document) === 'off') this.forget(document);
      else this.schedule(document, 0);
    }
  }

  private scheduleDependents(changed: vscode.TextDocument, delay: number): void {
    const key = changed.uri.toString();
    for (const document of vscode.workspace.textDocuments) {
      if (document !== changed && this.dependencies.get(document.uri.toString())?.includes(key)) this.schedule(document, delay);
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.supportFor(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, delay),
    );
  }

  private async lint(document: vscode.TextDocument): Promise<void> {
    const support = this.supportFor(document);
    if (!support || document.isClosed) return;
    const key = document.uri.toString();
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    try {
      const text = document.getText();
      const fileName = documentPath(document.uri);
      const siblingPaths = support.siblingPaths?.(fileName, text) ?? [];
      this.dependencies.set(key, siblingPaths.map((path) => siblingUri(document.uri, path).toString()));
      const siblings = siblingPaths.length > 0 ? await readSiblings(document.uri, siblingPaths) : new Map<string, string>();
      if (this.runs.get(key) !== run || document.isClosed) return;
      const nested = vscode.workspace.getConfiguration('xcpng.lint', document).get<NestedProfile>('nestedProfile', 'auto');
      const findings = lintText(support, text, { fileName, nested, siblings, hasBom: document.encoding === 'utf8bom' });
      this.findings.set(key, findings);
      this.diagnostics.set(document.uri, findings.map(toDiagnostic));
    } catch (error) {
      this.log.error(`Linting ${document.uri.toString()} failed:`, error);
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
    this.findings.delete(key);
    this.dependencies.delete(key);
    this.diagnostics.delete(document.uri);
  }
}
