import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { repoRoot } from '../../ssh/repoRoot';

const read = (...parts: string[]): string => fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'lint', ...parts), 'utf8');
const support = (id: string): NonNullable<ReturnType<typeof languageSupports.get>> => {
  const s = languageSupports.get(id);
  assert.ok(s);
  return s;
};

describe('nested-lab hovers, completion and outlines', () => {
  const seed = read('xl', 'seed-nested-xcp-ng.xl');

  it('xl hover: a key says what it does, its values and the guide step', () => {
    const hover = support('xen-xl').hover?.(seed, { line: 22, character: 1 });
    assert.deepEqual(hover?.range, { start: { line: 22, character: 0 }, end: { line: 22, character: 3 } });
    assert.match(hover?.markdown ?? '', /\*\*hap\*\*/);
    assert.match(hover?.markdown ?? '', /Nested XCP-ng/);
  });

  it('xl hover: inside a vif spec, the item under the cursor', () => {
    const hover = support('xen-xl').hover?.(seed, { line: 7, character: 40 });
    assert.match(hover?.markdown ?? '', /^\*\*type\*\* \(vif spec\): .*ioemu/);
    assert.equal(support('xen-xl').hover?.(seed, { line: 7, character: 1 })?.markdown.startsWith('**vif**'), true);
  });

  it('xl completion: keys at the start of a line, enum values after =, vif items in a vif string', () => {
    const xl = support('xen-xl');
    const keys = xl.complete?.('nest', { line: 0, character: 4 }) ?? [];
    assert.ok(keys.some((k) => k.label === 'nestedhvm' && k.insertText === 'nestedhvm = '));
    assert.deepEqual((xl.complete?.("type = '", { line: 0, character: 8 }) ?? []).map((c) => c.insertText), ['pv', 'pvh', 'hvm']);
    assert.deepEqual((xl.complete?.('on_crash = ', { line: 0, character: 11 }) ?? []).map((c) => c.insertText)[0], "'destroy'");
    assert.deepEqual((xl.complete?.('hap = ', { line: 0, character: 6 }) ?? []).map((c) => c.label), ['1', '0']);
    const vif = xl.complete?.("vif = [ 'mac=00:16:3e:00:00:01,", { line: 0, character: 31 }) ?? [];
    assert.ok(vif.some((c) => c.label === 'model=e1000') && vif.some((c) => c.label === 'bridge='));
  });

  it('xl outline: one symbol per assignment, lists with their items', () => {
    const symbols = support('xen-xl').symbols?.(seed) ?? [];
    assert.equal(symbols.length, 27);
    const disk = symbols.find((s) => s.name === 'disk');
    assert.equal(disk?.kind, 'array');
    assert.equal(disk?.children?.length, 2);
    assert.equal(symbols.filter((s) => s.name === 'serial').length, 2);
  });

  const vmx = read('vmx', 'workstation-xcp-ng.vmx');

  it('vmx hover, completion and outline', () => {
    const v = support('vmx');
    assert.match(v.hover?.(vmx, { line: 7, character: 2 })?.markdown ?? '', /\*\*vhv\.enable\*\*.*VT-x/s);
    assert.match(v.hover?.(vmx, { line: 17, character: 5 })?.markdown ?? '', /promiscuous/);
    assert.equal(v.hover?.(vmx, { line: 18, character: 2 }), undefined, 'no hover for keys we know nothing about');
    assert.ok((v.complete?.('vhv', { line: 0, character: 3 }) ?? []).some((c) => c.label === 'vhv.enable'));
    assert.deepEqual((v.complete?.('ethernet3.virtualDev = "', { line: 0, character: 24 }) ?? []).map((c) => c.insertText), ['vlance', 'vmxnet', 'vmxnet3', 'e1000', 'e1000e']);
    assert.deepEqual((v.complete?.('vhv.enable = ', { line: 0, character: 13 }) ?? []).map((c) => c.insertText), ['"TRUE"', '"FALSE"']);
    const outline = v.symbols?.(vmx) ?? [];
    const ethernet0 = outline.find((s) => s.name === 'ethernet0');
    assert.equal(ethernet0?.kind, 'section');
    assert.deepEqual(ethernet0?.children?.map((c) => c.name), ['ethernet0.present', 'ethernet0.connectionType', 'ethernet0.virtualDev', 'ethernet0.noPromisc']);
  });

  it('modprobe hover and completion', () => {
    const m = support('modprobe');
    const text = 'options kvm_amd nested=1\n';
    assert.match(m.hover?.(text, { line: 0, character: 10 })?.markdown ?? '', /host-passthrough/);
    assert.match(m.hover?.(text, { line: 0, character: 18 })?.markdown ?? '', /kvm_amd\.nested\*\*: an integer/);
    assert.match(m.hover?.(text, { line: 0, character: 2 })?.markdown ?? '', /^`options MODULE OPTION/);
    assert.ok((m.complete?.('opt', { line: 0, character: 3 }) ?? []).some((c) => c.label === 'options'));
    assert.deepEqual((m.complete?.('options ', { line: 0, character: 8 }) ?? []).map((c) => c.label), ['kvm_intel', 'kvm_amd', 'kvm']);
    assert.ok((m.complete?.('options kvm_intel ne', { line: 0, character: 20 }) ?? []).some((c) => c.label === 'nested='));
    assert.deepEqual((m.complete?.('options kvm-intel vmentry_l1d_flush=', { line: 0, character: 36 }) ?? []).map((c) => c.label), ['auto', 'never', 'cond', 'always']);
  });

  it('the vmx support names the .vmdk descriptors as siblings, resolved next to the .vmx', () => {
    const v = support('vmx');
    assert.deepEqual(v.siblingPaths?.('/vms/lab/XCP-ng.vmx', 'scsi0:0.present = "TRUE"\nscsi0:0.fileName = "XCP-ng.vmdk"\nide1:0.fileName = "xcp-ng.iso"\nide1:0.deviceType = "cdrom-image"\nsata0:1.fileName = "../shared/data.vmdk"\n'), ['/vms/lab/XCP-ng.vmdk', '/vms/shared/data.vmdk']);
    assert.deepEqual(v.siblingPaths?.('C:\\VMs\\lab\\XCP-ng.vmx', 'nvme0:0.fileName = "disk.vmdk"\n'), ['C:\\VMs\\lab\\disk.vmdk']);
  });
});
