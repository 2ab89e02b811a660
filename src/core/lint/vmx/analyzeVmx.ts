import type { Finding, Fix } from '../finding';
import type { LintContext } from '../languageSupport';
import { appendLineEdit, insertLineEdit, removeLinesEdit } from '../lineEdits';
import { rangeOf, replaceFix } from '../rangeOf';
import type { LineStarts } from '../lineStarts';
import { suggestName } from '../suggestName';
import { giveBackVmxParse, parseVmx, type VmxParse } from './parseVmx';
import { vmdkSize, vmxDisks } from './vmxDisks';
import type { VmxEntry, VmxEntryTable } from './vmxEntryTable';
import { deviceState, templateIndex } from './vmxKeyAutomaton';
import type { VmxKeyIndex } from './vmxKeyIndex';
import { nicDevices, scsiDevices, vmxKeys } from './vmxKeys';
import { takeVmxParseArrays } from './vmxParseArrays';
import { ownEntry } from '../ownEntry';

const nestedName = /xcp|xen/i;
const minDiskBytes = 60 * 1024 ** 3;
const booleanWords: Record<string, string> = { true: 'TRUE', yes: 'TRUE', on: 'TRUE', '1': 'TRUE', false: 'FALSE', no: 'FALSE', off: 'FALSE', '0': 'FALSE' };

const isTrue = (e: VmxEntry | undefined): boolean => e?.value.toLowerCase() === 'true';
const isFalse = (e: VmxEntry | undefined): boolean => e?.value.toLowerCase() === 'false';
const keyRange = (e: VmxEntry): Finding['range'] => rangeOf(e.line, e.keyStart, e.keyEnd);
const valueRange = (e: VmxEntry): Finding['range'] => rangeOf(e.line, e.rawStart, e.rawEnd);
const setValue = (e: VmxEntry, value: string, preferred = true): Fix => replaceFix(`Set \`${e.key} = "${value}"\``, valueRange(e), `"${value}"`, preferred);

/** A .vmx value as VMware writes it: quoted, with `"` and `|` escaped as `|22` and `|7C`. */
function quoteVmx(value: string): string {
  return `"${value.replace(/\|/g, '|7C').replace(/"/g, '|22')}"`;
}

function intValue(e: VmxEntry | undefined): number | undefined {
  return e && /^\s*\d+\s*$/.test(e.value) ? Number(e.value) : undefined;
}

const nicVirtualDev = templateIndex('ethernet#.virtualdev');
const scsiVirtualDev = templateIndex('scsi#.virtualdev');
const nicConnectionType = templateIndex('ethernet#.connectiontype');
const nicPresent = templateIndex('ethernet#.present');
const nicNoPromisc = templateIndex('ethernet#.nopromisc');
const memsizeKey = templateIndex('memsize');
const vhvAllowKey = templateIndex('vhv.allow');
const nicDevice = deviceState('ethernet#');
/** What every adapter's device part starts with, in some case: only the digits after it tell two apart. */
const nicPrefix = 'ethernet'.length;
/** A boolean's words, as `valueWord` numbers them. */
const booleanValues = ['true', 'false'];
const TRUE = 0;
const FALSE = 1;
/** Whether each of `nicDevices` is an old model, which XCP-ng does not document. */
const oldNicDevices = nicDevices.map((model) => model === 'vlance' || model === 'vmxnet');
const pvscsiWord = scsiDevices.indexOf('pvscsi');
/** 1 for the templates of boolean keys, by template index. */
const booleanTemplates = Uint8Array.from(vmxKeys, (info) => (info.type === 'boolean' ? 1 : 0));

/** Whether the key is `ethernet<digits>.<more>`, an adapter's key. */
function isNicKey(entries: VmxEntryTable, index: number): boolean {
  return entries.deviceState(index) === nicDevice && entries.deviceEnd(index) + 1 < entries.keyEnd(index);
}

/**
 * The rules over one parse. Entries are numbers into the parse's table (see VmxEntryTable); an entry becomes
 * an object, and the text is cut into lines, only when a rule reports it.
 */
class VmxChecker {
  readonly out: Finding[] = [];
  /** The first entry of each key: VMware refuses a file with repeats, so later ones are errors. */
  readonly index: VmxKeyIndex;
  readonly entries: VmxEntryTable;
  /** Where the lines start, for the fixes that add or remove lines. */
  readonly source: LineStarts;
  readonly syntax: VmxParse['syntax'];
  /**
   * The `ethernetN.present` entries that are TRUE, in file order, found by `checkEntries`; and for each, whether
   * its adapter's `.noPromisc` came FALSE in the same run of the adapter's keys (else it is looked up).
   */
  readonly presentNics: number[] = [];
  readonly noPromiscFalse: boolean[] = [];
  /** The first key of each adapter whose `.present` is not TRUE, in file order, found by `checkEntries`. */
  private readonly orphanKeys: number[] = [];
  private readonly orphanNics = new Set<string>();
  /**
   * The adapter of the last adapter key read (one of its entries), whether its `.present` is TRUE, and its
   * number in `presentNics` when its run of keys started with that `.present` (else -1).
   */
  private nicEntry = -1;
  private nicPresent = false;
  private nicRun = -1;
  /** Whether an adapter has a `.connectionType` (a Workstation VM), found by `checkEntries`. */
  hasConnectionType = false;
  /** SCSI controllers set to PVSCSI and adapters of an old NIC model, in file order, found by `checkEntries`. */
  readonly oldDevices: number[] = [];

