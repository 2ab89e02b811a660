import assert from 'node:assert/strict';
import { parseXeMinimal } from '../../../src/core/xe/parseXeMinimal';
import { XeParseError } from '../../../src/core/xe/xeParseError';
import { readFixture } from './fixtures';

const minimal = (file: string): string => readFixture('xe', 'minimal', file);

describe('parseXeMinimal (xe-cli.md §5)', () => {
  it('splits uuids on "," with no space', () => {
    const uuids = parseXeMinimal(minimal('vm-uuids.txt'), { strict: true });
    assert.equal(uuids.length, 3);
    assert.ok(uuids.every((u) => /^[0-9a-f-]{36}$/.test(u)));
  });

  it('unescapes \\, and \\\\ and nothing else, keeping spaces and unicode', () => {
    assert.deepEqual(parseXeMinimal(minimal('names-escaped.txt'), { strict: true }), [
      'a,b',
      'C:\\Windows',
      'ends with \\',
      '\\,',
      'plain',
      ' spaced ',
      'naïve 日本語',
    ]);
  });

  it('returns a map field whole per record, commas restored', () => {
    const [win, linux] = parseXeMinimal(minimal('map-field.txt'), { strict: true });
    assert.equal(win, 'name: Microsoft Windows 11 Pro|C:\\Windows|\\Device\\Harddisk0\\Partition3; distro: windows; major: 10');
    assert.equal(linux, 'install-methods: cdrom,nfs,http,ftp; linux_template: true');
  });

  it('reads a lone newline as no values (also what a single empty value prints)', () => {
    assert.deepEqual(parseXeMinimal(minimal('none.txt'), { strict: true }), []);
    assert.deepEqual(parseXeMinimal(minimal('single-empty-name.txt'), { strict: true }), []);
  });

  it('drops exactly one final newline', () => {
    assert.deepEqual(parseXeMinimal('a,b\n\n'), ['a', 'b\n']);
  });

  it('strict mode refuses a dangling escape and a missing newline; lenient keeps the text', () => {
    assert.throws(() => parseXeMinimal(minimal('dangling-escape.txt'), { strict: true }), XeParseError);
    assert.deepEqual(parseXeMinimal(minimal('dangling-escape.txt')), ['abc\\']);
    assert.throws(() => parseXeMinimal('a,b', { strict: true }), XeParseError);
    assert.deepEqual(parseXeMinimal('a,b'), ['a', 'b']);
  });
});
