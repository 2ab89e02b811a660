/**
 * The field names of a listing, in print order, shared by every record that has the same ones: xe prints
 * the same fields in the same order for every record of one `*-list`, so a 1,000-VM listing needs one name
 * index instead of a thousand maps.
 */
export class XeFieldLayout {
  readonly index: ReadonlyMap<string, number>;

  constructor(readonly names: readonly string[]) {
    this.index = new Map(names.map((name, i) => [name, i]));
  }
}

/** A record's fields by name, values as printed; a read-only Map over a shared {@link XeFieldLayout}. */
export class XeFields implements ReadonlyMap<string, string> {
  constructor(
    private readonly layout: XeFieldLayout,
    private readonly fieldValues: readonly string[],
  ) {}

  get size(): number {
    return this.layout.names.length;
  }

  get(name: string): string | undefined {
    const i = this.layout.index.get(name);
    return i === undefined ? undefined : this.fieldValues[i];
  }

  has(name: string): boolean {
    return this.layout.index.has(name);
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    this.layout.names.forEach((name, i) => callback.call(thisArg, this.fieldValues[i] ?? '', name, this));
  }

  *entries(): MapIterator<[string, string]> {
    for (let i = 0; i < this.layout.names.length; i++) {
      yield [this.layout.names[i] ?? '', this.fieldValues[i] ?? ''];
    }
  }

  keys(): MapIterator<string> {
    return this.layout.names.values();
  }

  values(): MapIterator<string> {
    return this.fieldValues.values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
