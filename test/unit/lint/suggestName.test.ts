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
});
