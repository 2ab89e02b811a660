import * as assert from 'node:assert/strict';
import { matchMdadmKeyword, mdadmKeywords } from '../../../../src/core/lint/mdadm/mdadmKeywords';
import { MdadmWordReader } from '../../../../src/core/lint/mdadm/mdadmWordReader';
import { readMdadmLine, tokenizeMdadmConf } from '../../../../src/core/lint/mdadm/tokenizeMdadmConf';

const words = (text: string): string[][] => tokenizeMdadmConf(text).lines.map((l) => l.words.map((w) => w.text));

describe('tokenizeMdadmConf (mdadm lib.c conf_word semantics)', () => {
  it('joins indented lines to the keyword line, across blank and comment lines', () => {
    assert.deepEqual(words('ARRAY /dev/md0\n\n# note\n   uuid=1\n\tlevel=raid1\nDEVICE /dev/sda\n'), [
      ['ARRAY', '/dev/md0', 'uuid=1', 'level=raid1'],
      ['DEVICE', '/dev/sda'],
    ]);
  });

  it('starts a comment only at a word start, so root#x is one word', () => {
    assert.deepEqual(words('MAILADDR root#x # the rest is a comment\n'), [['MAILADDR', 'root#x']]);
  });

  it('removes quotes anywhere in a word and ends an unclosed quote at the end of the line', () => {
    assert.deepEqual(words(`MAILFROM "mdadm monitor" it's\nPROGRAM 'a b\n  c\n`), [['MAILFROM', 'mdadm monitor', 'its'], ['PROGRAM', 'a b', 'c']]);
  });

  it('keeps the columns of the word as written, quotes included', () => {
    const [line] = tokenizeMdadmConf('ARRAY  "/dev/md0"').lines;
    const word = line?.words[1];
    assert.deepEqual(word && [word.text, word.line, word.start, word.end], ['/dev/md0', 0, 7, 17]);
  });

  it('reports the first CR that sticks to a word, not one at the end of a comment', () => {
    assert.equal(tokenizeMdadmConf('# windows\r\nARRAY /dev/md0 uuid=1\r\n').crLine, 1);
    assert.equal(tokenizeMdadmConf('# only a comment\r\n').crLine, -1);
    assert.equal(tokenizeMdadmConf('DEVICE /dev/sda\n\r\n').crLine, 1);
  });
});

