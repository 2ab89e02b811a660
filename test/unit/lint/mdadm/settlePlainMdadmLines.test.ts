import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeMdadmConf } from '../../../../src/core/lint/mdadm/analyzeMdadmConf';
import { MdadmArrayFacts } from '../../../../src/core/lint/mdadm/mdadmArrayFacts';
import { mdadmKeywords } from '../../../../src/core/lint/mdadm/mdadmKeywords';
import { MdadmRepeats } from '../../../../src/core/lint/mdadm/mdadmRepeats';
import { MdadmWordReader } from '../../../../src/core/lint/mdadm/mdadmWordReader';
import { settlePlainMdadmLines, type PlainLineRules } from '../../../../src/core/lint/mdadm/settlePlainMdadmLines';
import { mdadmConf } from '../../../bench/raidLintBench';
import { seededRandom } from '../../ssh/seededRandom';
import { filesUnder, lintFixturePath } from '../raid/raidFixtures';
import { mutate, pick, randomDocument } from '../raid/raidFuzzDocuments';

const A = 'UUID=01234567:89abcdef:01234567:89abcdef';
const B = 'UUID=fedcba98:76543210:fedcba98:76543210';
const C = 'uuid=00112233445566778899AABBCCDDEEFF';
const DEVICE = mdadmKeywords.findIndex((k) => k.name === 'DEVICE');

/** A reader of `text` with what the analyzer hands settlePlainMdadmLines; here an ARRAY line is quiet when its UUID reads. */
function setUp(text: string) {
  const words = new MdadmWordReader(text);
  const facts = new MdadmArrayFacts();
  const rules: PlainLineRules = { quietArray: (f) => f.uuidRead && !f.extraDevname, repeats: MdadmRepeats.forText(words.units), firstOfKeyword: mdadmKeywords.map(() => -1) };
  return { words, facts, rules, settle: () => settlePlainMdadmLines(words, facts, rules) };
}

/** The line the reader stops at, and its keyword, after one call from the start of `text`. */
function stopOf(text: string): { line: number; keyword: string | undefined } {
  const { words, rules, settle } = setUp(text);
  settle();
  const line = words.line;
  const keyword = words.nextLine() ? words.word().text : undefined;
  rules.repeats.release();
  return { line, keyword };
}

