import * as assert from 'node:assert/strict';
import { editDistance, suggestName } from '../../../src/core/lint/suggestName';

/** The textbook full-matrix Levenshtein distance, to check the banded one against. */
function reference(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length] as number;
}

describe('suggestName', () => {
  it('the banded edit distance equals the full one, capped at max + 1 (20,000 seeded word pairs)', () => {
    let seed = 20240601;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const word = (): string => Array.from({ length: Math.floor(random() * 9) }, () => 'abcx_'[Math.floor(random() * 5)]).join('');
    for (let k = 0; k < 20000; k++) {
      const a = word();
      const b = word();
      const max = 1 + Math.floor(random() * 3);
      assert.equal(editDistance(a, b, max), Math.min(reference(a, b), max + 1), `${a} / ${b} / ${max}`);
    }
  });

  it('suggests the closest known name within two edits, case-insensitively', () => {
    assert.equal(suggestName('nested_hvm', ['nestedhvm', 'hap', 'name']), 'nestedhvm');
    assert.equal(suggestName('Option', ['options', 'alias']), 'options');
    assert.equal(suggestName('bridgexyz', ['bridge']), undefined);
  });

  it('answers from a remembered table exactly as a fresh search does (lists, sets, maps, iterators; 10,000 words)', () => {
    const names = ['nestedhvm', 'hap', 'name', 'vcpus', 'maxvcpus', 'memory', 'maxmem', 'Viridian', 'serial', 'vif', 'disk'];
    const tables = [names, new Set(names), new Map(names.map((n) => [n, n.length]))];
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // More distinct words than a table remembers, so the answers are also checked after it starts over.
    for (let k = 0; k < 10000; k++) {
      const base = names[Math.floor(random() * names.length)] as string;
      const word = random() < 0.5 ? `${base.toUpperCase()}${k % 3 === 0 ? '' : 'x'}` : `${base.slice(1)}${k}`;
      const fresh = suggestName(word, [...names][Symbol.iterator]());
      for (const table of tables) assert.equal(suggestName(word, table), fresh, `${word} in ${table.constructor.name}`);
    }
    assert.equal(suggestName('viridan', new Map([['Viridian', 1]])), 'Viridian');
  });
});
