import type { Finding, Fix } from '../finding';
import { rangeOf, replaceFix } from '../rangeOf';
import { codeUnits, type CodeUnits } from '../codeUnits';
import { decodeXlString } from './decodeXlString';
import { quoteXl } from './quoteXl';
import { XlStringNode } from './xlStringNode';
import type { XlList, XlParse, XlStatement, XlString, XlValue } from './xlTree';
import { XL_ESCAPED, XL_PYTHON, XlLexer, XlTok } from './xlLexer';
import { isNumericXlKey, xlKeys } from './xlKeys';
import { ownEntry } from '../ownEntry';

/** One token as a value, for the places that keep a token past reading the next (statements, reports). */
interface XlToken {
  readonly kind: XlTok;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly flags: number;
}

/** A path-like string is one where an escape almost certainly was meant as a path separator. */
function looksLikePath(body: string): boolean {
  return body.includes('/') || /^[A-Za-z]:\\/.test(body) || body.startsWith('\\\\');
}

const booleanWords: Record<string, string> = { true: '1', yes: '1', on: '1', false: '0', no: '0', off: '0' };

/** Lists nested deeper than this are not parsed: each level is a recursion, and the stack must not overflow. */
const MAX_NESTING = 500;

/** Parses the token stream like xl's bison grammar, recovering at the end of each statement. */
class XlParser {
  private depth = 0;
  /** Index of the current token in the lexer's queue. */
  private pos = 0;
  readonly statements: XlStatement[] = [];
  readonly findings: Finding[] = [];

  constructor(readonly lexer: XlLexer) {}

  /** Lexes up to the token at `index` of the queue (past the end of the text, more `eof` tokens). */
  private fill(index: number): void {
    while (index >= this.lexer.count) this.lexer.lexOne();
  }

  private kindAt(index: number): XlTok {
    this.fill(index);
    return this.lexer.kinds[index] as XlTok;
  }

  private tokenAt(index: number): XlToken {
    this.fill(index);
    const l = this.lexer;
    return { kind: l.kinds[index] as XlTok, line: l.lines[index] as number, start: l.starts[index] as number, end: l.ends[index] as number, flags: l.flags[index] as number };
  }

  private peek(): XlToken {
    return this.tokenAt(this.pos);
  }

  private peekKind(): XlTok {
    return this.kindAt(this.pos);
  }

  /**
   * Moves to the next token, dropping the ones read once all are read, or once they are many and at least
   * half the queue: the parser never goes back further than the current token, and the half keeps the
   * copying linear when one line holds millions of tokens.
   */
  private advance(): void {
    this.pos++;
    if (this.pos === this.lexer.count || (this.pos >= 256 && this.pos * 2 >= this.lexer.count)) {
      this.lexer.drop(this.pos);
      this.pos = 0;
    }
  }

  private slice(line: number, start: number, end: number): string {
    return this.lexer.text.slice(this.lexer.offset(line, start), this.lexer.offset(line, end));
  }

  private text(t: XlToken): string {
    return this.slice(t.line, t.start, t.end);
  }

  private report(code: string, t: { line: number; start: number; end: number }, message: string, severity: Finding['severity'] = 'error', fixes?: Fix[]): void {
    const range = rangeOf(t.line, t.start, t.end);
    this.findings.push(fixes && fixes.length > 0 ? { range, severity, code, message, fixes } : { range, severity, code, message });
  }

  /** Moves past every token that starts before `end` on the token's line: the rest of a bare word. */
  private consumeWord(line: number, end: number): void {
    for (;;) {
      this.fill(this.pos);
      const l = this.lexer;
      const kind = l.kinds[this.pos];
      if (l.lines[this.pos] !== line || (l.starts[this.pos] as number) >= end || kind === XlTok.Newline || kind === XlTok.Eof) return;
      this.advance();
    }
  }

  private skipToLineEnd(): void {
    for (let kind = this.peekKind(); kind !== XlTok.Newline && kind !== XlTok.Eof; kind = this.peekKind()) this.advance();
  }

  /** `ident =` or `ident +=` at the given token: the start of a new statement. */
  private startsStatement(index: number): boolean {
    const kind = this.kindAt(index);
    if (kind !== XlTok.Ident && kind !== XlTok.Error) return false;
    const l = this.lexer;
    const line = l.lines[index] as number;
    const end = l.bareWordEnd(line, l.starts[index] as number);
    let j = index;
    for (;;) {
      this.fill(j);
      if (l.lines[j] !== line || (l.starts[j] as number) >= end || l.kinds[j] === XlTok.Newline) break;
      j++;
    }
    const op = this.kindAt(j);
    return l.lines[j] === line && (op === XlTok.Eq || op === XlTok.PlusEq);
  }

