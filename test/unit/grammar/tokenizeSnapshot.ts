import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../ssh/repoRoot';

/**
 * Grammar snapshot testing with the engine VS Code uses (vscode-textmate over the oniguruma WASM), shared by
 * every language of the extension: put samples in `test/fixtures/grammar/<language id>/` and the generic
 * test tokenizes them against `<sample>.snap`.
 */

export interface ContributedGrammar {
  readonly language?: string;
  readonly scopeName: string;
  readonly path: string;
}

/** The grammars package.json contributes, with absolute paths. */
export function contributedGrammars(): ContributedGrammar[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { contributes?: { grammars?: ContributedGrammar[] } };
  return (manifest.contributes?.grammars ?? []).map((g) => ({ ...g, path: path.join(repoRoot(), g.path) }));
}

let registry: Promise<textmate.Registry> | undefined;

/** One registry per process: oniguruma's WASM can only be loaded once. Grammars from other extensions (source.shell) stay unresolved, as in a bare VS Code. */
function grammarRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot(), 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const grammar = contributedGrammars().find((g) => g.scopeName === scopeName);
        return grammar ? textmate.parseRawGrammar(fs.readFileSync(grammar.path, 'utf8'), grammar.path) : null;
      },
    });
  })();
  return registry;
}

export interface ScopedToken {
  readonly text: string;
  /** Scopes below the grammar's root scope, outermost first. */
  readonly scopes: readonly string[];
}

/** The tokens of each line of `text`, carrying the rule state from line to line as the editor does. */
export async function tokenizeLines(scopeName: string, text: string): Promise<ScopedToken[][]> {
  const grammar = await (await grammarRegistry()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`No grammar for ${scopeName} in package.json`);
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }));
  });
}

/** A readable snapshot: each source line, then one line per token with its scopes. */
export async function tokenizeToSnapshot(scopeName: string, text: string): Promise<string> {
  const lines = await tokenizeLines(scopeName, text);
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    out.push(`> ${line}`);
    for (const token of lines[i] ?? []) out.push(`  ${JSON.stringify(token.text)} ${token.scopes.join(' ') || '-'}`);
  });
  return `${out.join('\n')}\n`;
}

/** Compares with the committed snapshot; `UPDATE_SNAPSHOTS=1` writes it instead. A missing snapshot fails. */
export function matchSnapshot(actual: string, snapshotFile: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.writeFileSync(snapshotFile, actual);
    return;
  }
  if (!fs.existsSync(snapshotFile)) assert.fail(`Missing snapshot ${snapshotFile}: run the tests with UPDATE_SNAPSHOTS=1 and review it`);
  assert.equal(actual, fs.readFileSync(snapshotFile, 'utf8'));
}

/** The scopes at a column of a line, for tests that pin one meaning down explicitly. */
export async function scopesAt(scopeName: string, text: string, line: number, character: number): Promise<readonly string[]> {
  const lines = await tokenizeLines(scopeName, text);
  let column = 0;
  for (const token of lines[line] ?? []) {
    if (character < column + token.text.length) return token.scopes;
    column += token.text.length;
  }
  return [];
}