describe('MdadmWordReader', () => {
  it('reads words across every kind of line end, with or without quotes, tabs and CRs in the file', () => {
    const plain = 'ARRAY /dev/md0\n  uuid=1\n\n# c\n  level=raid1\nDEVICE /dev/sda #x\nMAILADDR root';
    const expected = [['ARRAY', '/dev/md0', 'uuid=1', 'level=raid1'], ['DEVICE', '/dev/sda'], ['MAILADDR', 'root']];
    assert.deepEqual(words(plain), expected);
    // A quote in a comment makes the reader look at every character; the words must not change.
    assert.deepEqual(words(`${plain}\n# it's`), expected);
    assert.deepEqual(words(plain.replace(/\n/g, '\r\n')), expected);
    assert.deepEqual(words(plain.replace(/\n/g, '\r')), expected);
    assert.deepEqual(words(plain.replace(/ {2}/g, '\t')), expected);
    const tokens = tokenizeMdadmConf('ARRAY /dev/md0\r\n  uuid=1\rDEVICE "/dev/sd a"\n\nMAILADDR root');
    assert.deepEqual(tokens.physical, ['ARRAY /dev/md0', '  uuid=1', 'DEVICE "/dev/sd a"', '', 'MAILADDR root']);
    assert.deepEqual(tokens.lines[1]?.words[1], { text: '/dev/sd a', line: 2, start: 7, end: 18 });
  });

  it('reads a text with non-ASCII characters (16-bit code units) as it reads an ASCII one, quotes included', () => {
    const text = 'MAILFROM "é mdadm"\r\nARRAY /dev/md0 name=\'ü x\'\n  uuid=1 # ñ\n';
    assert.deepEqual(words(text), [['MAILFROM', 'é mdadm'], ['ARRAY', '/dev/md0', 'name=ü x', 'uuid=1']]);
    assert.deepEqual(tokenizeMdadmConf(text).lines[1]?.words[2], { text: 'name=ü x', line: 1, start: 15, end: 25 });
    assert.equal(tokenizeMdadmConf(text).crLine, 0);
  });

  it('reads an ASCII text 32 bits a read as it reads any text, at every offset and length modulo four', () => {
    // Bytes below 0x28 and `=` are where the 32-bit reads look closer; most of them do not end a word.
    const tails = ['', 'a', 'ab', 'abc', 'abcd', 'a=b', 'a#b', 'a!b$c%d&e', 'a\u0000b\u0001c', 'x=y=z', '=', '#', 'a"b c"d', "a'b"];
    for (let pad = 0; pad < 8; pad++) {
      for (const tail of tails) {
        for (const end of ['', '\n', '\r\n', '\n  more=1', '\n# c']) {
          const text = `${'K'.repeat(pad + 3)} w${tail} ${tail}x\t${tail}${end}`;
          // A non-ASCII character in a trailing comment makes the reader take the unit-at-a-time path.
          assert.deepEqual(words(text), words(`${text}\n# \u00e9`), JSON.stringify(text));
          assert.deepEqual(tokenizeMdadmConf(text).lines, tokenizeMdadmConf(`${text}\n# \u00e9`).lines, JSON.stringify(text));
        }
      }
    }
  });

  it('ends a word, a quote or a comment at the end of the text', () => {
    assert.deepEqual(words('PROGRAM "x y"'), [['PROGRAM', 'x y']]);
    assert.deepEqual(words("PROGRAM x' y"), [['PROGRAM', 'x y']]);
    assert.deepEqual(words('DEVICE /dev/sda #'), [['DEVICE', '/dev/sda']]);
    assert.deepEqual(words('DEVICE /dev/sda\n  '), [['DEVICE', '/dev/sda']]);
  });

  it('notes where the first = of a word is, in the word as mdadm sees it (quotes removed)', () => {
    const eqs = (text: string): number[] => {
      const reader = new MdadmWordReader(text);
      const found: number[] = [];
      while (reader.nextLine()) {
        do found.push(reader.eq < 0 ? -1 : reader.eq - reader.from);
        while (reader.nextWord());
      }
      return found;
    };
    assert.deepEqual(eqs('ARRAY /dev/md0 uuid=1=2 =x x= "uu"id=1 \'a=b\'=c na"me=x y"\n  level=raid1'), [-1, -1, 4, 0, 1, 4, 1, 4, 5]);
    assert.deepEqual(eqs('ARRAY md0 \u00e9=1 a\u00e9'), [-1, -1, 1, -1]);
  });

  it('reads a keyword line again from its keyword, continuation lines included', () => {
    const reader = new MdadmWordReader('DEVICE /dev/sda\nARRAY /dev/md0\n  uuid=1\nAUTO +all\n');
    reader.nextLine();
    reader.nextLine();
    const again = reader.rereadKeywordLine();
    assert.ok(again.nextLine());
    assert.deepEqual(readMdadmLine(again).words.map((w) => [w.text, w.line]), [['ARRAY', 1], ['/dev/md0', 1], ['uuid=1', 2]]);
  });
});

describe('matchMdadmKeyword', () => {
  it('matches 3+ character prefixes in table order, case-insensitively', () => {
    const name = (w: string): string | undefined => matchMdadmKeyword(w)?.name;
    assert.equal(name('dev'), 'DEVICE');
    assert.equal(name('DEVICES'), 'DEVICE');
    assert.equal(name('pro'), 'PROGRAM');
    assert.equal(name('prob'), 'PROBING');
    assert.equal(name('mai'), 'MAILADDR');
    assert.equal(name('mailf'), 'MAILFROM');
    assert.equal(name('hom'), 'HOMEHOST');
    assert.equal(name('homec'), 'HOMECLUSTER');
    assert.equal(name('part'), 'PART-POLICY');
    assert.equal(name('ar'), undefined);
    assert.equal(name('ARRAYS'), undefined);
  });

  it('gives every keyword written in full, and every prefix and extension of one, the keyword of the prefix rule', () => {
    // The rule as mdadm's conf_get_keyword states it, written plainly: the first table word the word is a prefix of.
    const byRule = (word: string): string | undefined =>
      word.length < 3 ? undefined : mdadmKeywords.find((k) => k.tableWord.startsWith(word.toLowerCase()))?.name;
    const words = mdadmKeywords.flatMap((k) =>
      [k.tableWord, k.name, `${k.tableWord}s`, `${k.name}x`].flatMap((full) => Array.from({ length: full.length }, (_, i) => full.slice(0, i + 1))),
    );
    for (const word of [...words, ...words.map((w) => w.toUpperCase())]) assert.equal(matchMdadmKeyword(word)?.name, byRule(word), word);
  });
});
