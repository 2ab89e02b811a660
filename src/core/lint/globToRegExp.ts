const cache = new Map<string, RegExp>();

/**
 * Compiles the subset of VS Code's glob syntax that file associations use: `**` (any number of folders),
 * `*` and `?` (within one path segment), `{a,b}` alternatives. Matching is case-insensitive, as VS Code
 * matches language associations.
 */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      inBraces = true;
      source += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (c === ',' && inBraces) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`, 'i');
  cache.set(glob, re);
  return re;
}
