import type { Finding, Fix } from '../finding';
import type { LintContext } from '../languageSupport';
import { appendLineEdit, insertLineEdit, removeLinesEdit } from '../lineEdits';
import { rangeOf, replaceFix } from '../rangeOf';
import { splitSourceLines, type SourceLines } from '../sourceLines';
import { suggestName } from '../suggestName';
import { parseVmx, type VmxEntry } from './parseVmx';
import { vmdkSize, vmxDisks } from './vmxDisks';
import { nicDevices, scsiDevices, vmxKeyInfo } from './vmxKeys';

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

const DOT = 0x2e;

/**
 * For a key `ethernet<digits>.<more>` (what `/^ethernet\d+\../` matches), the index of its first dot, else
 * -1. By character codes: this runs on every key of the file, where a regex match cost a match array each.
 */
function nicKeyDot(key: string): number {
  if (!key.startsWith('ethernet')) return -1;
  let d = 8;
  while (key.charCodeAt(d) >= 0x30 && key.charCodeAt(d) <= 0x39) d++;
  return d > 8 && key.charCodeAt(d) === DOT && d + 1 < key.length ? d : -1;
}

class VmxChecker {
  readonly out: Finding[] = [];
  /** First entry of each lower-cased key: VMware refuses a file with repeats, so later ones are errors. */
  readonly first = new Map<string, VmxEntry>();

  constructor(
    readonly source: SourceLines,
    readonly entries: readonly VmxEntry[],
  ) {}

  get(key: string): VmxEntry | undefined {
    return this.first.get(key);
  }

