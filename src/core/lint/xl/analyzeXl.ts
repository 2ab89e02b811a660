import { codeUnits } from '../codeUnits';
import type { Finding, Fix } from '../finding';
import type { LintContext } from '../languageSupport';
import { removeLinesEdit } from '../lineEdits';
import { parseCInteger } from '../parseCInteger';
import { rangeOf, replaceFix } from '../rangeOf';
import { firstCrLine, splitSourceLines, type SourceLines } from '../sourceLines';
import { suggestName } from '../suggestName';
import { XlDiskCheck } from './xlDiskCheck';
import { checkXlNested } from './checkXlNested';
import { xlValueRange as valueRange } from './xlValueRange';
import { checkXlVif } from './checkXlVif';
import { parseXl } from './parseXl';
import type { XlStatement, XlValue } from './xlTree';
import { describeXlType, isNumericXlKey, xlKeys, type XlKeyInfo } from './xlKeys';
import { atomText, XlSettings } from './xlSettings';

const nestedName = /xcp-?ng|xenserver/i;
const singleValueTypes = new Set(['enum', 'string', 'number', 'boolean', 'booleanOrEnum', 'ignored']);

function keyRange(s: XlStatement): Finding['range'] {
  return rangeOf(s.line, s.keyStart, s.keyEnd);
}

/** Lines `first..last` hold this statement and nothing else but blanks and a comment. */
function ownsLines(source: SourceLines, s: XlStatement, commentStart: Int32Array): boolean {
  const range = valueRange(s.value);
  const before = (source.lines[s.line] as string).slice(0, s.keyStart);
  const lastLine = source.lines[range.end.line] as string;
  const comment = commentStart[range.end.line] ?? -1;
  const after = lastLine.slice(range.end.character, comment >= 0 ? comment : undefined);
  return before.trim() === '' && after.trim() === '';
}

/** The first CR that xl's lexer trips on: one ending a line that is not a comment. */
function checkCrlf(source: SourceLines, commentStart: Int32Array, out: Finding[]): void {
  for (let i = firstCrLine(source); i >= 0; i = firstCrLine(source, i + 1)) {
    if ((commentStart[i] ?? -1) >= 0) continue;
    out.push({ range: rangeOf(i, 0, (source.lines[i] as string).length), severity: 'error', code: 'xl/crlf', message: 'xl rejects carriage returns (Windows line endings): "lexical error" at the first CR outside a comment.', fixes: [{ title: 'Convert the file to LF line endings', edits: [], endOfLine: 'lf', preferred: true }] });
    return;
  }
}

function quoted(text: string): string {
  return text.includes("'") ? `"${text}"` : `'${text}'`;
}

/** The value rules of one statement: types, numbers, enums, vif and disk specs. */
class XlStatementChecker {
  constructor(
    private readonly out: Finding[],
    private readonly nested: boolean,
    private readonly domainName: string,
    private readonly disk: XlDiskCheck,
  ) {}

