/** Quotes a bare word as an xl string, escaping what the chosen quote and backslashes need. */
export function quoteXl(word: string): string {
  const escaped = word.replace(/\\/g, '\\\\');
  if (!word.includes("'")) return `'${escaped}'`;
  if (!word.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}
