import * as assert from 'node:assert/strict';
import { codeUnits } from '../../../../src/core/lint/codeUnits';
import { ownCodeUnits } from '../../../../src/core/lint/ownCodeUnits';
import { mdadmUuidHex, readMdadmUuid } from '../../../../src/core/lint/raid/mdUuid';

/** mdadm's rule written the plain way: 32 hex digits in either case, `:` `.` `-` or space anywhere between. */
function expected(text: string): string | undefined {
  if (!/^[0-9a-fA-F:.\- ]*$/.test(text)) return undefined;
  const digits = text.replace(/[:.\- ]/g, '');
  return digits.length === 32 ? digits.toLowerCase() : undefined;
}

function read(units: ReturnType<typeof codeUnits>, from: number, to: number): string | undefined {
  const out = new Int32Array(4);
  return readMdadmUuid(units, from, to, out) ? mdadmUuidHex(out) : undefined;
}

describe('readMdadmUuid', () => {
  it('reads the printed and the plain layout with every ASCII character at every position, from an ASCII text and from UTF-16 units alike', () => {
    let compared = 0;
    for (const uuid of ['53461f34:2414371e:820f9514:008b6458', '53461F342414371EabcdefABCDEF0190']) {
      for (let at = 0; at < uuid.length; at++) {
        for (let c = 0; c < 128; c++) {
          const value = uuid.slice(0, at) + String.fromCharCode(c) + uuid.slice(at + 1);
          // The value ends the text in one case and is followed by more in the other.
          for (const text of [`uuid=${value}`, `uuid=${value} name=x`]) {
            const want = expected(value);
            assert.equal(read(codeUnits(text), 5, 5 + value.length), want, JSON.stringify(value));
            assert.equal(read(ownCodeUnits(text), 5, 5 + value.length), want, JSON.stringify(value));
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 17000);
  });
});
