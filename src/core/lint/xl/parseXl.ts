import type { Finding, Fix } from '../finding';
import { rangeOf, replaceFix } from '../rangeOf';
import type { SourceLines } from '../sourceLines';
import { decodeXlString, type DecodedXlString } from './decodeXlString';
import { lexXlLine, type XlToken } from './lexXlLine';
import { isNumericXlKey, xlKeys } from './xlKeys';
import { ownEntry } from '../ownEntry';

export interface XlString {
  readonly kind: 'string';
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The text between the quotes, escapes not interpreted. */
  readonly body: string;
  readonly decoded: DecodedXlString;
}

export interface XlNumber {
  readonly kind: 'number';
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface XlList {
  readonly kind: 'list';
  readonly line: number;
  readonly start: number;
  readonly endLine: number;
  readonly end: number;
  readonly items: readonly XlValue[];
}

export type XlValue = XlString | XlNumber | XlList;

export interface XlStatement {
  readonly key: string;
  readonly line: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly op: '=' | '+=';
  readonly value: XlValue;
}

export interface XlParse {
  readonly statements: readonly XlStatement[];
  /** Lexical and syntax findings, in the order met. */
  readonly findings: readonly Finding[];
  /** Column where a comment starts on each line, or -1. */
  readonly commentStart: Int32Array;
}

/** Where a bare word ends: at a blank or a character that structures a statement. */
function bareWordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '=' || c === ',' || c === '[' || c === ']' || c === ';' || c === '#' || c === "'" || c === '"') break;
    if (c === '+' && text[i + 1] === '=') break;
    i++;
  }
  return i;
}

