/**
 * Splits one command line of a guide into argv words, with '...' and "..." quoting and backslash escapes.
 * Anything the shell would interpret (;, |, &, <, >, $, backquote) outside single quotes is refused: a guide's
 * command runs as exactly these words, never through a shell of ours.
 */
export function splitCommandWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      word += text[++i] ?? '';
      started = true;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '$' || c === '`') throw new Error(`"${text}" uses shell expansion (${c}): run it in a terminal instead`);
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else if (c === '<' && /^<[A-Za-z][\w-]*>/.test(text.slice(i))) {
      // A placeholder, not a redirection: kept as written until the user fills it.
      const end = text.indexOf('>', i);
      word += text.slice(i, end + 1);
      i = end;
      started = true;
    } else if (/[;|&<>$`()]/.test(c)) {
      throw new Error(`"${text}" uses the shell (${c}): run it in a terminal instead`);
    } else {
      word += c;
      started = true;
    }
  }
  if (quote) throw new Error(`"${text}" has an unclosed ${quote}`);
  if (started) words.push(word);
  return words;
}

/** `<vm-uuid>`, `<UUID>`, `{hostname}`: the placeholders a guide's command leaves for the reader. */
export const PLACEHOLDER = /<([A-Za-z][\w-]*)>|\{([A-Za-z][\w-]*)\}/g;

export function placeholdersOf(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((w) => [...w.matchAll(PLACEHOLDER)].map((m) => m[0])))];
}

export function fillPlaceholders(words: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return words.map((w) =>
    w.replace(PLACEHOLDER, (whole) => {
      const value = values[whole];
      if (value === undefined) throw new Error(`no value for ${whole}`);
      return value;
    }),
  );
}
