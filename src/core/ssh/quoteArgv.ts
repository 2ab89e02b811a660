import { UnsafeArgumentError } from '../errors';

/**
 * Words made only of these characters mean themselves to a POSIX shell in any position after the first, so
 * they are left bare to keep logged command lines readable (`xe vm-start uuid=...`). A leading `=` is quoted
 * (zsh expands `=cmd` to a path). The first word is stricter: `A=b` there is a variable assignment, `%1`
 * names a job in bash, and since sshd runs `<shell> -c <line>`, a line starting with `-` or `+` would be read
 * as shell options.
 */
const BARE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
const BARE_FIRST_WORD = /^[A-Za-z0-9_:,./][A-Za-z0-9_+:,./-]*$/;

/** Reserved words of sh and bash: bare in command position they are syntax, not a command name. */
const RESERVED_WORDS = new Set([
  'case', 'coproc', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select',
  'then', 'time', 'until', 'while',
]);

/** Characters a command line cannot carry: xe and sshd read line-based and C strings end at NUL. */
const FORBIDDEN = /[\n\r\0]/;

/** A lone UTF-16 surrogate has no UTF-8 form; it would arrive as U+FFFD, i.e. as a different argument. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Quotes an argv for a POSIX remote shell (`sh -c`, as sshd runs exec requests), so that the shell hands the
 * remote command exactly these strings. This is the only place where a command line is built from values.
 *
 * Throws {@link UnsafeArgumentError} for an empty argv and for any element containing a newline, a carriage
 * return, NUL or a lone surrogate; such values cannot arrive intact, so they are refused before anything is sent.
 */
export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) {
    throw new UnsafeArgumentError(0, 'Refusing to run an empty command');
  }
  return argv.map((arg, index) => quoteWord(arg, index)).join(' ');
}

function quoteWord(arg: string, index: number): string {
  if (FORBIDDEN.test(arg)) {
    throw new UnsafeArgumentError(
      index,
      `Argument ${index + 1} contains a newline, carriage return or NUL character, which cannot be sent to the host: ${JSON.stringify(arg)}`,
    );
  }
  if (LONE_SURROGATE.test(arg)) {
    throw new UnsafeArgumentError(index, `Argument ${index + 1} is not valid Unicode text: ${JSON.stringify(arg)}`);
  }
  const bare = index === 0 ? BARE_FIRST_WORD.test(arg) && !RESERVED_WORDS.has(arg) : BARE_WORD.test(arg);
  if (bare) {
    return arg;
  }
  // Inside single quotes nothing is special except the closing quote itself, so a quote is written as
  // close-quote, escaped quote, reopen-quote.
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