/** Quotes a bare word as an xl string, escaping what the chosen quote and backslashes need. */
export function quoteXl(word: string): string {
  const escaped = word.replace(/\\/g, '\\\\');
  if (!word.includes("'")) return `'${escaped}'`;
  if (!word.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/** A path-like string is one where an escape almost certainly was meant as a path separator. */
function looksLikePath(body: string): boolean {
  return body.includes('/') || /^[A-Za-z]:\\/.test(body) || body.startsWith('\\\\');
}

const booleanWords: Record<string, string> = { true: '1', yes: '1', on: '1', false: '0', no: '0', off: '0' };

/** Parses the token stream like xl's bison grammar, recovering at the end of each statement. */
/** Lists nested deeper than this are not parsed: each level is a recursion, and the stack must not overflow. */
const MAX_NESTING = 500;

class XlParser {
  private depth = 0;
  /** Tokens lexed and not yet dropped; `pos` indexes it. */
  private tokens: XlToken[] = [];
  private pos = 0;
  /** The next line to lex. */
  private lexed = 0;
  readonly statements: XlStatement[] = [];
  readonly findings: Finding[] = [];
  readonly commentStart: Int32Array;

  constructor(private readonly lines: readonly string[]) {
    this.commentStart = new Int32Array(lines.length).fill(-1);
  }

  /** The token at `index`, lexing lines as far as needed; undefined past the end of the text. */
  private tokenAt(index: number): XlToken | undefined {
    while (index >= this.tokens.length && this.lexed < this.lines.length) lexXlLine(this.lines, this.lexed++, this.tokens, this.commentStart);
    return this.tokens[index];
  }

  private peek(): XlToken {
    return this.tokenAt(this.pos) ?? (this.tokens[this.tokens.length - 1] as XlToken);
  }

  /**
   * Moves to the next token, dropping the ones read once they are many and at least half the buffer: the
   * parser never goes back further than the current token, short-lived tokens cost the garbage collector
   * nothing, and the half keeps the copying linear when one line holds millions of tokens.
   */
  private advance(): void {
    this.pos++;
    if (this.pos >= 256 && this.pos * 2 >= this.tokens.length && (this.pos < this.tokens.length || (this.pos === this.tokens.length && this.lexed < this.lines.length))) {
      this.tokens = this.tokens.slice(this.pos);
      this.pos = 0;
    }
  }

  private text(t: XlToken): string {
    return (this.lines[t.line] as string).slice(t.start, t.end);
  }

  private report(code: string, t: { line: number; start: number; end: number }, message: string, severity: Finding['severity'] = 'error', fixes?: Fix[]): void {
    const range = rangeOf(t.line, t.start, t.end);
    this.findings.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  /** Moves past every token that starts before `end` on the token's line: the rest of a bare word. */
  private consumeWord(line: number, end: number): void {
    while (this.peek().line === line && this.peek().start < end && this.peek().kind !== 'newline' && this.peek().kind !== 'eof') this.advance();
  }

  private skipToLineEnd(): void {
    while (this.peek().kind !== 'newline' && this.peek().kind !== 'eof') this.advance();
  }

  /** `ident =` or `ident +=` at the given token: the start of a new statement. */
  private startsStatement(index: number): boolean {
    const t = this.tokenAt(index);
    if (!t || (t.kind !== 'ident' && t.kind !== 'error')) return false;
    const end = bareWordEnd(this.lines[t.line] as string, t.start);
    let j = index;
    for (let u: XlToken | undefined = t; u && u.line === t.line && u.start < end && u.kind !== 'newline'; u = this.tokenAt(j)) j++;
    const op = this.tokenAt(j);
    return op !== undefined && op.line === t.line && (op.kind === 'eq' || op.kind === 'plusEq');
  }

  parseFile(): void {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'newline' || t.kind === 'semi') {
        this.advance();
        continue;
      }
      this.parseStatement();
    }
  }

  private parseStatement(): void {
    const t = this.peek();
    if (t.kind !== 'ident' && t.kind !== 'error' && t.kind !== 'number') {
      this.reportStray(t, 'a statement starts with a key');
      this.skipToLineEnd();
      return;
    }
    const lineText = this.lines[t.line] as string;
    const keyEnd = Math.max(bareWordEnd(lineText, t.start), t.end);
    const key = lineText.slice(t.start, keyEnd);
    this.consumeWord(t.line, keyEnd);
    const op = this.peek();
    if (op.kind !== 'eq' && op.kind !== 'plusEq') {
      if (key === '\\') this.reportStray(t, 'a statement starts with a key');
      else this.report('xl/syntax', { line: t.line, start: t.start, end: keyEnd }, `\`${key}\` is not an assignment: expected \`${key} = value\`.`);
      this.skipToLineEnd();
      return;
    }
    const validKey = /^[a-z][._0-9a-z]*$/.test(key);
    if (!validKey) this.reportInvalidKey(key, { line: t.line, start: t.start, end: keyEnd });
    this.advance();
    const value = this.parseValue(key);
    if (value === undefined) {
      this.report('xl/syntax', { line: op.line, start: op.start, end: op.end }, `\`${key} ${op.kind === 'eq' ? '=' : '+='}\` has no value after it.`);
    }
    if (value && validKey) {
      this.statements.push({ key, line: t.line, keyStart: t.start, keyEnd, op: op.kind === 'eq' ? '=' : '+=', value });
    }
    this.expectStatementEnd();
  }

  private reportInvalidKey(key: string, where: { line: number; start: number; end: number }): void {
    const normalized = key.toLowerCase().replace(/-/g, '_').replace(/^_+/, '');
    const fixes = xlKeys.has(normalized) ? [replaceFix(`Rename to \`${normalized}\``, rangeOf(where.line, where.start, where.end), normalized, true)] : [];
    this.report('xl/invalid-key', where, `\`${key}\` is not a valid xl key: keys are lower case letters, digits, \`.\` and \`_\`, starting with a letter.`, 'error', fixes);
  }

  private expectStatementEnd(): void {
    const t = this.peek();
    if (t.kind === 'newline' || t.kind === 'eof' || t.kind === 'semi') return;
    if (this.startsStatement(this.pos)) {
      this.report('xl/syntax', t, 'Two statements on one line need a `;` between them.', 'error', [replaceFix('Insert `;`', rangeOf(t.line, t.start, t.start), '; ', true)]);
    } else {
      this.reportStray(t, 'unexpected text after the value');
    }
    this.skipToLineEnd();
  }

  /** Reports a token that cannot appear where it is, choosing the most specific rule. */
  private reportStray(t: XlToken, what: string): void {
    const lineText = this.lines[t.line] as string;
    if (t.kind === 'unterminated') {
      this.report('xl/unterminated-string', t, 'The string is not closed on this line: xl strings cannot span lines.');
    } else if (t.kind === 'error' && lineText.slice(t.start).trimEnd() === '\\') {
      this.report('xl/line-continuation', t, 'xl has no line continuation: a trailing `\\` is a lexical error. Lists may span lines without it.');
    } else if (t.kind === 'rbracket') {
      this.report('xl/syntax', t, '`]` without a matching `[`.');
    } else {
      const text = t.kind === 'newline' || t.kind === 'eof' ? 'end of line' : `\`${this.text(t)}\``;
      const python = t.python ? ' (the file looks like Python: xl configs are not Python)' : '';
      this.report('xl/syntax', t, `Syntax error near ${text}: ${what}${python}.`);
    }
  }

  /**
   * A value, or undefined when nothing is there (the caller reports it), or null when something wrong was
   * there and has been reported.
   */
  private parseValue(key: string): XlValue | undefined | null {
    const t = this.peek();
    const lineText = this.lines[t.line] as string;
    switch (t.kind) {
      case 'string': {
        this.advance();
        return this.stringValue(t);
      }
      case 'number': {
        const end = bareWordEnd(lineText, t.start);
        if (end > t.end) {
          const word = lineText.slice(t.start, end);
          this.report('xl/syntax', { line: t.line, start: t.start, end }, `\`${word}\` is not a number: xl numbers are plain integers with no unit or suffix.`);
          this.consumeWord(t.line, end);
          return null;
        }
        this.advance();
        return { kind: 'number', line: t.line, start: t.start, end: t.end, text: lineText.slice(t.start, t.end) };
      }
      case 'lbracket':
        if (this.depth >= MAX_NESTING) {
          this.report('xl/syntax', t, 'Lists nested this deeply cannot be read (xl lists hold strings and numbers, not lists).');
          this.skipToLineEnd();
          return null;
        }
        this.depth++;
        try {
          return this.parseList(t, key);
        } finally {
          this.depth--;
        }
      case 'ident':
      case 'error': {
        const end = Math.max(bareWordEnd(lineText, t.start), t.end);
        const word = lineText.slice(t.start, end);
        const where = { line: t.line, start: t.start, end };
        this.consumeWord(t.line, end);
        if (word === '\\' && lineText.slice(end).trim() === '') {
          this.report('xl/line-continuation', where, 'xl has no line continuation: a trailing `\\` is a lexical error. Lists may span lines without it.');
        } else if (/^-[0-9]/.test(word)) {
          this.report('xl/syntax', where, `\`${word}\`: xl has no negative numbers.`);
        } else {
          this.reportBareWord(key, word, where);
        }
        return null;
      }
      case 'unterminated':
        this.report('xl/unterminated-string', t, 'The string is not closed on this line: xl strings cannot span lines.');
        this.advance();
        return null;
      default:
        return undefined;
    }
  }

  private reportBareWord(key: string, word: string, where: { line: number; start: number; end: number }): void {
    const range = rangeOf(where.line, where.start, where.end);
    const fixes: Fix[] = [];
    const asNumber = ownEntry(booleanWords, word.toLowerCase());
    const numeric = isNumericXlKey(xlKeys.get(key));
    if (numeric && asNumber !== undefined) fixes.push(replaceFix(`Replace with ${asNumber}`, range, asNumber, true));
    fixes.push(replaceFix(`Quote as ${quoteXl(word)}`, range, quoteXl(word), !numeric || asNumber === undefined));
    this.report('xl/unquoted-value', where, `\`${word}\` is a bare word: xl values are quoted strings, numbers or lists.`, 'error', fixes);
  }

  private stringValue(t: XlToken): XlString {
    const body = (this.lines[t.line] as string).slice(t.start + 1, t.end - 1);
    const decoded = decodeXlString(body);
    const first = decoded.invalid[0];
    if (first) {
      const at = t.start + 1 + first.offset;
      this.report('xl/string-escape', { line: t.line, start: at, end: at + first.length }, `\`${first.sequence}\` is not an escape xl accepts (only \\" \\' \\\\ \\a \\b \\f \\n \\r \\t \\v and octal; \\x is always refused). Write \\\\ for a backslash.`);
    }
    const altering = decoded.altering[0];
    if (altering && looksLikePath(body)) {
      const at = t.start + 1 + altering.offset;
      const range = rangeOf(t.line, at, at + 1);
      this.report('xl/string-escape-silent', { line: t.line, start: at, end: at + altering.length }, `\`${altering.sequence}\` in this path is an escape: xl turns it into a control character or drops it. Write \\\\ for a backslash.`, 'warning', [replaceFix('Double the backslash', range, '\\\\', true)]);
    }
    return { kind: 'string', line: t.line, start: t.start, end: t.end, body, decoded };
  }

  private parseList(open: XlToken, key: string): XlList | null {
    this.advance();
    const items: XlValue[] = [];
    let expectItem = true;
    let failed = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'newline') {
        if (this.startsStatement(this.pos + 1)) break;
        this.advance();
        continue;
      }
      if (t.kind === 'eof') break;
      if (t.kind === 'rbracket') {
        this.advance();
        return failed ? null : { kind: 'list', line: open.line, start: open.start, endLine: t.line, end: t.end, items };
      }
      if (t.kind === 'comma') {
        if (expectItem) {
          this.report('xl/syntax', t, 'A list item is missing before this `,`.');
          failed = true;
        }
        expectItem = true;
        this.advance();
        continue;
      }
      if (t.kind === 'semi') {
        this.report('xl/syntax', t, '`;` inside a list: items are separated by `,`.');
        failed = true;
        this.advance();
        continue;
      }
      if (!expectItem) {
        this.report('xl/syntax', t, 'A `,` is missing between list items.');
        failed = true;
      }
      const item = this.parseValue(key);
      if (item) items.push(item);
      else {
        if (item === undefined) {
          this.reportStray(t, 'expected a list item');
          this.advance();
        }
        failed = true;
      }
      expectItem = false;
    }
    this.report('xl/syntax', open, 'This `[` is never closed.');
    return null;
  }
}

export function parseXl(source: SourceLines): XlParse {
  const parser = new XlParser(source.lines);
  parser.parseFile();
  const { commentStart } = parser;
  const last = source.lines.length - 1;
  const hash = commentStart[last] as number;
  // xl's lexer needs a newline after a comment; only the last line can lack one.
  if (hash >= 0 && source.endings[last] === '') {
    const end = (source.lines[last] as string).length;
    const finding: Finding = { range: rangeOf(last, hash, end), severity: 'error', code: 'xl/comment-at-eof', message: 'A comment on the last line needs a newline after it, or xl fails with a lexical error.', fixes: [replaceFix('Add the final newline', rangeOf(last, end, end), '\n', true)] };
    return { statements: parser.statements, findings: [finding, ...parser.findings], commentStart };
  }
  return { statements: parser.statements, findings: parser.findings, commentStart };
}
