import * as assert from 'node:assert/strict';
import { codeUnits } from '../../../src/core/lint/codeUnits';
import { FixedWord } from '../../../src/core/lint/fixedWord';
import { ownCodeUnits } from '../../../src/core/lint/ownCodeUnits';

/** What the comparison means, written the plain way: A-Z fold to a-z when the word ignores case, nothing else does. */
function expected(region: string, word: string, ignoreCase: boolean, prefix: boolean): boolean {
  const folded = ignoreCase ? region.replace(/[A-Z]/g, (c) => c.toLowerCase()) : region;
  return prefix ? folded.length <= word.length && word.startsWith(folded) : folded === word;
}

describe('FixedWord', () => {
  const words: Array<[string, boolean]> = [
    ['array', true],
    ['<ignore>', true],
    ['super-minor', true],
    ['encryption_no_verify', true],
    ['uuid', true],
    ['1.2', false],
    ['default', false],
  ];

  it('agrees with a plain comparison for every ASCII character at every position, read four bytes at a time or one unit at a time', () => {
    let compared = 0;
    for (const [word, ignoreCase] of words) {
      const fixed = new FixedWord(word, ignoreCase);
      for (let at = 0; at < word.length; at++) {
        for (let c = 0; c < 128; c++) {
          const region = word.slice(0, at) + String.fromCharCode(c) + word.slice(at + 1);
          // Padding after the region: the four-byte reads cover it and must ignore it.
          const text = `x${region}${String.fromCharCode(c)}zz`;
          for (const units of [codeUnits(text), ownCodeUnits(text)]) {
            for (let to = 1; to <= 1 + region.length; to++) {
              const part = region.slice(0, to - 1);
              assert.equal(fixed.startsAt(units, 1, to), expected(part, word, ignoreCase, true), `${word} starts ${JSON.stringify(part)}`);
            }
            assert.equal(fixed.equalsAt(units, 1, 1 + region.length), expected(region, word, ignoreCase, false), `${word} = ${JSON.stringify(region)}`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 7000);
  });

  it('tells a dash from a carriage return and letters from the characters 0x20 away, in either case only when asked', () => {
    const tag = new FixedWord('super-minor', true);
    assert.equal(tag.equalsAt(codeUnits('SUPER-Minor'), 0, 11), true);
    assert.equal(tag.equalsAt(codeUnits('super\rminor'), 0, 11), false);
    assert.equal(tag.equalsAt(codeUnits('super-mino\u0012'), 0, 11), false);
    const format = new FixedWord('default', false);
    assert.equal(format.equalsAt(codeUnits('default'), 0, 7), true);
    assert.equal(format.equalsAt(codeUnits('Default'), 0, 7), false);
  });

  it('compares a region that ends the text, where a four-byte read would run past it', () => {
    const keyword = new FixedWord('array', true);
    for (const text of ['ARRAY', 'xARR', 'arr', 'Arra']) {
      const from = text.startsWith('x') ? 1 : 0;
      assert.equal(keyword.startsAt(codeUnits(text), from, text.length), true, text);
    }
    assert.equal(keyword.equalsAt(codeUnits('ARRAY'), 0, 5), true);
    assert.equal(keyword.startsAt(codeUnits('ARRAYS'), 0, 6), false, 'longer than the word');
  });

  it('refuses a word it could not compare byte by byte', () => {
    assert.throws(() => new FixedWord('caf\u00e9', true), /not ASCII/);
  });
});
