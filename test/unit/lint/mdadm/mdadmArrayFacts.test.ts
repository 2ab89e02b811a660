import * as assert from 'node:assert/strict';
import { codeUnits } from '../../../../src/core/lint/codeUnits';
import { MdadmArrayFacts } from '../../../../src/core/lint/mdadm/mdadmArrayFacts';

const PRINTED = '01234567:89ABCDEF:01234567:89abcdef';

/** What takePrintedUuid returns for the `uuid=` word at the start of `text`, and the facts it leaves. */
function takePrinted(text: string, before = ''): { end: number; facts: MdadmArrayFacts } {
  const units = codeUnits(before + text);
  const facts = new MdadmArrayFacts();
  facts.begin();
  if (before !== '') facts.take(units, 0, before.length - 1, before.indexOf('='), 0);
  return { end: facts.takePrintedUuid(units, before.length + 4), facts };
}

/** The facts take leaves for the same word, found to its end as the word-by-word reader finds it. */
function takeWhole(text: string): MdadmArrayFacts {
  const units = codeUnits(text);
  const facts = new MdadmArrayFacts();
  facts.begin();
  const end = text.search(/[ \t\n\r"']|$/);
  facts.take(units, 0, end, 4, 0);
  return facts;
}

describe('MdadmArrayFacts.takePrintedUuid: a printed UUID read before the end of its word is known', () => {
  it('notes a printed UUID that ends its word as take does, and returns where the word ends', () => {
    for (const after of [' ', '\t', '\n', '\r']) {
      const text = `uuid=${PRINTED}${after}metadata=1.2`;
      const { end, facts } = takePrinted(text);
      assert.equal(end, 5 + PRINTED.length);
      const whole = takeWhole(text);
      assert.equal(facts.uuidRead, true);
      assert.equal(facts.tags, whole.tags);
      assert.deepEqual([...facts.uuid], [...whole.uuid]);
    }
  });

  it('notes nothing, leaving the word to take, when the word goes on, the UUID is not printed, or a UUID came before', () => {
    const cases = [
      `uuid=${PRINTED}"x"`,
      `uuid=${PRINTED}'x'`,
      `uuid=${PRINTED}x`,
      `uuid=${PRINTED}=`,
      `uuid=${PRINTED.replace('7', 'g')} `,
      `uuid=${PRINTED.replace(/:/g, ' ')} `,
      'uuid=0123456789abcdef0123456789abcdef    ',
    ];
    for (const text of cases) {
      const { end, facts } = takePrinted(text);
      assert.equal(end, -1, text);
      assert.equal(facts.tags, 0, text);
      assert.equal(facts.uuidRead, false, text);
    }
    const again = takePrinted(`uuid=${PRINTED} `, `uuid=${PRINTED} `);
    assert.equal(again.end, -1, 'a second uuid= is left to take, which marks it repeated');
  });
});