  private push(range: Finding['range'], severity: Finding['severity'], code: string, message: string, fixes?: Fix[]): void {
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  check(s: XlStatement, info: XlKeyInfo): void {
    const value = s.value;
    if (value.kind === 'list' && singleValueTypes.has(info.type)) {
      const only = value.items.length === 1 ? value.items[0] : undefined;
      const fixes = only && only.kind !== 'list' ? [replaceFix('Use the single value', valueRange(value), this.textOf(only), true)] : [];
      this.push(valueRange(value), 'error', 'xl/type-mismatch', `\`${s.key}\` takes ${describeXlType(info)}, not a list: xl says "is a list but should be a single value".`, fixes);
      return;
    }
    if (value.kind !== 'list' && info.type === 'list') {
      this.push(valueRange(value), 'error', 'xl/type-mismatch', `\`${s.key}\` takes a list: write \`${s.key} = [ ... ]\`.`, [replaceFix('Wrap in a list', valueRange(value), `[ ${this.textOf(value)} ]`, true)]);
      return;
    }
    if (isNumericXlKey(info) && value.kind !== 'list') this.checkNumber(s, value);
    if (value.kind !== 'list') this.checkEnum(s, value, info);
    if (s.key === 'viridian' && value.kind === 'list') {
      for (const item of value.items) this.checkEnum(s, item, info, (text) => text.replace(/^!/, ''));
    }
    if (value.kind === 'list') {
      // Compared once, not per item: a disk list can hold thousands of specs.
      const vif = s.key === 'vif';
      const disk = s.key === 'disk';
      for (let index = 0; index < value.items.length; index++) {
        const item = value.items[index] as XlValue;
        if (item.kind === 'number' && /^0[0-7]+$/.test(item.text)) this.octal(item.text, valueRange(item));
        if (item.kind !== 'string') continue;
        if (vif) checkXlVif(item, { nested: this.nested, macSeed: `${this.domainName}#${index}` }, this.out);
        if (disk) this.disk.check(item);
      }
    }
  }

  private textOf(value: XlValue): string {
    if (value.kind === 'number') return value.text;
    if (value.kind === 'string') return `${quoted(value.body)}`;
    return '[ ... ]';
  }

  private octal(text: string, range: Finding['range']): void {
    const decimal = String(parseInt(text, 8));
    this.push(range, 'warning', 'xl/octal-number', `\`${text}\` starts with 0, so xl reads it as octal: it means ${decimal}.`, [replaceFix(`Write ${decimal} (same value)`, range, decimal), replaceFix(`Write ${text.replace(/^0+/, '')} (drop the leading zero)`, range, text.replace(/^0+/, ''), true)]);
  }

  private checkNumber(s: XlStatement, value: XlNumberOrString): void {
    const text = value.kind === 'number' ? value.text : value.decoded.value;
    const parsed = parseCInteger(text);
    const range = valueRange(value);
    if (parsed === undefined) {
      const fixes = /^0[0-9]+$/.test(text) ? [replaceFix(`Write ${text.replace(/^0+/, '')}`, range, text.replace(/^0+/, ''), true)] : /^\s*-?\d+\s*$/.test(text) ? [replaceFix(`Write ${text.trim()}`, range, text.trim(), true)] : [];
      this.push(range, 'error', 'xl/invalid-number', `\`${text}\` is not a number xl can read, so \`${s.key}\` is ignored.`, fixes);
      return;
    }
    if (/^0[0-7]+$/.test(text)) this.octal(text, range);
  }

  private checkEnum(s: XlStatement, value: XlValue, info: XlKeyInfo, normalize: (text: string) => string = (t) => t): void {
    const raw = atomText(value);
    if (raw === undefined) return;
    const text = normalize(raw);
    const range = valueRange(value);
    if (s.key === 'tsc_mode' && parseCInteger(text) !== undefined) {
      this.push(range, 'info', 'xl/deprecated', 'An integer `tsc_mode` is deprecated: use `"default"`, `"always_emulate"` or `"native"`.');
      return;
    }
    if (s.key === 'boot') {
      if (!/^[cdn]+$/.test(text)) this.push(range, 'error', 'xl/enum', `\`boot\` is a string of the letters c (disk), d (CD-ROM) and n (network), not \`${text}\`.`);
      return;
    }
    const values = info.values;
    if (!values) return;
    if (info.type === 'booleanOrEnum' && parseCInteger(text) !== undefined) return;
    if (info.type === 'booleanOrList' && value.kind !== 'string') return;
    if (info.type === 'booleanOrList' && parseCInteger(text) !== undefined) return;
    if (values.includes(text)) return;
    if (info.prefixMatch && text !== '' && values.some((v) => v.startsWith(text))) return;
    if (info.allowsPath && text.includes('/')) return;
    const suggestion = suggestName(text, values);
    const replacement = value.kind === 'number' ? suggestion : suggestion && quoted(raw.startsWith('!') ? `!${suggestion}` : suggestion);
    const fixes = replacement ? [replaceFix(`Replace with ${replacement}`, range, replacement, true)] : [];
    const extra = text === 'native_paravirt' ? ' (`native_paravirt` was removed)' : text === 'qemu-xen-traditional' ? ' (`qemu-xen-traditional` was removed)' : '';
    this.push(range, 'error', 'xl/enum', `\`${text}\` is not a valid \`${s.key}\`${extra}: use ${values.map((v) => `\`${v}\``).join(', ')}.`, fixes);
  }
}

type XlNumberOrString = Exclude<XlValue, { kind: 'list' }>;

/** The per-key rules: unknown, ignored and deprecated keys, repeats, `+=`. */
function checkKeys(settings: XlSettings, source: () => SourceLines, commentStart: Int32Array, checker: XlStatementChecker, out: Finding[]): void {
  const previousOf = new Map<string, XlStatement>();
  const valueKind = new Map<string, 'list' | 'atom'>();
  for (const s of settings.statements) {
    const info = xlKeys.get(s.key);
    const previous = previousOf.get(s.key);
    previousOf.set(s.key, s);
    if (!info) {
      const suggestion = suggestName(s.key, xlKeys);
      out.push({ range: keyRange(s), severity: 'warning', code: 'xl/unknown-key', message: `\`${s.key}\` is not an xl setting; xl ignores it silently.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, ...(suggestion ? { fixes: [replaceFix(`Rename to \`${suggestion}\``, keyRange(s), suggestion, true)] } : {}) });
    } else if (info.type === 'ignored') {
      out.push({ range: keyRange(s), severity: 'warning', code: 'xl/ignored-key', message: `xl ignores \`${s.key}\` with a warning; use ${info.replacement ?? 'something else'} instead.` });
    } else if (info.deprecated) {
      const fixes: Fix[] = s.key === 'builder' && atomText(s.value) === 'hvm' ? [replaceFix("Use `type = 'hvm'`", { start: keyRange(s).start, end: valueRange(s.value).end }, "type = 'hvm'", true)] : [];
      out.push({ range: keyRange(s), severity: 'info', code: 'xl/deprecated', message: `\`${s.key}\` is ${info.deprecated}.`, ...(fixes.length > 0 ? { fixes } : {}) });
    }
    const kind = s.value.kind === 'list' ? 'list' : 'atom';
    if (s.op === '=') {
      if (previous) {
        const fixes: Fix[] = [];
        if (ownsLines(source(), previous, commentStart)) {
          fixes.push({ title: `Remove the earlier \`${s.key}\` on line ${previous.line + 1} (its value is ignored)`, edits: [removeLinesEdit(source(), previous.line, valueRange(previous.value).end.line)], preferred: true });
        }
        if (ownsLines(source(), s, commentStart)) {
          fixes.push({ title: `Remove this \`${s.key}\` (keeps the value of line ${previous.line + 1})`, edits: [removeLinesEdit(source(), s.line, valueRange(s.value).end.line)] });
        }
        out.push({ range: keyRange(s), severity: 'warning', code: 'xl/duplicate-key', message: `\`${s.key}\` is already set on line ${previous.line + 1}; xl silently uses the last one.`, fixes });
      }
      valueKind.set(s.key, kind);
    } else {
      if (isNumericXlKey(info)) {
        out.push({ range: rangeOf(s.line, s.keyStart, s.keyEnd), severity: 'error', code: 'xl/plus-equals-number', message: `\`+=\` on the numeric key \`${s.key}\`: xl says "can't use += with numbers" and ignores the key.` });
      } else {
        const before = valueKind.get(s.key);
        if (before && before !== kind) {
          out.push({ range: valueRange(s.value), severity: 'error', code: 'xl/plus-equals-type', message: `\`+=\` adds a ${kind === 'list' ? 'list' : 'string'} to a ${before === 'list' ? 'list' : 'string'}: xl cannot mix the two.` });
        }
        valueKind.set(s.key, before ?? kind);
      }
    }
    if (info && info.type !== 'ignored') checker.check(s, info);
  }
}

