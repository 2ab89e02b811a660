import * as assert from 'node:assert/strict';
import { NearestWithin } from '../../../src/core/lint/nearestWithin';
import { editDistance } from '../../../src/core/lint/suggestName';

/** The answer NearestWithin must give: every candidate compared, the first of the smallest distance. */
function compareAll(query: string, candidates: readonly string[], max: number): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const distance = editDistance(query, candidate, max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const HEX = '0123456789abcdef';

function hex32(next: () => number): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += HEX[Math.floor(next() * 16)] as string;
  return out;
}

/** `text` with `edits` random substitutions, insertions and deletions. */
function mistype(text: string, edits: number, next: () => number): string {
  let out = text;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const digit = HEX[Math.floor(next() * 16)] as string;
    const kind = Math.floor(next() * 3);
    if (kind === 0) out = out.slice(0, at) + digit + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + digit + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

describe('NearestWithin', () => {
  it('answers like comparing every candidate, on UUIDs mistyped by 0 to 6 edits of every kind', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const next = random(seed);
      const candidates = Array.from({ length: 200 }, () => hex32(next));
      // Near twins, so that ties and "a closer one later" happen.
      for (let i = 0; i < 20; i++) candidates.push(mistype(candidates[i] as string, 1 + (i % 3), next));
      const index = new NearestWithin(candidates, 4);
      for (let q = 0; q < 210; q++) {
        const query = mistype(candidates[Math.floor(next() * candidates.length)] as string, q % 7, next);
        assert.equal(index.nearest(query), compareAll(query, candidates, 4), `seed ${seed}, query ${query}`);
      }
    }
  });

  it('finds a typo among thousands of arrays, and nothing for a UUID of no array', () => {
    const next = random(7);
    const candidates = Array.from({ length: 5000 }, () => hex32(next));
    const index = new NearestWithin(candidates, 4);
    const target = candidates[4321] as string;
    const typo = `${target.slice(0, 10)}${target.slice(11, 20)}0${target.slice(20)}`;
    assert.equal(index.nearest(typo), target);
    const stranger = hex32(random(99));
    assert.equal(index.nearest(stranger), compareAll(stranger, candidates, 4));
  });

  it('keeps candidates of other lengths, and candidates too short to cut, in the comparison', () => {
    const mixed = ['0123456789abcdef0123456789abcdef', 'abc', '0123456789abcdef0123456789abcd'];
    const index = new NearestWithin(mixed, 4);
    assert.equal(index.nearest('abd'), 'abc');
    assert.equal(index.nearest('0123456789abcdef0123456789ab'), '0123456789abcdef0123456789abcd');
    const tiny = new NearestWithin(['ab', 'cd'], 4);
    assert.equal(tiny.nearest('xy'), 'ab');
    assert.equal(new NearestWithin([], 4).nearest('anything'), undefined);
  });
});
