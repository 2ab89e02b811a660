import * as assert from 'node:assert/strict';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';
import { parseVmx } from '../../../../src/core/lint/vmx/parseVmx';
import { vmxKeyInfo, vmxKeyInfoOf } from '../../../../src/core/lint/vmx/vmxKeys';

const vmx = languageSupports.get('vmx');
const codes = (text: string, fileName = '/vms/lab/plain.vmx'): string[] => {
  assert.ok(vmx);
  return lintText(vmx, text, { fileName }).map((f) => `${f.range.start.line}:${f.code}`);
};

describe('vmx parser: what the whole-text scan must read like a line-by-line one', () => {
  it('cuts lines where VS Code does (\\n, \\r\\n, a lone \\r), with the same columns', () => {
    const lines = ['a = "1"', '  b\t=\t"2"  # note', '', '# c = "3"', 'd="4"'];
    for (const eol of ['\n', '\r\n', '\r']) {
      const { entries, syntax } = parseVmx(lines.join(eol));
      assert.deepEqual(syntax, []);
      assert.deepEqual(
        entries.entries().map((e) => [e.line, e.key, e.keyStart, e.keyEnd, e.value, e.rawStart, e.rawEnd]),
        [
          [0, 'a', 0, 1, '1', 4, 7],
          [1, 'b', 2, 3, '2', 6, 9],
          [4, 'd', 0, 1, '4', 2, 5],
        ],
        JSON.stringify(eol),
      );
    }
  });

  it('keeps # inside quotes as data, tolerates a comment after the closing quote, refuses other text there', () => {
    const { entries, syntax } = parseVmx('x = "a # b" # c\ny = "v" tail\n');
    assert.deepEqual(entries.entries().map((e) => e.value), ['a # b']);
    assert.deepEqual(syntax.map((p) => [p.line, p.start, p.end, p.message]), [[1, 7, 12, 'Unexpected text after the closing quote.']]);
  });

  it('takes any white space that trimEnd removes between the key and =, and nothing else', () => {
    const { entries, syntax } = parseVmx('k1\u00a0= "a"\nk2\uFEFF = "b"\nk\u00a03 = "c"\n= "d"\n  \u00a0= "e"\nnokey\n');
    assert.deepEqual(entries.entries().map((e) => [e.key, e.keyEnd]), [['k1', 2], ['k2', 2]]);
    assert.deepEqual(syntax.map((p) => [p.line, p.start, p.end, p.message]), [
      [2, 0, 3, '`k\u00a03` is not a .vmx key: keys are letters, digits, `.`, `:` and `_`.'],
      [3, 0, 1, 'The line has no key before `=`.'],
      [4, 2, 3, 'The line has no key before `=`.'],
      [5, 0, 5, 'Not a `key = "value"` line.'],
    ]);
  });

  it('reports an unclosed quote on its line and still reads the quotes of the lines after it', () => {
    const { entries, syntax } = parseVmx('a = "open\nb = "closed"\nc = bare value \n');
    assert.deepEqual(syntax.map((p) => [p.line, p.start, p.end]), [[0, 4, 9]]);
    assert.deepEqual(entries.entries().map((e) => [e.key, e.value, e.quoted, e.rawEnd]), [['b', 'closed', true, 12], ['c', 'bare value', false, 14]]);
  });

  it('recognizes the key templates while reading, as vmxKeyInfo does from the key string', () => {
    const keys = ['vhv.enable', 'VHV.Enable', 'vhv.enablex', 'ethernet0.present', 'Ethernet12.VirtualDev', 'ethernet00.noPromisc', 'ethernet.present', 'ethernet0x.present', 'ethernet0:1.present', 'scsi0:1.fileName', 'scsi0:.fileName', 'SATA1:0.deviceType', 'nvme0:0.present', 'hypervisor.cpuid.v0', 'hypervisor.cpuid.v1', '.encoding', 'memsize', 'memsize2', 'guestinfo.x', 'scsi0.virtualDev', 'scsi0:0.virtualDev'];
    const { entries } = parseVmx(keys.map((k) => `${k} = "1"`).join('\n'));
    assert.equal(entries.count, keys.length);
    keys.forEach((key, i) => assert.equal(vmxKeyInfoOf(entries, i), vmxKeyInfo(key.toLowerCase()), key));
  });

  it('finds repeats and an adapter\'s keys in any case, wherever they are in the file', () => {
    assert.deepEqual(codes('ETHERNET0.PRESENT = "TRUE"\nethernet0.virtualDev = "e1000"\n'), []);
    assert.deepEqual(codes('ethernet1.virtualDev = "e1000"\nx = "1"\nEthernet1.connectionType = "nat"\nethernet1.present = "FALSE"\n'), ['0:vmx/nic-key-orphan']);
    assert.deepEqual(codes('Memsize = "8"\nx = "1"\nMEMSIZE = "8"\n'), ['2:vmx/duplicate-key']);
  });

  it('follows each adapter through interleaved keys: an orphan reported once, on its first key; a .noPromisc before, after or apart from its .present', () => {
    const text = [
      'vhv.enable = "TRUE"',
      'hypervisor.cpuid.v0 = "FALSE"',
      'Ethernet0.connectionType = "nat"',
      'ethernet1.virtualDev = "e1000"',
      'ethernet0.noPromisc = "FALSE"',
      'ETHERNET1.connectionType = "nat"',
      'ethernet0.present = "TRUE"',
      'ethernet2.present = "TRUE"',
      'ethernet3.present = "TRUE"',
      'ethernet3.noPromisc = "TRUE"',
      'ethernet4.present = "TRUE"',
      'ethernet5.present = "TRUE"',
      'ethernet4.noPromisc = "FALSE"',
      'ethernet1.noPromisc = "FALSE"',
    ].join('\n');
    assert.deepEqual(codes(text), ['3:vmx/nic-key-orphan', '7:vmx/nested-nopromisc', '8:vmx/nested-nopromisc', '11:vmx/nested-nopromisc']);
  });

  it('reads its keys and values right after another text was converted to code units (codeUnits reuses its buffer)', () => {
    const nonAscii = parseVmx('ethernet0.present = "TRUE"\nEthernet0.virtualDev = "e1000\u00e9"\n');
    const first = parseVmx('ethernet0.present = "TRUE"\nEthernet0.virtualDev = "e1000"\n');
    // As long, other characters everywhere: the reused buffer now holds this text.
    const other = 'scsi1:0.present = "FALSE"\nscsi1:0.fileName = "bbbbb.vmdk"\n';
    assert.equal(other.length, 'ethernet0.present = "TRUE"\nEthernet0.virtualDev = "e1000"\n'.length);
    parseVmx(other);
    assert.ok(first.entries.valueIs(0, 'true') && first.entries.valueIs(1, 'e1000') && !nonAscii.entries.valueIs(1, 'e1000'));
    assert.ok(first.entries.sameDevice(0, 1) && first.entries.quoted(1));
    assert.equal(first.index.get('ethernet0.virtualdev'), 1);
    assert.equal(first.index.getOfDevice(1, '.present'), 0);
  });

  it('lints in the arrays the last lint handed back as in new ones, and leaves alone a parse another caller keeps', () => {
    const repeats = 'ethernet0.present = "TRUE"\nmemsize = "8"\nMEMSIZE = "8"\nethernet1.virtualDev = "e1000"\n';
    const others = 'MEMSIZE = "8"\nethernet1.present = "TRUE"\nethernet1.virtualDev = "e1000"\nMemSize = "8"\n';
    const kept = parseVmx(others);
    for (let round = 0; round < 3; round++) {
      assert.deepEqual(codes(repeats), ['2:vmx/duplicate-key', '3:vmx/nic-key-orphan']);
      assert.deepEqual(codes(others), ['3:vmx/duplicate-key']);
      // More entries than the text's length suggests, so the tables grow: each line of the later copies repeats.
      assert.equal(codes(`${others}x = "1"\n`.repeat(200)).length, 1 + 199 * 5);
    }
    assert.deepEqual(kept.entries.entries().map((e) => [e.line, e.key, kept.index.firstOf(kept.index.get(e.lowerKey))]), [
      [0, 'MEMSIZE', 0],
      [1, 'ethernet1.present', 1],
      [2, 'ethernet1.virtualDev', 2],
      [3, 'MemSize', 0],
    ]);
  });

  it('names the disks of the first entry of each key, as the disk-size rule reads them', () => {
    const text = 'scsi0:0.fileName = "a.vmdk"\nscsi0:0.present = "TRUE"\nscsi0:0.present = "FALSE"\nscsi0:0.fileName = "b.vmdk"\n';
    assert.deepEqual(vmx?.siblingPaths?.('/vms/lab/x.vmx', text), ['/vms/lab/a.vmdk']);
  });
});