function diskTargets(settings: XlSettings): string[] {
  const targets: string[] = [];
  for (const s of settings.byKey.get('disk') ?? []) {
    if (s.value.kind !== 'list') continue;
    for (const item of s.value.items) if (item.kind === 'string') targets.push(item.body);
  }
  return targets;
}

/** The whole-config rules: name, memory and vCPU limits, ballooning. */
function checkConfig(settings: XlSettings, source: () => SourceLines, out: Finding[]): void {
  if (!settings.last('name')) {
    out.push({ range: rangeOf(0, 0, (source().lines[0] as string).length), severity: 'error', code: 'xl/name-missing', message: 'No `name`: xl refuses a domain config without one.' });
  }
  const below = (big: string, small: string, code: string, message: string): void => {
    const bigValue = settings.number(big);
    const smallValue = settings.number(small);
    const statement = settings.last(big);
    if (bigValue !== undefined && smallValue !== undefined && statement && bigValue < smallValue) {
      out.push({ range: valueRange(statement.value), severity: 'error', code, message: message.replace('$1', String(bigValue)).replace('$2', String(smallValue)), fixes: [replaceFix(`Set \`${big} = ${smallValue}\``, valueRange(statement.value), String(smallValue), true)] });
    }
  };
  below('maxvcpus', 'vcpus', 'xl/maxvcpus', '`maxvcpus` ($1) is below `vcpus` ($2): xl refuses the config.');
  below('maxmem', 'memory', 'xl/maxmem', '`maxmem` ($1) is below `memory` ($2).');
  const maxmem = settings.number('maxmem');
  const memory = settings.number('memory');
  const maxmemStatement = settings.last('maxmem');
  if (settings.guestType() === 'hvm' && maxmem !== undefined && memory !== undefined && maxmemStatement && maxmem > memory) {
    out.push({ range: valueRange(maxmemStatement.value), severity: 'warning', code: 'xl/preballoon', message: `An HVM guest with \`maxmem\` (${maxmem}) above \`memory\` (${memory}) starts pre-ballooned and crashes unless it loads a balloon driver early.`, fixes: [replaceFix(`Set \`maxmem = ${memory}\``, valueRange(maxmemStatement.value), String(memory), true)] });
  }
}

