import type { Finding, Fix, Range } from '../finding';
import type { LintContext } from '../languageSupport';
import { insertLineEdit } from '../lineEdits';
import { replaceFix } from '../rangeOf';
import { splitSourceLines, type SourceLines } from '../sourceLines';
import { bootDevices } from './hypervCmdlets';
import { VmCoverage } from './vmCoverage';
import { parsePowerShell, type PsArgument, type PsBoundParam, type PsCommand } from './parsePowerShell';

const GB = 1024 ** 3;
const nestedName = /xcp|xen/i;
const trueWords = /^(true|yes|on|1|enabled?)$/i;
const falseWords = /^(false|no|off|0|disabled?)$/i;

/** Offsets in the text (lines joined with `\n`) to line/column positions. */
class OffsetMap {
  private readonly starts: number[] = [];

  constructor(source: SourceLines) {
    let offset = 0;
    for (const line of source.lines) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (this.starts[lo] as number) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

const psQuote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function param(command: PsCommand, name: string): PsBoundParam | undefined {
  return command.params.find((p) => p.spec.name === name);
}

/** Whether a [bool] argument is $true (or a non-zero number), false, or unknown. */
function boolOf(arg: PsArgument | undefined): boolean | undefined {
  const v = arg?.value;
  if (v?.kind === 'bool') return v.value;
  if (v?.kind === 'number') return v.value !== 0;
  return undefined;
}

function numberOf(arg: PsArgument | undefined): number | undefined {
  return arg?.value.kind === 'number' ? arg.value.value : undefined;
}

function stringOf(arg: PsArgument | undefined): string | undefined {
  return arg?.value.kind === 'string' ? arg.value.text : undefined;
}

class HyperVChecker {
  readonly out: Finding[] = [];

  constructor(
    private readonly source: SourceLines,
    private readonly text: string,
    private readonly map: OffsetMap,
    private readonly commands: readonly PsCommand[],
    private readonly nested: boolean,
  ) {}

  private push(range: Range, severity: Finding['severity'], code: string, message: string, fixes?: Fix[]): void {
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  private argRange(p: PsBoundParam): Range {
    if (p.value) return this.map.range(p.value.start, (p.strayUnit ?? p.value).end);
    const t = p.nameToken;
    return t ? this.map.range(t.start, t.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }

  private commandRange(c: PsCommand): Range {
    return this.map.range(c.nameToken.start, c.nameToken.end);
  }

  /** A new line after the command's statement, indented like it. */
  private insertAfter(c: PsCommand, text: string, title: string): Fix {
    const end = this.map.position(c.statementEnd);
    const start = this.map.position(c.statementStart);
    const indent = /^[ \t]*/.exec(this.source.lines[start.line] as string)?.[0] ?? '';
    return { title, edits: [insertLineEdit(this.source, end.line, `${indent}${text}`)], preferred: true };
  }

  checkArguments(c: PsCommand): void {
    for (const p of c.params) {
      const range = this.argRange(p);
      const written = p.nameToken ? `-${p.spec.name}` : p.spec.name;
      if (p.spec.type === 'bool') {
        const v = p.value?.value;
        if (!p.value) {
          this.push(this.map.range((p.nameToken ?? c.nameToken).start, (p.nameToken ?? c.nameToken).end), 'error', 'hyperv/bool-arg', `${written} is a Boolean parameter, not a switch: it needs $true or $false after it.`, [replaceFix(`Add $true`, { start: this.argRange(p).end, end: this.argRange(p).end }, ' $true', true)]);
        } else if (v?.kind === 'string') {
          const mapped = trueWords.test(v.text) ? '$true' : falseWords.test(v.text) ? '$false' : undefined;
          this.push(range, 'error', 'hyperv/bool-arg', `${written} only takes $true, $false, 1 or 0: PowerShell cannot convert "${v.text}" to Boolean.`, mapped ? [replaceFix(`Use ${mapped}`, range, mapped, true)] : []);
        }
      } else if (p.spec.type === 'onoff') {
        const v = p.value?.value;
        const ok = v?.kind === 'string' && /^(on|off)$/i.test(v.text);
        if (!ok && v?.kind !== 'unknown' && v?.kind !== 'vm') {
          const on = v?.kind === 'bool' ? v.value : v?.kind === 'number' ? v.value !== 0 : v?.kind === 'string' ? (trueWords.test(v.text) ? true : falseWords.test(v.text) ? false : undefined) : undefined;
          const fixes = on === undefined ? [] : [replaceFix(`Use ${on ? 'On' : 'Off'}`, range, on ? 'On' : 'Off', true)];
          this.push(p.value ? range : this.map.range((p.nameToken ?? c.nameToken).start, (p.nameToken ?? c.nameToken).end), 'error', 'hyperv/onoff-arg', `${written} takes On or Off${v?.kind === 'bool' ? ', not a Boolean' : ''}.`, fixes);
        }
      } else if (p.spec.type === 'int') {
        if (p.strayUnit) {
          const number = this.text.slice(p.value?.start ?? 0, p.value?.end ?? 0);
          const unit = this.text.slice(p.strayUnit.start, p.strayUnit.end).toUpperCase();
          this.push(range, 'error', 'hyperv/unit-suffix', `\`${number} ${unit}\` is two arguments: write the unit without a space (\`${number}${unit}\`).`, [replaceFix(`Write ${number}${unit}`, range, `${number}${unit}`, true)]);
        } else if (p.value?.value.kind === 'string' && p.value.value.bare && /^\d+(\.\d+)?[a-z]+$/i.test(p.value.value.text)) {
          const text = p.value.value.text;
          const fixed = /^(\d+(?:\.\d+)?)([kmgtp])$/i.exec(text);
          this.push(range, 'error', 'hyperv/unit-suffix', `\`${text}\` is not a number: PowerShell's size suffixes are KB, MB, GB, TB and PB.`, fixed ? [replaceFix(`Write ${fixed[1] as string}${(fixed[2] as string).toUpperCase()}B`, range, `${fixed[1] as string}${(fixed[2] as string).toUpperCase()}B`, true)] : []);
        }
      }
    }
  }

  checkNestedArguments(c: PsCommand): void {
    const name = c.spec.name;
    const generation = param(c, 'Generation');
    const gen = numberOf(generation?.value);
    if (generation && gen !== undefined && (gen !== 1 && gen !== 2 || (gen === 2 && this.nested))) {
      this.push(this.argRange(generation), 'error', 'hyperv/generation', gen === 2 ? 'A nested XCP-ng needs a generation 1 VM: XCP-ng has no drivers for generation 2 hardware.' : `Hyper-V VMs are generation 1 or 2, not ${gen}.`, [replaceFix('Use generation 1', this.argRange(generation), '1', true)]);
    }
    if (!this.nested) return;
    const dynamic = param(c, 'DynamicMemoryEnabled');
    if (dynamic && boolOf(dynamic.value) === true) {
      this.push(this.argRange(dynamic), 'warning', 'hyperv/dynamic-memory', 'The guide disables Dynamic Memory for a nested XCP-ng (the hypervisor turns it off anyway once nesting is on).', [replaceFix('Use $false', this.argRange(dynamic), '$false', true)]);
    }
    for (const key of ['MemoryStartupBytes', 'StartupBytes']) {
      const memory = param(c, key);
      const bytes = numberOf(memory?.value);
      if (memory && bytes !== undefined && !memory.strayUnit && bytes < 4 * GB) {
        this.push(this.argRange(memory), 'warning', 'hyperv/memory-min', 'A nested XCP-ng needs at least 4 GB of memory.', [replaceFix('Use 4GB', this.argRange(memory), '4GB', true)]);
      }
    }
    const disk = param(c, 'NewVHDSizeBytes');
    const diskBytes = numberOf(disk?.value);
    if (disk && diskBytes !== undefined && !disk.strayUnit && diskBytes < 60 * GB) {
      this.push(this.argRange(disk), 'warning', 'hyperv/disk-size', 'XCP-ng needs a disk of at least 60 GB.', [replaceFix('Use 60GB', this.argRange(disk), '60GB', true)]);
    }
    const controller = param(c, 'ControllerType');
    if (name === 'Add-VMHardDiskDrive' && controller && /^scsi$/i.test(stringOf(controller.value) ?? '')) {
      this.push(this.argRange(controller), 'warning', 'hyperv/scsi-disk', 'The guide attaches the nested XCP-ng disk to the IDE controller.', [replaceFix('Use IDE', this.argRange(controller), 'IDE', true)]);
    }
    const spoofing = param(c, 'MacAddressSpoofing');
    if (spoofing && /^off$/i.test(stringOf(spoofing.value) ?? '')) {
      this.push(this.argRange(spoofing), 'warning', 'hyperv/mac-spoofing-off', 'Nested VMs need MAC address spoofing: the guide sets `-MacAddressSpoofing On`, "even if you use the NAT Default Switch".', [replaceFix('Use On', this.argRange(spoofing), 'On', true)]);
    }
  }

  /** Rules that relate statements about the same VM (config-formats.md §5.3, §7). */
  checkScript(): void {
    const created = this.commands.filter((c) => c.spec.name === 'New-VM' && c.vm !== undefined && c.vm !== 'unknown');
    // The first New-VM of a name decides its generation.
    const generations = new Map<string, number | undefined>();
    for (const c of created) {
      const key = (c.vm as string).toLowerCase();
      if (!generations.has(key)) generations.set(key, numberOf(param(c, 'Generation')?.value));
    }
    const generationOf = (vm: string): number | undefined => generations.get(vm.toLowerCase());
    const exposes = (c: PsCommand): boolean => c.spec.name === 'Set-VMProcessor' && param(c, 'ExposeVirtualizationExtensions') !== undefined;
    const spoofing = new VmCoverage();
    const legacyNics = new VmCoverage();
    const exposed = new VmCoverage();
    for (const o of this.commands) {
      if (o.spec.name === 'Set-VMNetworkAdapter' && param(o, 'MacAddressSpoofing') !== undefined) spoofing.add(o.vm);
      const legacy = param(o, 'IsLegacy');
      if (o.spec.name === 'Add-VMNetworkAdapter' && legacy !== undefined && boolOf(legacy.value) !== false) legacyNics.add(o.vm);
      if (exposes(o)) exposed.add(o.vm);
    }

    for (const c of this.commands) {
      const vm = c.vm;
      const gen2 = vm !== undefined && vm !== 'unknown' && generationOf(vm) === 2;
      const ownGeneration = numberOf(param(c, 'Generation')?.value);
      if (gen2 || ownGeneration === 2) {
        const legacy = param(c, 'IsLegacy');
        if (c.spec.name === 'Add-VMNetworkAdapter' && legacy && boolOf(legacy.value) === true) {
          this.push(this.argRange(legacy), 'error', 'hyperv/gen2-legacy', `Legacy network adapters exist on generation 1 VMs only, and ${vm ?? 'this VM'} is created as generation 2.`);
        }
        const boot = param(c, 'BootDevice');
        const device = stringOf(boot?.value);
        if (boot && device !== undefined && /^(LegacyNetworkAdapter|IDE|Floppy)$/i.test(device)) {
          this.push(this.argRange(boot), 'error', 'hyperv/gen2-legacy', `A generation 2 VM cannot boot from ${device}: use ${bootDevices.filter((d) => !/^(LegacyNetworkAdapter|IDE|Floppy)$/.test(d)).join(', ')}.`);
        }
      }
    }

    if (this.nested) {
      for (const c of this.commands.filter(exposes)) {
        const vm = c.vm;
        if (vm === undefined || vm === 'unknown' || boolOf(param(c, 'ExposeVirtualizationExtensions')?.value) !== true) continue;
        if (!spoofing.covers(vm)) {
          this.push(this.commandRange(c), 'warning', 'hyperv/mac-spoofing-missing', `Nested virtualization is exposed for ${vm}, but MAC address spoofing is never turned on for it: the nested VMs will have no network.`, [this.insertAfter(c, `Get-VMNetworkAdapter -VMName ${psQuote(vm)} | Set-VMNetworkAdapter -MacAddressSpoofing On`, 'Add the MAC spoofing step')]);
        }
      }
      for (const c of created) {
        const vm = c.vm as string;
        if (!legacyNics.covers(vm) && generationOf(vm) !== 2) {
          this.push(this.commandRange(c), 'warning', 'hyperv/legacy-nic-missing', `XCP-ng has no driver for Hyper-V's synthetic NIC: add a legacy network adapter to ${vm}.`, [this.insertAfter(c, `Add-VMNetworkAdapter -VMName ${psQuote(vm)} -IsLegacy $true`, 'Add a legacy network adapter')]);
        }
        if (!exposed.covers(vm)) {
          this.push(this.commandRange(c), 'error', 'hyperv/expose-missing', `${vm} never gets \`Set-VMProcessor -ExposeVirtualizationExtensions $true\`: XCP-ng will find no VT-x to run its guests.`, [this.insertAfter(c, `Set-VMProcessor -VMName ${psQuote(vm)} -ExposeVirtualizationExtensions $true`, 'Add the expose step')]);
        }
      }
    }

    const running = new Set<string>();
    for (const c of this.commands) {
      const vm = c.vm;
      if (vm === undefined || vm === 'unknown') continue;
      const key = vm.toLowerCase();
      if (c.spec.name === 'Start-VM') running.add(key);
      else if (c.spec.name === 'Stop-VM') running.delete(key);
      else if (exposes(c) && running.has(key)) {
        this.push(this.commandRange(c), 'warning', 'hyperv/vm-running', `${vm} was started above and not stopped: Hyper-V only changes ExposeVirtualizationExtensions while the VM is off.`);
      }
    }
  }
}

function isNestedProfile(commands: readonly PsCommand[], context: LintContext): boolean {
  if (context.nested === 'on') return true;
  if (context.nested === 'off') return false;
  return commands.some((c) => (c.vm !== undefined && c.vm !== 'unknown' && nestedName.test(c.vm)) || param(c, 'ExposeVirtualizationExtensions') !== undefined);
}

/** Lints the Hyper-V nested-virtualization steps of a PowerShell script (config-formats.md §5). */
export function analyzeHyperV(text: string, context: LintContext): Finding[] {
  const source = splitSourceLines(text);
  const joined = source.lines.join('\n');
  const commands = parsePowerShell(joined);
  if (commands.length === 0) return [];
  const checker = new HyperVChecker(source, joined, new OffsetMap(source), commands, isNestedProfile(commands, context));
  for (const c of commands) {
    checker.checkArguments(c);
    checker.checkNestedArguments(c);
  }
  checker.checkScript();
  return checker.out;
}
