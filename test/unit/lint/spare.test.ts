import * as assert from 'node:assert/strict';
import { Spare } from '../../../src/core/lint/spare';

describe('Spare', () => {
  it('hands what was given back to one taker only, and nothing before anything was given', () => {
    const spare = new Spare<Int32Array>();
    assert.equal(spare.take(), undefined);
    const table = new Int32Array(4);
    spare.giveBack(table);
    assert.equal(spare.take(), table);
    assert.equal(spare.take(), undefined, 'a second analysis gets none and makes its own');
  });
});