/** Whether the config is aimed at a nested XCP-ng (config-formats.md §1.3 "N"), unless the user forces it. */
function isNestedProfile(settings: XlSettings, context: LintContext): boolean {
  if (context.nested === 'on') return true;
  if (context.nested === 'off') return false;
  const nestedhvm = settings.number('nestedhvm');
  if (nestedhvm !== undefined && nestedhvm !== 0) return true;
  const name = settings.string('name');
  return (name !== undefined && nestedName.test(name)) || diskTargets(settings).some((t) => nestedName.test(t));
}

/** Lints a Xen xl domain config (config-formats.md §1). */
export function analyzeXl(text: string, context: LintContext): Finding[] {
  // The lines as strings only for the rules that fire and need them: cutting every line cost more than the
  // rest of the lint of a clean file.
  let lines: SourceLines | undefined;
  const source = (): SourceLines => (lines ??= splitSourceLines(text));
  const out: Finding[] = [];
  if (context.hasBom) {
    out.push({ range: rangeOf(0, 0, 0), severity: 'error', code: 'xl/bom', message: 'The file starts with a UTF-8 byte order mark, which xl rejects as a lexical error. Save it as UTF-8 without BOM.' });
  }
  const codes = codeUnits(text);
  const parsed = parseXl(text, codes);
  if (text.includes('\r')) checkCrlf(source(), parsed.commentStart, out);
  // One at a time: spreading a file's worth of findings as arguments overflows the stack.
  for (const finding of parsed.findings) out.push(finding);
  const settings = new XlSettings(parsed.statements);
  const profile = isNestedProfile(settings, context);
  const checker = new XlStatementChecker(out, profile, settings.string('name') ?? '', new XlDiskCheck(codes, out));
  checkKeys(settings, source, parsed.commentStart, checker, out);
  checkConfig(settings, source, out);
  checkXlNested(settings, source, profile, out);
  return out;
}

