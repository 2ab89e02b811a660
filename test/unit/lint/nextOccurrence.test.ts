import * as assert from 'node:assert/strict';
import { NextOccurrence } from '../../../src/core/lint/nextOccurrence';

describe('NextOccurrence', () => {
  const text = 'a=b,c==d,,e';
  const expected = (from: number): number => text.indexOf('=', from);

  it('answers like indexOf for positions asked in increasing order', () => {
    const next = new NextOccurrence(text, '=');
    for (let from = 0; from <= text.length + 1; from++) assert.equal(next.at(from), expected(from), `from ${from}`);
  });

  it('answers like indexOf when asked for earlier positions again', () => {
    const next = new NextOccurrence(text, '=');
    for (const from of [9, 0, 5, 2, 12, 1, 6, 4]) assert.equal(next.at(from), expected(from), `from ${from}`);
  });

  it('answers -1 past the last occurrence and for a text without one', () => {
    assert.equal(new NextOccurrence(text, '=').at(7), -1);
    assert.equal(new NextOccurrence('', '=').at(0), -1);
  });
});
