import type { Finding, Fix, Range } from '../finding';
import type { LintContext } from '../languageSupport';
import { removeLinesEdit } from '../lineEdits';
import { rangeOf, replaceFix } from '../rangeOf';
import { splitSourceLines, type SourceLines } from '../sourceLines';
import { suggestName } from '../suggestName';
import { acceptsKvmValue, describeKvmType, isKvmOff, kvmParams, type KvmParamType } from './kvmParams';
import { parseModprobe, type ModprobeLine, type ModprobeToken } from './parseModprobe';

/** Commands kmod knows, with the least number of arguments each needs. */
export const modprobeCommands: ReadonlyMap<string, number> = new Map([
  ['alias', 2],
  ['blacklist', 1],
  ['options', 2],
  ['install', 2],
  ['remove', 2],
  ['softdep', 2],
  ['weakdep', 2],
]);

/** Which arguments of each command are module names (index into the arguments after the command). */
const moduleArguments: Record<string, (index: number) => boolean> = {
  alias: (i) => i === 1,
  blacklist: (i) => i === 0,
  options: (i) => i === 0,
  install: (i) => i === 0,
  remove: (i) => i === 0,
  softdep: (i) => i === 0,
  weakdep: () => true,
};

const span = (t: ModprobeToken): Range => ({ start: t.start, end: t.end });

/** kmod treats `-` and `_` alike in module and parameter names. */
export const normalizeModuleName = (name: string): string => name.replace(/-/g, '_');

/** kmod's `underscores()`: a `]` with no `[` before it, or a `[` never closed, makes the name invalid. */
function hasBadBrackets(name: string): boolean {
  let open = false;
  for (const c of name) {
    if (c === '[') open = true;
    else if (c === ']') {
      if (!open) return true;
      open = false;
    }
  }
  return open;
}

interface KvmSetting {
  readonly module: string;
  readonly name: string;
  readonly value: string | undefined;
  readonly token: ModprobeToken;
  readonly line: ModprobeLine;
  readonly type: KvmParamType;
}

class ModprobeChecker {
  readonly out: Finding[] = [];
  private readonly settings: KvmSetting[] = [];

  constructor(private readonly source: SourceLines) {}

  push(range: Range, severity: Finding['severity'], code: string, message: string, fixes?: Fix[]): void {
    this.out.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  checkLine(line: ModprobeLine): void {
    const first = line.tokens[0];
    if (!first || line.text.startsWith('#')) return;
    if (first.text.startsWith('#')) {
      this.push(span(first), 'warning', 'modprobe/indented-comment', 'Only a `#` in the first column starts a comment: kmod prints "ignoring bad line" for this one.', [replaceFix('Move the `#` to the first column', rangeOf(line.firstLine, 0, line.indent), '', true)]);
      return;
    }
    const commentAt = line.tokens.findIndex((t, i) => i > 0 && t.text.startsWith('#'));
    const tokens = commentAt < 0 ? line.tokens : line.tokens.slice(0, commentAt);
    if (commentAt >= 0) this.reportTrailingComment(line, commentAt);
    const command = first.text;
    if (command === 'include' || command === 'config') {
      this.push(span(first), 'error', 'modprobe/deprecated-command', `\`${command}\` is deprecated and no longer parsed by kmod; the line is ignored.`);
      return;
    }
    const needed = modprobeCommands.get(command);
    if (needed === undefined) {
      const suggestion = suggestName(command, modprobeCommands);
      this.push(span(first), 'error', 'modprobe/unknown-command', `\`${command}\` is not a modprobe.d command; kmod prints "ignoring bad line".`, suggestion ? [replaceFix(`Replace with \`${suggestion}\``, span(first), suggestion, true)] : []);
      return;
    }
    const args = tokens.slice(1);
    if (args.length < needed) {
      this.push({ start: first.start, end: (tokens[tokens.length - 1] as ModprobeToken).end }, 'error', 'modprobe/missing-args', `\`${command}\` needs ${needed === 1 ? 'a module name' : command === 'options' ? 'a module name and at least one option' : `at least ${needed} arguments`}; kmod ignores this line.`);
      return;
    }
    const isModule = moduleArguments[command] as (index: number) => boolean;
    args.forEach((arg, i) => {
      if (isModule(i) && hasBadBrackets(arg.text)) this.push(span(arg), 'error', 'modprobe/bad-modname', `\`${arg.text}\` has an unbalanced \`[\` or \`]\`: kmod rejects the module name.`);
    });
    if (command === 'options') this.checkOptions(line, args);
  }

  private reportTrailingComment(line: ModprobeLine, index: number): void {
    const hash = line.tokens[index] as ModprobeToken;
    const last = line.tokens[line.tokens.length - 1] as ModprobeToken;
    const fixes: Fix[] = [];
    if (line.firstLine === line.lastLine) {
      const text = this.source.lines[line.firstLine] as string;
      const before = line.tokens[index - 1] as ModprobeToken;
      const eol = this.source.endings.find((e) => e !== '') ?? '\n';
      fixes.push({ title: 'Move the comment to its own line above', preferred: true, edits: [
        { range: rangeOf(line.firstLine, 0, 0), newText: `${text.slice(hash.start.character)}${eol}` },
        { range: rangeOf(line.firstLine, before.end.character, text.length), newText: '' },
      ] });
    }
    this.push({ start: hash.start, end: last.end }, 'warning', 'modprobe/trailing-comment', 'A `#` after content is not a comment in modprobe.d: these words are passed on as module options.', fixes);
  }

  private checkOptions(line: ModprobeLine, args: readonly ModprobeToken[]): void {
    const module = normalizeModuleName((args[0] as ModprobeToken).text);
    const params = kvmParams.get(module);
    if (!params) return;
    for (const token of args.slice(1)) {
      const eq = token.text.indexOf('=');
      const name = normalizeModuleName(eq < 0 ? token.text : token.text.slice(0, eq));
      let value = eq < 0 ? undefined : token.text.slice(eq + 1);
      if (value !== undefined && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      const param = params.get(name);
      if (!param) {
        const suggestion = suggestName(name, params);
        this.push(span(token), 'warning', 'modprobe/kvm-param-unknown', `\`${name}\` is not a ${module} parameter this linter knows; the kernel ignores unknown parameters.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, suggestion ? [replaceFix(`Rename to \`${suggestion}\``, { start: token.start, end: { line: token.start.line, character: token.start.character + (eq < 0 ? token.text.length : eq) } }, suggestion, true)] : []);
        continue;
      }
      if (!acceptsKvmValue(param.type, value)) {
        const hint = module === 'kvm_amd' && name === 'nested' ? ' (kvm_amd `nested` is an integer: `Y` is rejected, use 1)' : '';
        const good = param.type === 'bool' || param.type === 'int' || param.type === 'intOrBool' ? (value !== undefined && /^[yYtT]|^on$/i.test(value) ? '1' : value !== undefined && /^[nNfF]|^off$/i.test(value) ? '0' : undefined) : undefined;
        this.push(span(token), 'error', 'modprobe/kvm-param-type', `\`${token.text}\`: ${module} \`${name}\` takes ${describeKvmType(param.type)}${hint}; a bad value makes the module fail to load.`, good !== undefined ? [replaceFix(`Write \`${name}=${good}\``, span(token), `${name}=${good}`, true)] : []);
        continue;
      }
      this.settings.push({ module, name, value, token, line, type: param.type });
    }
  }

