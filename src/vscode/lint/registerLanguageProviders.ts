import * as vscode from 'vscode';
import type { CompletionEntry, DocSymbolInfo, LanguageSupport } from '../../core/lint/languageSupport';
import { fromVscodePosition, toVscodeRange } from './toVscodeRange';

const completionKinds: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  keyword: vscode.CompletionItemKind.Keyword,
  snippet: vscode.CompletionItemKind.Snippet,
};

const symbolKinds: Record<DocSymbolInfo['kind'], vscode.SymbolKind> = {
  key: vscode.SymbolKind.Property,
  section: vscode.SymbolKind.Namespace,
  array: vscode.SymbolKind.Array,
  module: vscode.SymbolKind.Module,
};

function toCompletionItem(entry: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, completionKinds[entry.kind]);
  if (entry.detail !== undefined) item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  if (entry.insertText !== undefined) item.insertText = entry.kind === 'snippet' ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  return item;
}

function toDocumentSymbol(info: DocSymbolInfo): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(info.name, info.detail ?? '', symbolKinds[info.kind], toVscodeRange(info.range), toVscodeRange(info.selectionRange));
  symbol.children = (info.children ?? []).map(toDocumentSymbol);
  return symbol;
}

/** Hover, completion and outline providers for every language support that offers them. */
export function registerLanguageProviders(supports: Iterable<LanguageSupport>): vscode.Disposable[] {
  const disposables: vscode.Disposable[] = [];
  for (const support of supports) {
    const selector: vscode.DocumentSelector = { language: support.languageId };
    const { hover, complete, symbols } = support;
    if (hover) {
      disposables.push(
        vscode.languages.registerHoverProvider(selector, {
          provideHover(document, position) {
            const info = hover(document.getText(), fromVscodePosition(position));
            return info ? new vscode.Hover(new vscode.MarkdownString(info.markdown), toVscodeRange(info.range)) : undefined;
          },
        }),
      );
    }
    if (complete) {
      disposables.push(
        vscode.languages.registerCompletionItemProvider(
          selector,
          { provideCompletionItems: (document, position) => complete(document.getText(), fromVscodePosition(position)).map(toCompletionItem) },
          '=', ' ', '"', "'", ',',
        ),
      );
    }
    if (symbols) {
      disposables.push(vscode.languages.registerDocumentSymbolProvider(selector, { provideDocumentSymbols: (document) => symbols(document.getText()).map(toDocumentSymbol) }));
    }
  }
  return disposables;
}