describe('settlePlainMdadmLines: the plain lines of mdadm.conf read in one loop', () => {
  it('settles empty, comment, DEVICE and quiet ARRAY lines (continuations included) and stops at the next other keyword line', () => {
    const text = ['# header', '', 'DEVICE /dev/sd* /dev/nvme0n1p*', `ARRAY /dev/md0 metadata=1.2 ${A}`, 'arr /dev/md1 metadata=1.2', `    ${B}`, 'MAILADDR root', `ARRAY /dev/md2 ${C}`, ''].join('\n');
    const { words, rules, settle } = setUp(text);
    settle();
    assert.equal(words.line, 6);
    assert.equal(words.offset, text.indexOf('MAILADDR'));
    assert.equal(rules.firstOfKeyword[DEVICE], 2);
    assert.ok(words.nextLine());
    assert.equal(words.word().text, 'MAILADDR');
    // Past the MAILADDR line, the last line is left to the reader, which reads it to the end of the text.
    settle();
    assert.equal(words.line, 7);
    assert.ok(words.nextLine());
    assert.equal(words.word().text, 'ARRAY');
    rules.repeats.release();
  });

  it('notes the names and UUIDs of the lines it settles, and stops at a line that repeats one, noting nothing of it', () => {
    const text = [`ARRAY /dev/md0 ${A}`, `ARRAY /dev/md1 ${B}`, `ARRAY /dev/md/0 ${C}`, ''].join('\n');
    const { words, facts, rules, settle } = setUp(text);
    settle();
    assert.equal(words.line, 2, 'stops at the line whose device name repeats /dev/md0');
    assert.ok(words.nextLine());
    facts.read(words);
    assert.equal(rules.repeats.devname(facts), 0, 'line 0 noted /dev/md0');
    assert.equal(rules.repeats.uuid(facts, 2), -1, 'the UUID of the stopped line was not noted');
    rules.repeats.release();
    // The UUID of line 1 was noted with its keyword line.
    const again = setUp(`ARRAY /dev/md1 ${B}\nARRAY /dev/md2 ${B.toLowerCase()}\n`);
    again.settle();
    assert.equal(again.words.line, 1);
    assert.ok(again.words.nextLine());
    again.facts.read(again.words);
    assert.equal(again.rules.repeats.uuid(again.facts, 1), 0);
    again.rules.repeats.release();
  });

  const stops: [string, string][] = [
    ['a quoted word', `ARRAY /dev/md1 "${B}"`],
    ['a CRLF line', `ARRAY /dev/md1 ${B}\r`],
    // Quiet on its own line, but continued after the comment or empty line by a word that is not.
    ['a keyword line continued after a comment line', `ARRAY /dev/md1 ${B}\n# note\n  /dev/md9`],
    ['a keyword line continued after an empty line', `ARRAY /dev/md1 ${B}\n\n\t/dev/md9`],
    ['a keyword line with a CR in a comment', `ARRAY /dev/md1 ${B}\n# note\r`],
    ['a keyword line continued after an empty CRLF line', `ARRAY /dev/md1 ${B}\n\r\n  /dev/md9`],
    ['an ARRAY line that is not quiet', 'ARRAY /dev/md1 metadata=1.2'],
    ['a second device name', `ARRAY /dev/md1 /dev/md9 ${B}`],
    ['a DEVICE word that is no path', 'DEVICE /dev/sda sdb'],
    ['another keyword', 'MAILADDR root'],
    ['an unknown keyword', `ARRAYS /dev/md1 ${B}`],
  ];
  for (const [what, line] of stops) {
    it(`stops at the start of ${what}`, () => {
      const text = `ARRAY /dev/md0 ${A}\n${line}\nARRAY /dev/md2 ${C}\n`;
      const stop = stopOf(text);
      assert.equal(stop.line, 1);
      assert.equal(stop.keyword, line.split(' ')[0]);
    });
  }

  it('reads a keyword line on over comment, empty and blank lines, as mdadm does', () => {
    const text = [`ARRAY /dev/md0 ${A} # first`, '# between', '', '   ', '  # indented', `\tmetadata=1.2`, 'MAILADDR root'].join('\n');
    assert.deepEqual(stopOf(text), { line: 6, keyword: 'MAILADDR' });
  });

  it('leaves the last line to the reader, so that it never reads past the end of the text', () => {
    assert.deepEqual(stopOf(`ARRAY /dev/md0 ${A}\nDEVICE /dev/sda`), { line: 1, keyword: 'DEVICE' });
    assert.deepEqual(stopOf(`ARRAY /dev/md0 ${A}\nDEVICE /dev/sda\n`), { line: 1, keyword: 'DEVICE' });
    assert.deepEqual(stopOf('# one\n\n# two'), { line: 2, keyword: undefined });
    // Whatever the length of the text, the lines before the last are settled.
    for (let pad = 0; pad < 4; pad++) {
      assert.deepEqual(stopOf(`ARRAY /dev/md0 ${A}${' '.repeat(pad)}\nDEVICE /dev/sda\nDEVICE /dev/sdb\n`), { line: 2, keyword: 'DEVICE' });
    }
  });

  it('leaves a text that is not ASCII to the reader', () => {
    assert.deepEqual(stopOf(`# café\nARRAY /dev/md0 ${A}\nDEVICE /dev/sda\n`), { line: 0, keyword: 'ARRAY' });
  });

  /** Lines that the loop settles, lines it must leave alone, and lines that change what the ones before them mean. */
  const LINES = [
    `ARRAY /dev/md0 ${A}`,
    `ARRAY /dev/md1 metadata=1.2 ${B}`,
    `ARRAY ${A}`,
    `ARRAY /dev/md/0 ${C}`,
    'ARRAY /dev/md2 metadata=1.2',
    `  ${B}`,
    `\t${C}`,
    '  metadata=1.0',
    '  # indented comment',
    '# comment',
    '',
    '\r',
    'DEVICE /dev/sd* /dev/nvme0n1p*',
    'DEVICE partitions',
    'MAILADDR root',
    `ARRAY /dev/md3 "${B}"`,
    `ARRAY /dev/md4 ${A}\r`,
    `ARRAY /dev/md5 name=x ${C}`,
    `ARRAY <ignore> ${B}`,
    'ARRAY /dev/md6 devices=/dev/sda,/dev/sdb',
    `arr /dev/md7 ${C}`,
    `ARRAY /dev/md8 ${A} # trailing`,
    `ARRAY /dev/md9 ${B} metadata=9.9`,
    // Near misses of the tags known by their first bytes, and of a printed UUID read before its word ends.
    `ARRAY /dev/md10 ${A}"x"`,
    `ARRAY /dev/md11 ${A}=x`,
    'ARRAY /dev/md12 uuid=0123456g:89abcdef:01234567:89abcdef',
    'ARRAY /dev/md13 UUID=01234567-89ABCDEF.01234567:89abcdef METADATA=1.0',
    `ARRAY /dev/md14 ${A} ${B}`,
    `ARRAY /dev/md15 metadata=1.2x ${C}`,
    `ARRAY /dev/md16 metadata= uuid= ${A}`,
    `ARRAY /dev/md17 uuids=1 ${B}`,
    `ARRAY /dev/md18 metadata=1.2 metadata=1.0 ${B}`,
    // Keywords that start like the one before them (the loop remembers the last one by its bytes).
    `ARRAYS /dev/md19 ${A}`,
    `array\t/dev/md20 ${B}`,
    `ARRAY"x" /dev/md21 ${C}`,
    'DEVICES /dev/sdz',
    'DEVICE\r',
    `ARRA /dev/md22 ${A}`,
    // metadata= values like the one before them (the loop remembers the last good one by its bytes).
    `ARRAY /dev/md23 metadata=1.3 ${A}`,
    `ARRAY /dev/md24 metadata=1.20 ${B}`,
    `ARRAY /dev/md25 metadata=9.9 metadata=1.2 ${C}`,
    `ARRAY /dev/md26 metadata=01.2 ${A}`,
  ];

  it('gives the analyzer the findings of the word-by-word reading on 3,000 files made of such lines', () => {
    const random = seededRandom(0x11e5);
    const context = { fileName: '/lab/etc/mdadm.conf' };
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(random, LINES)).join('\n') + (random() < 0.5 ? '\n' : '');
      assert.deepEqual(analyzeMdadmConf(text, context), analyzeMdadmConf(text, context, { plainLines: false }), JSON.stringify(text));
    }
  });

  it('gives the analyzer the findings of the word-by-word reading, on fixtures, the benchmark and 3,000 mutated documents', function () {
    this.timeout(120_000);
    const random = seededRandom(0x5e771e);
    const bench = mdadmConf();
    const corpus = [...filesUnder(lintFixturePath('mdadm')), ...filesUnder(lintFixturePath('raid-roots')), ...filesUnder(lintFixturePath('raid-generate'))].map((file) =>
      fs.readFileSync(file, 'utf8'),
    );
    // Slices of the benchmark, whose lines are plain, so that mutations land among lines the loop settles.
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(random() * (bench.length - 4000));
      corpus.push(bench.slice(at, at + 1000 + Math.floor(random() * 3000)));
    }
    const documents = [bench, ...corpus];
    for (let n = 0; n < 3000; n++) documents.push(random() < 0.1 ? randomDocument(random) : mutate(random, pick(random, corpus)));
    const context = { fileName: '/lab/etc/mdadm.conf' };
    documents.forEach((text, n) => {
      assert.deepEqual(analyzeMdadmConf(text, context), analyzeMdadmConf(text, context, { plainLines: false }), `document ${n}: ${JSON.stringify(text.slice(0, 2000))}`);
    });
  });
});