  push(range: Finding['range'], severity: Finding['severity'], code: string, message: string, fixes?: Fix[]): void {
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  checkEntries(): void {
    for (const e of this.entries) {
      const earlier = this.first.get(e.lowerKey);
      if (earlier) {
        const same = earlier.value === e.value;
        this.push(keyRange(e), 'error', 'vmx/duplicate-key', `\`${e.key}\` repeats \`${earlier.key}\` from line ${earlier.line + 1} (keys are case-insensitive): VMware refuses to open the VM.`, [
          { title: 'Remove this line', edits: [removeLinesEdit(this.source, e.line, e.line)], preferred: same },
          { title: `Remove line ${earlier.line + 1} (keep this value)`, edits: [removeLinesEdit(this.source, earlier.line, earlier.line)] },
        ]);
        continue;
      }
      this.first.set(e.lowerKey, e);
      if (!e.quoted) {
        this.push(valueRange(e), 'warning', 'vmx/unquoted-value', `VMware writes every value in double quotes: \`${e.key} = ${quoteVmx(e.value)}\`.`, [replaceFix('Quote the value', valueRange(e), quoteVmx(e.value), true)]);
      }
      this.checkValue(e);
    }
  }

  private checkValue(e: VmxEntry): void {
    const lower = e.value.toLowerCase();
    // Most values are TRUE or FALSE: they pass whatever the key, so its (costly) description is not looked up.
    if (lower !== 'true' && lower !== 'false' && vmxKeyInfo(e.lowerKey)?.type === 'boolean') {
      const mapped = booleanWords[lower.trim()];
      this.push(valueRange(e), 'warning', 'vmx/boolean', `\`${e.key}\` is a boolean: write "TRUE" or "FALSE", not \`${e.value}\`.`, mapped ? [setValue(e, mapped)] : []);
    }
    if (e.lowerKey === 'memsize') {
      const mb = intValue(e);
      if (mb !== undefined && mb % 4 !== 0) {
        const up = mb + 4 - (mb % 4);
        this.push(valueRange(e), 'error', 'vmx/memsize-multiple-4', `\`memsize\` must be a multiple of 4 (MB), or the VM will not power on; ${mb} is not.`, [setValue(e, String(up)), setValue(e, String(mb - (mb % 4)), false)]);
      }
    }
    // The endsWith tests skip the regexes for the many keys they cannot match.
    const device = e.lowerKey.endsWith('.virtualdev') ? /^(ethernet|scsi)\d+\.virtualdev$/.exec(e.lowerKey)?.[1] : undefined;
    if (device) {
      const allowed = device === 'ethernet' ? nicDevices : scsiDevices;
      if (!allowed.includes(lower)) {
        const suggestion = suggestName(lower, allowed);
        this.push(valueRange(e), 'error', device === 'ethernet' ? 'vmx/virtualdev-nic' : 'vmx/virtualdev-scsi', `\`${e.value}\` is not a ${device === 'ethernet' ? 'NIC' : 'SCSI controller'} model: use ${allowed.map((v) => `"${v}"`).join(', ')}.`, suggestion ? [setValue(e, suggestion)] : []);
      }
    }
    if (e.lowerKey === 'vhv.allow') {
      this.push(keyRange(e), 'warning', 'vmx/vhv-allow-misplaced', '`vhv.allow` is a host-wide ESXi 5.0 setting for /etc/vmware/config; in a .vmx use `vhv.enable = "TRUE"`.', this.get('vhv.enable') ? [] : [replaceFix('Use `vhv.enable`', keyRange(e), 'vhv.enable', true)]);
    }
  }

  /** `ethernetN.*` keys of an adapter whose `.present` is not TRUE: usually a typo in N. */
  checkOrphanNics(): void {
    const reported = new Set<string>();
    // The adapter of the previous key: an adapter's keys usually follow each other, and are then skipped
    // without cutting out its name again.
    let last = '';
    for (const e of this.first.values()) {
      const key = e.lowerKey;
      if (last !== '' && key.startsWith(last) && key.charCodeAt(last.length) === DOT) continue;
      const dot = nicKeyDot(key);
      if (dot < 0 || (key.length === dot + 8 && key.endsWith('present'))) continue;
      const nic = key.slice(0, dot);
      if (reported.has(nic)) continue;
      reported.add(nic);
      last = nic;
      if (isTrue(this.get(`${nic}.present`))) continue;
      this.push(keyRange(e), 'warning', 'vmx/nic-key-orphan', `\`${nic}\` has settings but no \`${nic}.present = "TRUE"\`: check that it is the same adapter name as the one in use (the guide: "check that it's the same name").`);
    }
  }

  presentNics(): string[] {
    const nics: string[] = [];
    for (const e of this.first.values()) {
      const dot = e.lowerKey.endsWith('.present') ? nicKeyDot(e.lowerKey) : -1;
      if (dot >= 0 && dot + 8 === e.lowerKey.length && isTrue(e)) nics.push(e.key.slice(0, e.key.indexOf('.')));
    }
    return nics;
  }
}

function isNestedProfile(checker: VmxChecker, context: LintContext): boolean {
  if (context.nested === 'on') return true;
  if (context.nested === 'off') return false;
  const baseName = context.fileName.slice(Math.max(context.fileName.lastIndexOf('/'), context.fileName.lastIndexOf('\\')) + 1);
  return nestedName.test(checker.get('displayname')?.value ?? '') || nestedName.test(checker.get('guestos')?.value ?? '') || nestedName.test(baseName) || checker.get('vhv.enable') !== undefined;
}

function checkNested(checker: VmxChecker, context: LintContext): void {
  const { source } = checker;
  const vhv = checker.get('vhv.enable');
  const hw = intValue(checker.get('virtualhw.version'));
  if (vhv && isTrue(vhv) && hw !== undefined && hw < 9) {
    checker.push(keyRange(vhv), 'warning', 'vmx/nested-hwversion', `Nested virtualization is fully supported from virtual hardware version 9; this VM is version ${hw}.`);
  }
  if (!isNestedProfile(checker, context)) return;
  const anchor = vhv ?? checker.get('displayname');
  const anchorRange = anchor ? keyRange(anchor) : rangeOf(0, 0, (source.lines[0] as string).length);
  if (!vhv || !isTrue(vhv)) {
    checker.push(vhv ? valueRange(vhv) : anchorRange, 'error', 'vmx/nested-vhv', 'XCP-ng needs VT-x/AMD-V inside the VM: set `vhv.enable = "TRUE"` ("Expose hardware assisted virtualization to the guest OS").', [
      vhv ? setValue(vhv, 'TRUE') : { title: 'Add `vhv.enable = "TRUE"`', edits: [appendLineEdit(source, 'vhv.enable = "TRUE"')], preferred: true },
    ]);
  }
  let workstation = false;
  for (const k of checker.first.keys()) {
    if (k.endsWith('.connectiontype') && /^ethernet\d+\.connectiontype$/.test(k)) {
      workstation = true;
      break;
    }
  }
  if (workstation) {
    const cpuid = checker.get('hypervisor.cpuid.v0');
    if (!cpuid || !isFalse(cpuid)) {
      checker.push(cpuid ? valueRange(cpuid) : anchorRange, 'warning', 'vmx/nested-cpuid-v0', 'On VMware Workstation the guide adds `hypervisor.cpuid.v0 = "FALSE"` next to the VT-x option.', [
        cpuid ? setValue(cpuid, 'FALSE') : { title: 'Add `hypervisor.cpuid.v0 = "FALSE"`', edits: [appendLineEdit(source, 'hypervisor.cpuid.v0 = "FALSE"')], preferred: true },
      ]);
    }
    for (const nic of checker.presentNics()) {
      const lower = nic.toLowerCase();
      const noPromisc = checker.get(`${lower}.nopromisc`);
      if (isFalse(noPromisc)) continue;
      const present = checker.get(`${lower}.present`) as VmxEntry;
      checker.push(keyRange(present), 'warning', 'vmx/nested-nopromisc', `\`${nic}\` is not allowed into promiscuous mode, so the nested VMs get no network: add \`${nic}.noPromisc = "FALSE"\`.`, [
        noPromisc ? setValue(noPromisc, 'FALSE') : { title: `Add \`${nic}.noPromisc = "FALSE"\``, edits: [insertLineEdit(source, present.line, `${nic}.noPromisc = "FALSE"`)], preferred: true },
      ]);
    }
  }
  for (const e of checker.first.values()) {
    if (!e.lowerKey.endsWith('.virtualdev')) continue;
    const controller = /^(scsi\d+)\.virtualdev$/.exec(e.lowerKey)?.[1];
    if (controller && e.value.toLowerCase() === 'pvscsi' && isTrue(checker.get(`${controller}.present`))) {
      checker.push(valueRange(e), 'error', 'vmx/nested-pvscsi', 'XCP-ng has no PVSCSI driver ("PVSCSI controller won\'t work"): use LSI Logic SAS or a vNVMe controller.', [setValue(e, 'lsisas1068')]);
    }
    if (/^ethernet\d+\.virtualdev$/.test(e.lowerKey) && ['vlance', 'vmxnet'].includes(e.value.toLowerCase())) {
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
  for (const disk of vmxDisks(context.fileName, checker.first)) {
    const descriptor = context.siblings?.get(disk.path);
    const bytes = descriptor === undefined ? undefined : vmdkSize(descriptor);
    if (bytes !== undefined && bytes < minDiskBytes) {
      checker.push(valueRange(disk.entry), 'warning', 'vmx/nested-disk-size', `This disk is ${(bytes / 1024 ** 3).toFixed(1)} GB; XCP-ng needs at least 60 GB to install.`);
    }
  }
}

/** Lints a VMware .vmx file (config-formats.md §4). */
export function analyzeVmx(text: string, context: LintContext): Finding[] {
  const source = splitSourceLines(text);
  const parsed = parseVmx(source);
  const checker = new VmxChecker(source, parsed.entries);
  if (context.hasBom) checker.push(rangeOf(0, 0, 0), 'warning', 'vmx/bom', 'The file starts with a UTF-8 byte order mark, which is reported to corrupt .vmx files: save it as UTF-8 without BOM.');
  for (const p of parsed.syntax) checker.push(rangeOf(p.line, p.start, p.end), 'error', 'vmx/syntax', p.message);
  checker.checkEntries();
  checker.checkOrphanNics();
  checkNested(checker, context);
  return checker.out;
}