  parseFile(): void {
    for (;;) {
      const kind = this.peekKind();
      if (kind === XlTok.Eof) return;
      if (kind === XlTok.Newline || kind === XlTok.Semi) {
        this.advance();
        continue;
      }
      this.parseStatement();
    }
  }

  private parseStatement(): void {
    const t = this.peek();
    if (t.kind !== XlTok.Ident && t.kind !== XlTok.Error && t.kind !== XlTok.Number) {
      this.reportStray(t, 'a statement starts with a key');
      this.skipToLineEnd();
      return;
    }
    const keyEnd = Math.max(this.lexer.bareWordEnd(t.line, t.start), t.end);
    const key = this.slice(t.line, t.start, keyEnd);
    this.consumeWord(t.line, keyEnd);
    const op = this.peek();
    if (op.kind !== XlTok.Eq && op.kind !== XlTok.PlusEq) {
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
      this.report('xl/syntax', { line: op.line, start: op.start, end: op.end }, `\`${key} ${op.kind === XlTok.Eq ? '=' : '+='}\` has no value after it.`);
    }
    if (value && validKey) {
      this.statements.push({ key, line: t.line, keyStart: t.start, keyEnd, op: op.kind === XlTok.Eq ? '=' : '+=', value });
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
    if (t.kind === XlTok.Newline || t.kind === XlTok.Eof || t.kind === XlTok.Semi) return;
    if (this.startsStatement(this.pos)) {
      this.report('xl/syntax', t, 'Two statements on one line need a `;` between them.', 'error', [replaceFix('Insert `;`', rangeOf(t.line, t.start, t.start), '; ', true)]);
    } else {
      this.reportStray(t, 'unexpected text after the value');
    }
    this.skipToLineEnd();
  }

  /** Reports a token that cannot appear where it is, choosing the most specific rule. */
  private reportStray(t: XlToken, what: string): void {
    if (t.kind === XlTok.Unterminated) {
      this.report('xl/unterminated-string', t, 'The string is not closed on this line: xl strings cannot span lines.');
    } else if (t.kind === XlTok.Error && this.lexer.lineText(t.line).slice(t.start).trimEnd() === '\\') {
      this.report('xl/line-continuation', t, 'xl has no line continuation: a trailing `\\` is a lexical error. Lists may span lines without it.');
    } else if (t.kind === XlTok.RBracket) {
      this.report('xl/syntax', t, '`]` without a matching `[`.');
    } else {
      const text = t.kind === XlTok.Newline || t.kind === XlTok.Eof ? 'end of line' : `\`${this.text(t)}\``;
      const python = t.flags & XL_PYTHON ? ' (the file looks like Python: xl configs are not Python)' : '';
      this.report('xl/syntax', t, `Syntax error near ${text}: ${what}${python}.`);
    }
  }

  /**
   * A value, or undefined when nothing is there (the caller reports it), or null when something wrong was
   * there and has been reported.
   */
  private parseValue(key: string): XlValue | undefined | null {
    const l = this.lexer;
    this.fill(this.pos);
    const kind = l.kinds[this.pos] as XlTok;
    const line = l.lines[this.pos] as number;
    const start = l.starts[this.pos] as number;
    const end = l.ends[this.pos] as number;
    switch (kind) {
      case XlTok.String: {
        const flags = l.flags[this.pos] as number;
        this.advance();
        return this.stringValue(line, start, end, flags);
      }
      case XlTok.Number: {
        const wordEnd = l.bareWordEnd(line, start);
        if (wordEnd > end) {
          const word = this.slice(line, start, wordEnd);
          this.report('xl/syntax', { line, start, end: wordEnd }, `\`${word}\` is not a number: xl numbers are plain integers with no unit or suffix.`);
          this.consumeWord(line, wordEnd);
          return null;
        }
        this.advance();
        return { kind: 'number', line, start, end, text: this.slice(line, start, end) };
      }
      case XlTok.LBracket: {
        const open = this.peek();
        if (this.depth >= MAX_NESTING) {
          this.report('xl/syntax', open, 'Lists nested this deeply cannot be read (xl lists hold strings and numbers, not lists).');
          this.skipToLineEnd();
          return null;
        }
        this.depth++;
        try {
          return this.parseList(open, key);
        } finally {
          this.depth--;
        }
      }
      case XlTok.Ident:
      case XlTok.Error: {
        const wordEnd = Math.max(l.bareWordEnd(line, start), end);
        const word = this.slice(line, start, wordEnd);
        const where = { line, start, end: wordEnd };
        this.consumeWord(line, wordEnd);
        if (word === '\\' && l.lineText(line).slice(wordEnd).trim() === '') {
          this.report('xl/line-continuation', where, 'xl has no line continuation: a trailing `\\` is a lexical error. Lists may span lines without it.');
        } else if (/^-[0-9]/.test(word)) {
          this.report('xl/syntax', where, `\`${word}\`: xl has no negative numbers.`);
        } else {
          this.reportBareWord(key, word, where);
        }
        return null;
      }
      case XlTok.Unterminated:
        this.report('xl/unterminated-string', { line, start, end }, 'The string is not closed on this line: xl strings cannot span lines.');
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

  /** A string token's node; only a body with a backslash is cut and decoded here, to report its escapes. */
  private stringValue(line: number, start: number, end: number, flags: number): XlString {
    const bodyOffset = this.lexer.offset(line, start + 1);
    if (!(flags & XL_ESCAPED)) return new XlStringNode(line, start, end, bodyOffset, this.lexer.text, undefined);
    const body = this.slice(line, start + 1, end - 1);
    const decoded = decodeXlString(body);
    const first = decoded.invalid[0];
    if (first) {
      const at = start + 1 + first.offset;
      this.report('xl/string-escape', { line, start: at, end: at + first.length }, `\`${first.sequence}\` is not an escape xl accepts (only \\" \\' \\\\ \\a \\b \\f \\n \\r \\t \\v and octal; \\x is always refused). Write \\\\ for a backslash.`);
    }
    const altering = decoded.altering[0];
    if (altering && looksLikePath(body)) {
      const at = start + 1 + altering.offset;
      const range = rangeOf(line, at, at + 1);
      this.report('xl/string-escape-silent', { line, start: at, end: at + altering.length }, `\`${altering.sequence}\` in this path is an escape: xl turns it into a control character or drops it. Write \\\\ for a backslash.`, 'warning', [replaceFix('Double the backslash', range, '\\\\', true)]);
    }
    return new XlStringNode(line, start, end, bodyOffset, this.lexer.text, decoded);
  }

  private parseList(open: XlToken, key: string): XlList | null {
    this.advance();
    const items: XlValue[] = [];
    let expectItem = true;
    let failed = false;
    for (;;) {
      const kind = this.peekKind();
      if (kind === XlTok.Newline) {
        // The usual line of a long list, `'item',`, is read whole: the same string item and comma as
        // through the token queue, without queueing them; so are the lines of that kind that follow it.
        const l = this.lexer;
        if (expectItem && this.pos + 1 === l.count && l.lexItemLine()) {
          this.advance();
          do items.push(this.stringValue(l.lineCount - 1, l.itemStart, l.itemEnd, 0));
          while (l.lexNextItemLine());
          continue;
        }
        if (this.startsStatement(this.pos + 1)) break;
        this.advance();
        continue;
      }
      if (kind === XlTok.Eof) break;
      if (kind === XlTok.RBracket) {
        const close = this.peek();
        this.advance();
        return failed ? null : { kind: 'list', line: open.line, start: open.start, endLine: close.line, end: close.end, items };
      }
      if (kind === XlTok.Comma) {
        if (expectItem) {
          this.report('xl/syntax', this.peek(), 'A list item is missing before this `,`.');
          failed = true;
        }
        expectItem = true;
        this.advance();
        continue;
      }
      if (kind === XlTok.Semi) {
        this.report('xl/syntax', this.peek(), '`;` inside a list: items are separated by `,`.');
        failed = true;
        this.advance();
        continue;
      }
      if (!expectItem) {
        this.report('xl/syntax', this.peek(), 'A `,` is missing between list items.');
        failed = true;
      }
      const item = this.parseValue(key);
      if (item) items.push(item);
      else {
        if (item === undefined) {
          // Nothing was read: the current token is still the one that is not an item.
          this.reportStray(this.peek(), 'expected a list item');
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

/** Parses an xl config; `codes` are its code units when the caller has them already. */
export function parseXl(text: string, codes: CodeUnits = codeUnits(text)): XlParse {
  const lexer = new XlLexer(text, codes);
  const parser = new XlParser(lexer);
  parser.parseFile();
  const commentStart = lexer.commentStart.subarray(0, lexer.lineCount);
  const last = lexer.lineCount - 1;
  const hash = commentStart[last] as number;
  // xl's lexer needs a newline after a comment; only the last line can lack one.
  if (hash >= 0) {
    const end = (lexer.lineEnds[last] as number) - (lexer.lineStarts[last] as number);
    const finding: Finding = { range: rangeOf(last, hash, end), severity: 'error', code: 'xl/comment-at-eof', message: 'A comment on the last line needs a newline after it, or xl fails with a lexical error.', fixes: [replaceFix('Add the final newline', rangeOf(last, end, end), '\n', true)] };
    return { statements: parser.statements, findings: [finding, ...parser.findings], commentStart };
  }
  return { statements: parser.statements, findings: parser.findings, commentStart };
}
