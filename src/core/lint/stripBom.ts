const BOM = '\uFEFF';

/**
 * VS Code drops a UTF-8 BOM from the document text and remembers it as the `utf8bom` encoding, so the
 * analyzers see text without it and learn about it from {@link LintContext.hasBom}. The CLI strips it here
 * to get the same columns as the editor.
 */
export function stripBom(text: string): { text: string; hasBom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), hasBom: true } : { text, hasBom: false };
}
