/** The two file-system reads `Include` needs; the caller decides how (async fs in the product, a map in tests). */
export interface SshConfigFiles {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** The names in a directory, or undefined when it is not one. */
  listDir(path: string): Promise<readonly string[] | undefined>;
}

export interface InlinedSshConfig {
  readonly text: string;
  readonly problems: readonly string[];
}

// readconf.c stops at this depth with "Too many recursive configuration includes".
const MAX_DEPTH = 16;
const INCLUDE_LINE = /^[ \t]*include(?:[ \t]*=[ \t]*|[ \t]+)(.*)$/i;

/**
 * Replaces each `Include` line of a user's ~/.ssh/config by the text of the files it names, the way ssh reads
 * them: relative paths are under ~/.ssh, `~/` is the home directory, wildcards expand in lexical order, a
 * pattern that matches nothing is no error, and nesting stops at ssh's depth of 16. Inlining keeps an Include
 * inside a Host block conditional, which is what ssh does with it; the ssh-config parser then sees one file.
 */
export async function inlineSshConfigIncludes(
  text: string,
  homeDir: string,
  files: SshConfigFiles,
): Promise<InlinedSshConfig> {
  const problems: string[] = [];
  const sshDir = `${homeDir.replace(/\/+$/, '')}/.ssh`;

  const inline = async (source: string, depth: number): Promise<string> => {
    const out: string[] = [];
    for (const line of source.split('\n')) {
      const match = INCLUDE_LINE.exec(line.replace(/\r$/, ''));
      if (!match) {
        out.push(line);
        continue;
      }
      if (depth >= MAX_DEPTH) {
        problems.push(`~/.ssh/config: Include nested more than ${MAX_DEPTH} deep is ignored`);
        continue;
      }
      for (const pattern of splitArguments(match[1] ?? '')) {
        const absolute = pattern.startsWith('~/') ? `${homeDir}/${pattern.slice(2)}` : pattern.startsWith('/') ? pattern : `${sshDir}/${pattern}`;
        for (const file of await expandGlob(absolute, files)) {
          const included = await files.readFile(file);
          if (included !== undefined) out.push(await inline(included, depth + 1));
        }
      }
    }
    return out.join('\n');
  };

  return { text: await inline(text, 0), problems };
}

/** ssh_config's argument splitting: whitespace separates, double quotes group. */
function splitArguments(value: string): string[] {
  const words: string[] = [];
  for (const m of value.trim().matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = m[1] ?? m[2];
    if (word !== undefined && word !== '') words.push(word);
  }
  return words;
}

/** glob(3) for an absolute path: wildcards in any component, results sorted, no dot-files for `*` or `?`. */
async function expandGlob(absolute: string, files: SshConfigFiles): Promise<string[]> {
  const parts = absolute.split('/').filter((p) => p !== '');
  let bases = [''];
  for (const part of parts) {
    const next: string[] = [];
    if (!/[*?[]/.test(part)) {
      for (const base of bases) next.push(`${base}/${part}`);
    } else {
      const matcher = globComponent(part);
      for (const base of bases) {
        const names = (await files.listDir(base === '' ? '/' : base)) ?? [];
        for (const name of [...names].sort()) if (matcher.test(name)) next.push(`${base}/${name}`);
      }
    }
    bases = next;
  }
  return bases;
}

function globComponent(part: string): RegExp {
  let source = part.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < part.length; i++) {
    const c = part[i] as string;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = part.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        const body = part.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
