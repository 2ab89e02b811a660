/**
 * Builds argument strings that a careless quoting would break: shell metacharacters, quotes of every kind,
 * expansions, globs, option-looking dashes, whitespace other than newlines, and multi-byte Unicode.
 * Newline, CR and NUL are never produced (they are refused, which has its own tests).
 */
const PIECES: readonly string[] = [
  "'", '"', '`', '$', '\\', ' ', '\t', ';', '&', '|', '<', '>', '(', ')', '{', '}', '[', ']', '*', '?', '!',
  '#', '~', '=', '%', '^', ',', ':', '@', '+', '-', '--', '.', '/',
  '$(id)', '`id`', '${IFS}', '$HOME', "'\\''", '\\n', '%1', '~root', '!!', '&&', '||', '>/tmp/x', '*.*',
  'a', 'Z', '0', 'vm', 'uuid=', 'name-label=',
  'é', 'ß', '日本', '😀', '\u00a0', '\u202e', 'Ω', '\u0301',
];

export function randomHostileArg(random: () => number, maxPieces = 12): string {
  const count = Math.floor(random() * (maxPieces + 1));
  let arg = '';
  for (let i = 0; i < count; i++) {
    arg += PIECES[Math.floor(random() * PIECES.length)] ?? '';
  }
  return arg;
}
