import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/lint/finding';
import { languageSupports } from '../../../src/core/lint/languageSupports';
import { lintText } from '../../../src/core/lint/lintText';
import { ownEntry } from '../../../src/core/lint/ownEntry';

const MEMBER_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('words that name Object.prototype members', () => {
  it('ownEntry finds only the table’s own entries', () => {
    const table: Record<string, string> = { yes: 'TRUE' };
    assert.equal(ownEntry(table, 'yes'), 'TRUE');
    for (const word of MEMBER_NAMES) assert.equal(ownEntry(table, word), undefined, word);
  });

  it('xl: a bare word value gets only the quoting fix, never a number made of a prototype member', () => {
    const support = languageSupports.get('xen-xl');
    assert.ok(support);
    for (const word of MEMBER_NAMES) {
      const findings: Finding[] = lintText(support, `name = "lab"\nhap = ${word}\n`, { fileName: '/etc/xen/lab.cfg' });
      const finding = findings.find((f) => f.code === 'xl/unquoted-value');
      assert.deepEqual(finding?.fixes?.map((fix) => fix.title), [`Quote as '${word}'`], word);
    }
    const [yes] = lintText(support, 'name = "lab"\nhap = yes\n', { fileName: '/etc/xen/lab.cfg' }).filter((f) => f.code === 'xl/unquoted-value');
    assert.ok(yes?.fixes?.some((fix) => fix.title === 'Replace with 1'));
  });

  it('xl and modprobe hovers do not describe such words', () => {
    const xl = languageSupports.get('xen-xl');
    const modprobe = languageSupports.get('modprobe');
    assert.ok(xl?.hover && modprobe?.hover);
    for (const word of MEMBER_NAMES) {
      const vif = `vif = [ '${word}=1' ]\n`;
      // Inside an unknown item the hover falls back to the key's own text; it must not describe the item.
      assert.doesNotMatch(xl.hover(vif, { line: 0, character: 9 })?.markdown ?? '', new RegExp(`\\*\\*${word}\\*\\*|native code`), `xl ${word}`);
      assert.equal(modprobe.hover(`${word} kvm\n`, { line: 0, character: 1 }), undefined, `modprobe command ${word}`);
      assert.equal(modprobe.hover(`options ${word} nested=1\n`, { line: 0, character: 9 }), undefined, `modprobe module ${word}`);
    }
    assert.ok(modprobe.hover('options kvm_intel nested=1\n', { line: 0, character: 9 }));
  });
});
