import { hypervCmdlets, resolvePsParam, type PsCmdletSpec, type PsParamSpec } from './hypervCmdlets';
import { lexPowerShell, type PsToken } from './lexPowerShell';

export type PsValue =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly text: string; readonly bare: boolean }
  /** A VM object held in a variable (`$vm = New-VM -Name x`). */
  | { readonly kind: 'vm'; readonly name: string }
  | { readonly kind: 'unknown' };

/** One argument as written: a token, or a parenthesised group, with offsets into the text. */
export interface PsArgument {
  readonly start: number;
  readonly end: number;
  readonly token: PsToken | undefined;
  readonly value: PsValue;
}

export interface PsBoundParam {
  readonly spec: PsParamSpec;
  /** The `-Name` as written; undefined when bound by position. */
  readonly nameToken: PsToken | undefined;
  readonly value: PsArgument | undefined;
  /** `60 GB`: a unit written as a separate argument after a number. */
  readonly strayUnit?: PsArgument;
}

export interface PsCommand {
  readonly spec: PsCmdletSpec;
  readonly nameToken: PsToken;
  readonly params: readonly PsBoundParam[];
  /** Offset just after the last token of the pipeline this command belongs to. */
  readonly statementEnd: number;
  /** Offset of the first token of the statement (where an inserted line should line up). */
  readonly statementStart: number;
  /** The VM the command acts on: a name, 'unknown' (splatting, unresolved variables), or undefined. */
  readonly vm: string | undefined;
}

type Element = { readonly kind: 'command'; readonly command: PsCommand } | { readonly kind: 'value'; readonly value: PsValue } | { readonly kind: 'other' };
type ArgItem = { readonly kind: 'token'; readonly token: PsToken } | { readonly kind: 'group'; readonly start: number; readonly end: number; readonly inner: readonly PsToken[] } | { readonly kind: 'block'; readonly start: number; readonly end: number };

const numberPattern = /^[+-]?(0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)(kb|mb|gb|tb|pb)?$/i;
const multipliers: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

/** A PowerShell number literal with its multiplier (`4GB`, `0x10`), or undefined. */
export function parsePsNumber(text: string): number | undefined {
  const m = numberPattern.exec(text);
  if (!m) return undefined;
  const digits = m[1] as string;
  const base = /^0x/i.test(digits) ? parseInt(digits.slice(2), 16) : Number(digits);
  const value = base * (m[2] ? (multipliers[m[2].toLowerCase()] as number) : 1);
  return text.startsWith('-') ? -value : value;
}

const endsStatement = (t: PsToken | undefined): boolean => !t || t.kind === 'newline' || t.kind === 'semi' || t.kind === 'pipe' || t.kind === 'rparen' || t.kind === 'rbrace';

/**
 * Finds the Hyper-V cmdlet calls in a script, binds their arguments to parameters as PowerShell does
 * (names by unique prefix, `-Name:value`, positions), and follows simple variables (`$n = 'xcp-ng'`,
 * `param()` defaults, `$vm = New-VM ...`) and pipelines (`Get-VM x | Set-VMProcessor ...`) to the VM name.
 */
/**
 * Groups nested deeper than this are read as plain tokens: each level is a few frames of recursion, and a
 * hostile file of a million `(` must not overflow the stack.
 */
const MAX_NESTING = 500;

class PsParser {
  private pos = 0;
  private depth = 0;
  private readonly variables = new Map<string, PsValue>();
  readonly commands: PsCommand[] = [];

  constructor(private readonly tokens: readonly PsToken[]) {}

