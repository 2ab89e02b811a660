import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/lint/finding';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';
import { xlSymbols } from '../../../../src/core/lint/xl/xlSymbols';

/**
 * The xl lexer reads the whole text by index (code units, line ends found in the same pass) instead of
 * line strings: these pin the places where that could drift from reading line by line — a backslash
 * escaping the closing quote or ending the line, CR terminators inside a list, tabs, a comment at the end.
 */
describe('xl lexer over the whole text', () => {
  const support = languageSupports.get('xen-xl');
  const lint = (text: string): Finding[] => {
    assert.ok(support);
    return lintText(support, text, { fileName: '/etc/xen/lab', nested: 'off' });
  };
  const brief = (findings: readonly Finding[]): unknown[] => findings.map((f) => [f.code, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);

  it('reads an escaped backslash before the closing quote as the end of the string', () => {
    const text = "name = 'lab\\\\'\nvcpus = 2\n";
    assert.deepEqual(brief(lint(text)), []);
    assert.deepEqual(
      xlSymbols(text).map((s) => [s.name, s.detail]),
      [
        ['name', 'lab\\\\'],
        ['vcpus', '2'],
      ],
    );
  });

  it('stops a string whose backslash escapes the closing quote at the end of its line, not in the next', () => {
    const text = "name = 'lab\\'\nvcpus = 2\n";
    assert.deepEqual(brief(lint(text)), [
      ['xl/name-missing', 0, 0, 0, 13],
      ['xl/unterminated-string', 0, 7, 0, 13],
    ]);
    assert.deepEqual(xlSymbols(text).map((s) => s.name), ['vcpus']);
  });

  it('a backslash as the last character of a line does not reach into the next line', () => {
    const text = "name = 'lab'\nkernel = '/boot/x\\\nvcpus = 2\n";
    assert.deepEqual(brief(lint(text)), [['xl/unterminated-string', 1, 9, 1, 18]]);
    assert.deepEqual(xlSymbols(text).map((s) => s.name), ['name', 'vcpus']);
  });

  it('ends lines at a lone CR inside a list, with columns counted from each line', () => {
    const text = "name = 'lab'\rdisk = [\r  'vdev=xvda,acess=rw,target=/srv/x.img',\r]\r";
    assert.deepEqual(brief(lint(text)), [
      ['xl/crlf', 0, 0, 0, 12],
      ['xl/disk-spec', 2, 13, 2, 21],
    ]);
    const disk = xlSymbols(text).find((s) => s.name === 'disk');
    assert.deepEqual(disk?.range, { start: { line: 1, character: 0 }, end: { line: 3, character: 1 } });
  });

  it('takes tabs as blanks around keys, operators and values', () => {
    const text = "name\t=\t'lab'\n\tvcpus\t=\t2\t# two\n";
    assert.deepEqual(brief(lint(text)), []);
    assert.deepEqual(
      xlSymbols(text).map((s) => [s.name, s.selectionRange.start.character, s.range.end.character]),
      [
        ['name', 0, 12],
        ['vcpus', 1, 10],
      ],
    );
  });

  it('reports a comment on a last line without a newline after CRLF lines', () => {
    assert.deepEqual(brief(lint("name = 'lab'\r\n# end")), [
      ['xl/crlf', 0, 0, 0, 12],
      ['xl/comment-at-eof', 1, 0, 1, 5],
    ]);
  });

  it('lints a file with more syntax errors than a call takes arguments', function () {
    this.timeout(20000);
    // 200,000 unterminated strings: the parser's findings were once spread into the result as arguments.
    const findings = lint("'abc\n".repeat(200000));
    assert.equal(findings.filter((f) => f.code === 'xl/unterminated-string').length, 200000);
    assert.deepEqual(brief(findings.slice(0, 2)), [
      ['xl/name-missing', 0, 0, 0, 4],
      ['xl/unterminated-string', 0, 0, 0, 4],
    ]);
  });

  it('reads list lines that are one item and a comma like any other item: quotes, blanks, comments, escapes', () => {
    // Such lines are read whole (the usual line of a large disk list); the lines around them are not.
    const text = "name = 'lab'\ndisk = [ 'vdev=xvda,target=/a.img',\n  \"vdev=xvdb,acess=rw,target=/b.img\" ,\t# b\n  'vdev=xvdc,target=/d\\q.img',\n\t'vdev=xvde,target=/e.img', 'x',\n  'vdev=xvdf,target=/f.img', # last\n]\ndisk = [ 'vdev=xvdg,target=/g.img' ] # again\n";
    const findings = lint(text);
    assert.deepEqual(brief(findings), [
      ['xl/disk-spec', 2, 13, 2, 21],
      ['xl/string-escape', 3, 22, 3, 24],
      ['xl/duplicate-key', 7, 0, 7, 4],
    ]);
    // The comment after the last item's comma leaves that line to the list: the earlier `disk` owns its lines.
    assert.equal(findings[2]?.fixes?.length, 2);
    assert.deepEqual(
      xlSymbols(text).map((s) => [s.name, s.detail]),
      [
        ['name', 'lab'],
        ['disk', '[6]'],
        ['disk', '[1]'],
      ],
    );
  });

  it('reads a run of such lines up to the first that is not one: a comment, a statement, the end of the text', () => {
    // The lines of a run are read one after the other without queueing their ends; each way a run stops must
    // leave the parser where reading token by token would.
    const cases: [string, unknown[], unknown[]][] = [
      ["name = 'lab'\ndisk = [\n  'vdev=xvda,target=/a',\n  'vdev=xvdb,target=/b',\n  # shelf\n  'vdev=xvdc,acces=r,target=/c',\n]\n", [['xl/disk-spec', 5, 13, 5, 20]], ['disk', '[3]']],
      ["name = 'lab'\ndisk = [\n  'vdev=xvda,target=/a',\n  'vdev=xvdb,target=/b',\nmemory = 4\n", [['xl/syntax', 1, 7, 1, 8]], ['memory', '4']],
      ["name = 'lab'\ndisk = [\n  'vdev=xvda,target=/a',\n  'vdev=xvdb,target=/b',", [['xl/syntax', 1, 7, 1, 8]], ['name', 'lab']],
      ["name = 'lab'\r\ndisk = [\r\n  'vdev=xvda,target=/a',\r\n  'vdev=xvdb,acces=r,target=/b',\r\n]\r\n", [['xl/crlf', 0, 0, 0, 12], ['xl/disk-spec', 3, 13, 3, 20]], ['disk', '[2]']],
    ];
    for (const [text, findings, lastSymbol] of cases) {
      assert.deepEqual(brief(lint(text)), findings, text);
      assert.deepEqual(xlSymbols(text).map((s) => [s.name, s.detail]).at(-1), lastSymbol, text);
    }
  });

  it('gives a short text the same findings before and after a longer one (the line table is shared)', () => {
    // The first line starts at 0 and the last line's columns come from the table: a longer text lexed in between
    // leaves its own line starts and ends in it.
    // The short text has more lines than its length sizes the tables for (64): the comment table grows on its own.
    const short = `# lab\nname = 'lab'\n${'\n'.repeat(100)}  disk = [ 'vdev=xvda,acces=r,target=/a' ]  # end`;
    const expected = [
      ['xl/disk-spec', 102, 22, 102, 29],
      ['xl/comment-at-eof', 102, 44, 102, 49],
    ];
    assert.deepEqual(brief(lint(short)), expected);
    lint(`name = 'other'\ndisk = [\n${"     'vdev=xvda,target=/srv/a/long/path.img',\n".repeat(3000)}]\n`);
    assert.deepEqual(brief(lint(short)), expected);
  });

  it('still reports a missing comma before a list line that is one item and a comma', () => {
    assert.deepEqual(brief(lint("name = 'lab'\ndisk = [\n  'vdev=xvda,target=/a.img'\n  'vdev=xvdb,target=/b.img',\n]\n")), [['xl/syntax', 3, 2, 3, 27]]);
  });
});
