import * as assert from 'node:assert/strict';
import { codeUnits } from '../../../../src/core/lint/codeUnits';
import type { Finding } from '../../../../src/core/lint/finding';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';

/**
 * The disk spec check reads the document as code units at offsets computed from the line starts, so its
 * findings must land on the same columns whatever comes before the spec: other line endings, a BOM, or
 * characters outside ASCII (which take the two-byte path of `codeUnits`).
 */
describe('xl disk specs: findings at the right columns whatever precedes them', () => {
  const support = languageSupports.get('xen-xl');
  const lines = ["name = 'web01'", "type = 'hvm'", 'disk = [', "  'format=raw,vdev=xvda,access=readwrite,target=/srv/xen/web01.img',", "  'phy:/dev/vg/lv,hda,w', 'vdev=xvdb,formt=raw,vdev=xvdc,target=/x'", ']', ''];
  const diskFindings = (text: string): Finding[] => {
    assert.ok(support);
    return lintText(support, text, { fileName: '/etc/xen/web01', nested: 'off' }).filter((f) => f.code.startsWith('xl/disk-'));
  };
  const expected = diskFindings(lines.join('\n'));

  it('finds the expected problems on LF text', () => {
    assert.deepEqual(
      expected.map((f) => [f.code, f.range.start.line, f.range.start.character, f.range.end.character]),
      [
        ['xl/disk-spec', 3, 24, 40],
        ['xl/disk-deprecated-syntax', 4, 3, 17],
        ['xl/disk-spec', 4, 37, 46],
      ],
    );
  });

  for (const [label, text] of [
    ['CRLF', lines.join('\r\n')],
    ['lone CR', lines.join('\r')],
    ['a BOM', `\uFEFF${lines.join('\n')}`],
    ['a non-ASCII comment above', [`${lines[0] as string} # Übersicht — “web01” 🖥`, ...lines.slice(1)].join('\n')],
  ] as const) {
    it(`the same findings after ${label}`, () => {
      assert.deepEqual(diskFindings(text), expected);
    });
  }

  it('reads keys, allowed values and the comma after a value four bytes at a time, at any alignment and up to the end of the text', () => {
    // Every value length from 1 to 9 puts the next comma at each position of a 4-byte read; the same specs
    // after a non-ASCII comment take the one-unit-at-a-time path and must give the same findings. One finding
    // is kept per line and rule, so the allowed values come first: a misread one would show instead.
    const specs = Array.from({ length: 9 }, (_, k) => `  'format=qcow2,access=r,vdev=${'x'.repeat(k + 1)},vdev=y,backendtype=phy',`);
    const text = ['disk = [', ...specs, ']', ''].join('\n');
    const findings = diskFindings(text);
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.message]),
      specs.map((_, k) => [k + 1, 32 + k, 38 + k, '`vdev` is given twice in this disk spec.']),
    );
    assert.deepEqual(diskFindings(`# “non-ASCII”\n${text}`).map((f) => [f.range.start.line - 1, f.range.start.character, f.message]), findings.map((f) => [f.range.start.line, f.range.start.character, f.message]));
    // A one-letter value just before the closing quote at the very end of the text, where a 4-byte read would
    // run past it: read one unit at a time, and still allowed; a value that is not allowed is still reported.
    assert.deepEqual(diskFindings("disk = [ 'access=w']"), []);
    assert.deepEqual(diskFindings("disk = ['access=w']"), []);
    assert.deepEqual(diskFindings("disk=['access=r']"), []);
    assert.deepEqual(
      diskFindings("disk=['access=wr']").map((f) => f.message),
      ['`wr` is not a valid disk access: use `ro`, `r`, `rw`, `w`.'],
    );
    // A short value is compared in one read of its bytes and its length: blanks after it do not count, a NUL
    // after an allowed value does (and a blank before it); longer values are compared unit by unit.
    assert.deepEqual(diskFindings("disk = [ 'format=qcow2, access=rw ,backendtype=qdisk,vdev=xvda' ]\n"), []);
    assert.deepEqual(
      diskFindings("disk = [ 'access= rw' ]\n").map((f) => f.message),
      ['` rw` is not a valid disk access: use `ro`, `r`, `rw`, `w`.'],
    );
    assert.deepEqual(
      diskFindings("disk = [ 'access=r\u0000,vdev=xvda' ]\n").map((f) => f.message),
      ['`r\u0000` is not a valid disk access: use `ro`, `r`, `rw`, `w`.'],
    );
  });

  it('codeUnits matches charCodeAt for ASCII and for any other text', () => {
    for (const text of ['', 'disk = [ "x" ]\n', 'é', 'a\u00a0b', '🖥 \uD800 x', 'x'.repeat(100) + '\u2028']) {
      assert.deepEqual(Array.from(codeUnits(text)), Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)), text);
    }
  });
});