  /** Rules over the whole file: repeated options, and the last value of nested/ept. */
  checkSettings(): void {
    const lastOf = new Map<string, KvmSetting>();
    for (const s of this.settings) {
      const key = `${s.module} ${s.name}`;
      const earlier = lastOf.get(key);
      if (earlier) {
        const onlyOption = earlier.line.tokens.filter((t) => !t.text.startsWith('#')).length === 3 && earlier.line.firstLine === earlier.line.lastLine;
        const edit = onlyOption ? removeLinesEdit(this.source, earlier.line.firstLine, earlier.line.lastLine) : { range: { start: { line: earlier.token.start.line, character: Math.max(earlier.token.start.character - 1, 0) }, end: earlier.token.end }, newText: '' };
        this.push(span(s.token), 'warning', 'modprobe/duplicate-option', `${s.module} \`${s.name}\` is already set on line ${earlier.token.start.line + 1}; the last one wins.`, [{ title: `Remove the earlier \`${earlier.token.text}\``, edits: [edit], preferred: true }]);
      }
      lastOf.set(key, s);
    }
    for (const module of ['kvm_intel', 'kvm_amd']) {
      const nested = lastOf.get(`${module} nested`);
      if (nested && isKvmOff(nested.type, nested.value)) {
        this.push(span(nested.token), 'warning', 'modprobe/kvm-nested-disabled', `This turns nested virtualization off for ${module}, so a nested XCP-ng finds no VT-x/AMD-V.`, [replaceFix('Write `nested=1`', span(nested.token), 'nested=1', true)]);
      }
    }
    const ept = lastOf.get('kvm_intel ept');
    if (ept && isKvmOff(ept.type, ept.value)) {
      this.push(span(ept.token), 'error', 'modprobe/kvm-ept-disabled', 'EPT is required to run a nested XCP-ng (the guide: "EPT is required"); without it Xen falls back to slow shadow paging or refuses.', [replaceFix('Write `ept=1`', span(ept.token), 'ept=1', true)]);
    }
  }
}

/** The first CR kmod would keep in a token: one ending a line that is not a comment. */
function checkCrlf(source: SourceLines, out: Finding[]): void {
  for (let i = 0; i < source.endings.length; i++) {
    const text = source.lines[i] as string;
    if (!(source.endings[i] as string).startsWith('\r') || text.startsWith('#')) continue;
    out.push({ range: rangeOf(i, 0, text.length), severity: 'warning', code: 'modprobe/crlf', message: 'Windows line endings: kmod keeps the CR in the last word (`blacklist foo` blacklists "foo\\r") and a `\\` no longer continues the line.', fixes: [{ title: 'Convert the file to LF line endings', edits: [], endOfLine: 'lf', preferred: true }] });
    return;
  }
}

/** Lints a modprobe.d file (config-formats.md §6). */
export function analyzeModprobe(text: string, context: LintContext): Finding[] {
  const source = splitSourceLines(text);
  const checker = new ModprobeChecker(source);
  const path = context.fileName.replace(/\\/g, '/');
  if (/(^|\/)modprobe\.d\/[^/]+$/.test(path) && !path.endsWith('.conf')) {
    checker.push(rangeOf(0, 0, (source.lines[0] as string).length), 'error', 'modprobe/not-conf', 'kmod only reads files in modprobe.d whose name ends in `.conf`: this file is silently ignored.');
  }
  checkCrlf(source, checker.out);
  for (const line of parseModprobe(source)) checker.checkLine(line);
  checker.checkSettings();
  return checker.out;
}
