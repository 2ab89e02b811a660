const cache = new Map<string, RegExp>();

/** Index just past the `]` closing a bracket expression that opens at `open`, or -1 when it is not closed. */
function bracketEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++; // a leading ] is a member, not the end
  while (i < glob.length && glob[i] !== ']') i++;
  return i < glob.length ? i + 1 : -1;
}

function bracketToRegExp(body: string): string {
  let negate = false;
  let rest = body;
  if (rest[0] === '!' || rest[0] === '^') {
    negate = true;
    rest = rest.slice(1);
  }
  const members = rest.replace(/[\\\]^]/g, '\\$&');
  // Under FNM_PATHNAME a bracket never matches the separator.
  return negate ? `[^/${members}]` : `(?!/)[${members}]`;
}

/**
 * glob(7) as mdadm applies DEVICE lines and `devices=` entries, through fnmatch with FNM_PATHNAME: `*` and `?`
 * stay inside one path component, `[...]` classes (with `!` or `^` to negate), backslash quotes the next
 * character. Case-sensitive, like device names.
 */
function deviceGlobToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = bracketEnd(glob, i);
      if (end < 0) source += '\\[';
      else {
        source += bracketToRegExp(glob.slice(i + 1, end - 1));
        i = end - 1;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      i++;
      source += (glob[i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  let re: RegExp;
  try {
    re = new RegExp(`^${source}$`);
  } catch {
    // A class such as [z-a] is no valid range for JavaScript either; fnmatch then matches nothing.
    re = /$^/;
  }
  cache.set(glob, re);
  return re;
}

export function matchDeviceGlob(glob: string, path: string): boolean {
  return deviceGlobToRegExp(glob).test(path);
}

export function hasGlobCharacters(text: string): boolean {
  return /[*?[]/.test(text);
}
