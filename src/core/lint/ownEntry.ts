/**
 * `table[key]` for a key taken from a document: only the table's own entries. A plain lookup finds
 * Object.prototype's members for words like "constructor" or "toString", which then show up as hover text or
 * as a fix's replacement.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