  parseBlock(closer?: 'rparen' | 'rbrace'): void {
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos] as PsToken;
      if (closer && t.kind === closer) {
        this.pos++;
        return;
      }
      if (t.kind === 'newline' || t.kind === 'semi' || t.kind === 'rparen' || t.kind === 'rbrace' || t.kind === 'pipe' || t.kind === 'comma') {
        this.pos++;
        continue;
      }
      this.parsePipeline();
    }
  }

  private parsePipeline(): Element {
    const first = this.tokens[this.pos];
    if (!first) return { kind: 'other' };
    const statementStart = first.start;
    const pending: PsCommand[] = [];
    let input: Element | undefined;
    let last: Element;
    for (;;) {
      last = this.parseElement(input, statementStart, pending);
      if (this.tokens[this.pos]?.kind !== 'pipe') break;
      this.pos++;
      while (this.tokens[this.pos]?.kind === 'newline') this.pos++;
      input = last;
    }
    // The statement ends where the pipeline ends: fixes insert their new line after it.
    const end = (this.tokens[this.pos - 1] as PsToken | undefined)?.end ?? statementStart;
    for (const command of pending) this.commands.push({ ...command, statementEnd: end });
    return last;
  }

  private parseElement(input: Element | undefined, statementStart: number, pending: PsCommand[]): Element {
    let p = this.pos;
    while (this.tokens[p]?.kind === 'other') p++;
    const variable = this.tokens[p];
    if (variable?.kind === 'variable' && this.tokens[p + 1]?.kind === 'assign') {
      this.pos = p + 2;
      const name = variable.value as string;
      const rhs = this.tokens[this.pos];
      const after = this.tokens[this.pos + 1];
      if (rhs && (rhs.kind === 'string' || rhs.kind === 'word' || rhs.kind === 'variable') && (endsStatement(after) || after?.kind === 'comma')) {
        this.variables.set(name, this.valueOf(rhs));
        this.pos++;
        return { kind: 'other' };
      }
      const element = this.parsePipeline();
      const vm = element.kind === 'command' ? element.command.vm : undefined;
      this.variables.set(name, vm && vm !== 'unknown' ? { kind: 'vm', name: vm } : { kind: 'unknown' });
      return { kind: 'other' };
    }
    const t = this.tokens[this.pos];
    if (!t || endsStatement(t)) return { kind: 'other' };
    const spec = t.kind === 'word' ? hypervCmdlets.get((t.value as string).toLowerCase()) : undefined;
    if (spec) {
      this.pos++;
      const command = this.bind(spec, t, this.consumeArgs([]) as ArgItem[], input, statementStart);
      pending.push(command);
      return { kind: 'command', command };
    }
    if ((t.kind === 'variable' || t.kind === 'string') && endsStatement(this.tokens[this.pos + 1])) {
      this.pos++;
      return { kind: 'value', value: this.valueOf(t) };
    }
    this.pos++;
    this.consumeArgs(undefined);
    return { kind: 'other' };
  }

  /**
   * Reads the arguments up to the end of the statement, parsing groups and blocks for the commands inside
   * them, and appends them to `items`; without `items` (arguments of a command no rule looks at) nothing is
   * built, which keeps a megabyte line of words from making an object per word twice.
   */
  private consumeArgs(items: ArgItem[] | undefined): ArgItem[] | undefined {
    while (this.pos < this.tokens.length && !endsStatement(this.tokens[this.pos])) {
      const t = this.tokens[this.pos] as PsToken;
      this.pos++;
      if ((t.kind === 'lparen' || t.kind === 'lbrace') && this.depth < MAX_NESTING) {
        const innerStart = this.pos;
        this.depth++;
        this.parseBlock(t.kind === 'lparen' ? 'rparen' : 'rbrace');
        this.depth--;
        if (!items) continue;
        const closing = this.tokens[this.pos - 1];
        const end = closing ? closing.end : t.end;
        const inner = this.tokens.slice(innerStart, Math.max(innerStart, this.pos - 1)).filter((x) => x.kind !== 'newline');
        items.push(t.kind === 'lparen' ? { kind: 'group', start: t.start, end, inner } : { kind: 'block', start: t.start, end });
      } else if (items) {
        items.push({ kind: 'token', token: t });
      }
    }
    return items;
  }

  private valueOf(t: PsToken): PsValue {
    if (t.kind === 'variable') {
      if (t.value === 'true') return { kind: 'bool', value: true };
      if (t.value === 'false') return { kind: 'bool', value: false };
      return this.variables.get(t.value as string) ?? { kind: 'unknown' };
    }
    if (t.kind === 'string') return t.value === undefined ? { kind: 'unknown' } : { kind: 'string', text: t.value, bare: false };
    if (t.kind === 'word') {
      const number = parsePsNumber(t.value as string);
      return number !== undefined ? { kind: 'number', value: number } : { kind: 'string', text: t.value as string, bare: true };
    }
    return { kind: 'unknown' };
  }

  private argument(item: ArgItem): PsArgument {
    if (item.kind === 'token') return { start: item.token.start, end: item.token.end, token: item.token, value: this.valueOf(item.token) };
    if (item.kind === 'group' && item.inner.length === 1) {
      const only = item.inner[0] as PsToken;
      return { start: item.start, end: item.end, token: undefined, value: this.valueOf(only) };
    }
    return { start: item.start, end: item.end, token: undefined, value: { kind: 'unknown' } };
  }

  private bind(spec: PsCmdletSpec, nameToken: PsToken, items: readonly ArgItem[], input: Element | undefined, statementStart: number): PsCommand {
    const params: PsBoundParam[] = [];
    const positional: PsArgument[] = [];
    let splatted = false;
    const isParam = (item: ArgItem | undefined): boolean => item?.kind === 'token' && item.token.kind === 'param';
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as ArgItem;
      if (item.kind === 'token' && item.token.kind === 'splat') {
        splatted = true;
        continue;
      }
      if (item.kind !== 'token' || item.token.kind !== 'param') {
        positional.push(this.argument(item));
        continue;
      }
      const written = item.token;
      const param = resolvePsParam(spec, written.value as string);
      const next = items[i + 1];
      const takesValue = written.colon === true || (param?.type !== 'switch' && next !== undefined && !isParam(next));
      const value = takesValue && next ? this.argument(next) : undefined;
      if (takesValue && next) i++;
      if (!param) continue;
      let strayUnit: PsArgument | undefined;
      const following = items[i + 1];
      if (param.type === 'int' && value?.value.kind === 'number' && following?.kind === 'token' && following.token.kind === 'word' && /^(kb|mb|gb|tb|pb)$/i.test(following.token.value as string)) {
        strayUnit = this.argument(following);
        i++;
      }
      params.push(strayUnit ? { spec: param, nameToken: written, value, strayUnit } : { spec: param, nameToken: written, value });
    }
    (spec.positional ?? []).forEach((name, index) => {
      const arg = positional[index];
      const param = spec.params.find((p) => p.name === name);
      if (arg && param && !params.some((p) => p.spec === param)) params.push({ spec: param, nameToken: undefined, value: arg });
    });
    return { spec, nameToken, params, statementEnd: nameToken.end, statementStart, vm: splatted ? 'unknown' : this.vmOf(spec, params, input) };
  }

  private vmOf(spec: PsCmdletSpec, params: readonly PsBoundParam[], input: Element | undefined): string | undefined {
    const named = params.find((p) => p.spec.name === spec.vmParam || p.spec.type === 'vm');
    const fromValue = (value: PsValue | undefined): string => (value?.kind === 'string' ? value.text : value?.kind === 'vm' ? value.name : 'unknown');
    if (named) return fromValue(named.value?.value);
    if (input?.kind === 'command') return input.command.vm ?? 'unknown';
    if (input?.kind === 'value') return fromValue(input.value);
    if (input) return 'unknown';
    return undefined;
  }
}

export function parsePowerShell(text: string): PsCommand[] {
  const parser = new PsParser(lexPowerShell(text));
  parser.parseBlock();
  return parser.commands.sort((a, b) => a.nameToken.start - b.nameToken.start);
}