  constructor(parsed: VmxParse) {
    this.syntax = parsed.syntax;
    this.index = parsed.index;
    this.entries = parsed.entries;
    this.source = parsed.lines;
  }

  /** The first entry with `key` (lower case). */
  get(key: string): VmxEntry | undefined {
    const index = this.index.get(key);
    return index < 0 ? undefined : this.entries.entry(index);
  }

  push(range: Finding['range'], severity: Finding['severity'], code: string, message: string, fixes?: Fix[]): void {
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  /**
   * The rules of each entry, in one pass in file order: repeats, quoting, the values of known keys; and what
   * the later rules need gathered on the way (the adapters, the entries the nested profile may report).
   */
  checkEntries(): void {
    const { entries, index } = this;
    for (let i = 0; i < entries.count; i++) {
      const first = index.firstOf(i);
      if (first !== i) {
        const e = entries.entry(i);
        const earlier = entries.entry(first);
        const same = earlier.value === e.value;
        this.push(keyRange(e), 'error', 'vmx/duplicate-key', `\`${e.key}\` repeats \`${earlier.key}\` from line ${earlier.line + 1} (keys are case-insensitive): VMware refuses to open the VM.`, [
          { title: 'Remove this line', edits: [removeLinesEdit(this.source, e.line, e.line)], preferred: same },
          { title: `Remove line ${earlier.line + 1} (keep this value)`, edits: [removeLinesEdit(this.source, earlier.line, earlier.line)] },
        ]);
        continue;
      }
      if (!entries.quoted(i)) {
        const e = entries.entry(i);
        this.push(valueRange(e), 'warning', 'vmx/unquoted-value', `VMware writes every value in double quotes: \`${e.key} = ${quoteVmx(e.value)}\`.`, [replaceFix('Quote the value', valueRange(e), quoteVmx(e.value), true)]);
      }
      // Every other rule here is about a key of vmxKeys.ts; most keys of a real file are not.
      const template = entries.template(i);
      const word = template >= 0 ? this.checkValue(i, template) : -1;
      if (isNicKey(entries, i)) this.checkNic(i, template, word);
    }
  }

  /**
   * An adapter's key, the first of its key (`word`: its value's number in `booleanValues`, or -1). An adapter's
   * keys usually follow each other, so whether its `.present` is TRUE is carried from one key to the next of the
   * same adapter: only the first of a run looks the `.present` up (in the index, complete once the file is read).
   */
  private checkNic(i: number, template: number, word: number): void {
    const { entries } = this;
    if (template === nicPresent) {
      this.nicEntry = i;
      this.nicPresent = word === TRUE;
      this.nicRun = word === TRUE ? this.presentNics.push(i) - 1 : -1;
      if (word === TRUE) this.noPromiscFalse.push(false);
      return;
    }
    if (this.nicEntry < 0 || !entries.sameDevice(i, this.nicEntry, nicPrefix)) {
      const present = this.index.getOfDevice(i, '.present');
      this.nicPresent = present >= 0 && entries.valueIs(present, 'true');
      this.nicRun = -1;
    }
    this.nicEntry = i;
    if (template === nicNoPromisc && this.nicRun >= 0) this.noPromiscFalse[this.nicRun] = word === FALSE;
    if (this.nicPresent) return;
    // An orphan is reported once, on its first key. Its device part is `ethernet<digits>`, all ASCII.
    const nic = entries.text.slice(entries.keyStart(i), entries.deviceEnd(i)).toLowerCase();
    if (this.orphanNics.has(nic)) return;
    this.orphanNics.add(nic);
    this.orphanKeys.push(i);
  }

  /** The rules of a known key's value. Returns the value's number in `booleanValues` for a boolean key, else -1. */
  private checkValue(i: number, template: number): number {
    const { entries } = this;
    const word = booleanTemplates[template] === 1 ? entries.valueWord(i, booleanValues) : -1;
    if (booleanTemplates[template] === 1 && word < 0) {
      const e = entries.entry(i);
      const mapped = ownEntry(booleanWords, e.value.toLowerCase().trim());
      this.push(valueRange(e), 'warning', 'vmx/boolean', `\`${e.key}\` is a boolean: write "TRUE" or "FALSE", not \`${e.value}\`.`, mapped ? [setValue(e, mapped)] : []);
    }
    if (template === memsizeKey) {
      const e = entries.entry(i);
      const mb = intValue(e);
      if (mb !== undefined && mb % 4 !== 0) {
        const up = mb + 4 - (mb % 4);
        this.push(valueRange(e), 'error', 'vmx/memsize-multiple-4', `\`memsize\` must be a multiple of 4 (MB), or the VM will not power on; ${mb} is not.`, [setValue(e, String(up)), setValue(e, String(mb - (mb % 4)), false)]);
      }
    }
    if (template === nicConnectionType) this.hasConnectionType = true;
    const device = template === nicVirtualDev ? 'ethernet' : template === scsiVirtualDev ? 'scsi' : undefined;
    if (device) {
      const allowed = device === 'ethernet' ? nicDevices : scsiDevices;
      const model = entries.valueWord(i, allowed);
      if (model < 0) {
        const e = entries.entry(i);
        const suggestion = suggestName(e.value.toLowerCase(), allowed);
        this.push(valueRange(e), 'error', device === 'ethernet' ? 'vmx/virtualdev-nic' : 'vmx/virtualdev-scsi', `\`${e.value}\` is not a ${device === 'ethernet' ? 'NIC' : 'SCSI controller'} model: use ${allowed.map((v) => `"${v}"`).join(', ')}.`, suggestion ? [setValue(e, suggestion)] : []);
      }
      if (device === 'ethernet' ? model >= 0 && oldNicDevices[model] === true : model === pvscsiWord) this.oldDevices.push(i);
    }
    if (template === vhvAllowKey) {
      const e = entries.entry(i);
      // The rename is offered unless a `vhv.enable` came before (the rules read the file from the top).
      const vhvEnable = this.index.get('vhv.enable');
      this.push(keyRange(e), 'warning', 'vmx/vhv-allow-misplaced', '`vhv.allow` is a host-wide ESXi 5.0 setting for /etc/vmware/config; in a .vmx use `vhv.enable = "TRUE"`.', vhvEnable >= 0 && vhvEnable < i ? [] : [replaceFix('Use `vhv.enable`', keyRange(e), 'vhv.enable', true)]);
    }
    return word;
  }

  /** `ethernetN.*` keys of an adapter whose `.present` is not TRUE: usually a typo in N. */
  checkOrphanNics(): void {
    const { entries } = this;
    for (const i of this.orphanKeys) {
      const nic = entries.text.slice(entries.keyStart(i), entries.deviceEnd(i)).toLowerCase();
      this.push(keyRange(entries.entry(i)), 'warning', 'vmx/nic-key-orphan', `\`${nic}\` has settings but no \`${nic}.present = "TRUE"\`: check that it is the same adapter name as the one in use (the guide: "check that it's the same name").`);
    }
  }
}

function isNestedProfile(checker: VmxChecker, context: LintContext): boolean {
  if (context.nested === 'on') return true;
  if (context.nested === 'off') return false;
  const baseName = context.fileName.slice(Math.max(context.fileName.lastIndexOf('/'), context.fileName.lastIndexOf('\\')) + 1);
  return nestedName.test(checker.get('displayname')?.value ?? '') || nestedName.test(checker.get('guestos')?.value ?? '') || nestedName.test(baseName) || checker.get('vhv.enable') !== undefined;
}

function checkNested(checker: VmxChecker, context: LintContext): void {
  const { entries, index } = checker;
  const vhv = checker.get('vhv.enable');
  const hw = intValue(checker.get('virtualhw.version'));
  if (vhv && isTrue(vhv) && hw !== undefined && hw < 9) {
    checker.push(keyRange(vhv), 'warning', 'vmx/nested-hwversion', `Nested virtualization is fully supported from virtual hardware version 9; this VM is version ${hw}.`);
  }
  if (!isNestedProfile(checker, context)) return;
  const anchor = vhv ?? checker.get('displayname');
  const anchorRange = (): Finding['range'] => (anchor ? keyRange(anchor) : rangeOf(0, 0, checker.source.length(0)));
  if (!vhv || !isTrue(vhv)) {
    checker.push(vhv ? valueRange(vhv) : anchorRange(), 'error', 'vmx/nested-vhv', 'XCP-ng needs VT-x/AMD-V inside the VM: set `vhv.enable = "TRUE"` ("Expose hardware assisted virtualization to the guest OS").', [
      vhv ? setValue(vhv, 'TRUE') : { title: 'Add `vhv.enable = "TRUE"`', edits: [appendLineEdit(checker.source, 'vhv.enable = "TRUE"')], preferred: true },
    ]);
  }
  if (checker.hasConnectionType) {
    const cpuid = checker.get('hypervisor.cpuid.v0');
    if (!cpuid || !isFalse(cpuid)) {
      checker.push(cpuid ? valueRange(cpuid) : anchorRange(), 'warning', 'vmx/nested-cpuid-v0', 'On VMware Workstation the guide adds `hypervisor.cpuid.v0 = "FALSE"` next to the VT-x option.', [
        cpuid ? setValue(cpuid, 'FALSE') : { title: 'Add `hypervisor.cpuid.v0 = "FALSE"`', edits: [appendLineEdit(checker.source, 'hypervisor.cpuid.v0 = "FALSE"')], preferred: true },
      ]);
    }
    // Each present adapter needs its `.noPromisc = "FALSE"`.
    const { presentNics, noPromiscFalse } = checker;
    for (let run = 0; run < presentNics.length; run++) {
      if (noPromiscFalse[run] === true) continue;
      const i = presentNics[run] as number;
      const noPromiscIndex = index.getOfDevice(i, '.nopromisc');
      if (noPromiscIndex >= 0 && entries.valueIs(noPromiscIndex, 'false')) continue;
      const noPromisc = noPromiscIndex >= 0 ? entries.entry(noPromiscIndex) : undefined;
      const present = entries.entry(i);
      const nic = present.key.slice(0, present.key.indexOf('.'));
      checker.push(keyRange(present), 'warning', 'vmx/nested-nopromisc', `\`${nic}\` is not allowed into promiscuous mode, so the nested VMs get no network: add \`${nic}.noPromisc = "FALSE"\`.`, [
        noPromisc ? setValue(noPromisc, 'FALSE') : { title: `Add \`${nic}.noPromisc = "FALSE"\``, edits: [insertLineEdit(checker.source, present.line, `${nic}.noPromisc = "FALSE"`)], preferred: true },
      ]);
    }
  }
  for (const i of checker.oldDevices) {
    if (entries.template(i) === scsiVirtualDev) {
      const present = index.getOfDevice(i, '.present');
      if (present >= 0 && entries.valueIs(present, 'true')) {
        checker.push(valueRange(entries.entry(i)), 'error', 'vmx/nested-pvscsi', 'XCP-ng has no PVSCSI driver ("PVSCSI controller won\'t work"): use LSI Logic SAS or a vNVMe controller.', [setValue(entries.entry(i), 'lsisas1068')]);
      }
    } else {
      const e = entries.entry(i);
      checker.push(valueRange(e), 'info', 'vmx/nested-nic', `\`${e.value}\` is an old NIC model; the guide documents e1000 and vmxnet3 for XCP-ng.`, [setValue(e, 'e1000'), setValue(e, 'vmxnet3', false)]);
    }
  }
  const memsize = checker.get('memsize');
  const mb = intValue(memsize);
  if (memsize && mb !== undefined && mb < 4096) {
    checker.push(valueRange(memsize), 'warning', 'vmx/nested-memsize', `A nested XCP-ng needs at least 4096 MB of memory; this VM has ${mb}.`, [setValue(memsize, '4096')]);
  }
  const numvcpus = checker.get('numvcpus');
  const cpus = intValue(numvcpus);
  if (numvcpus && cpus !== undefined && cpus < 2) {
    checker.push(valueRange(numvcpus), 'info', 'vmx/nested-vcpus', 'The guide gives a nested XCP-ng at least 2 vCPUs (two sockets).', [setValue(numvcpus, '2')]);
  }
  for (const disk of vmxDisks(context.fileName, entries, index)) {
    const descriptor = context.siblings?.get(disk.path);
    const bytes = descriptor === undefined ? undefined : vmdkSize(descriptor);
    if (bytes !== undefined && bytes < minDiskBytes) {
      checker.push(valueRange(disk.entry), 'warning', 'vmx/nested-disk-size', `This disk is ${(bytes / 1024 ** 3).toFixed(1)} GB; XCP-ng needs at least 60 GB to install.`);
    }
  }
}

/** Lints a VMware .vmx file (config-formats.md §4). */
export function analyzeVmx(text: string, context: LintContext): Finding[] {
  const parsed = parseVmx(text, takeVmxParseArrays());
  const checker = new VmxChecker(parsed);
  if (context.hasBom) checker.push(rangeOf(0, 0, 0), 'warning', 'vmx/bom', 'The file starts with a UTF-8 byte order mark, which is reported to corrupt .vmx files: save it as UTF-8 without BOM.');
  for (const p of checker.syntax) checker.push(rangeOf(p.line, p.start, p.end), 'error', 'vmx/syntax', p.message);
  checker.checkEntries();
  checker.checkOrphanNics();
  checkNested(checker, context);
  // The findings are made (strings and numbers only): the next lint may build its parse in these arrays.
  giveBackVmxParse(parsed);
  return checker.out;
}
