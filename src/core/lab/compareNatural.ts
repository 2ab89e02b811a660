// One collator for the whole process: creating one per comparison is the slow part of Intl sorting.
const collator = new Intl.Collator(undefined, { numeric: true });

/** Natural order for names shown to people: `vm2` before `vm10`, locale-aware letters. */
export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Sorts by a display key in natural order, then by uuid so equal names keep a stable order. */
export function sortByNatural<T extends { readonly uuid: string }>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => compareNatural(key(a), key(b)) || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
}
