/** Where a pool was defined: the `xcpng.pools` setting or a workspace `xcpng-lab.yaml`. */
export type PoolOrigin =
  | { readonly kind: 'settings'; readonly index: number }
  | { readonly kind: 'yaml'; readonly file: string; readonly line: number; readonly column: number };

/** A pool as its owner wrote it, before `~/.ssh/config` is applied. */
export interface PoolDefinition {
  readonly name: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly identityFile?: string;
  readonly sshConfigHost?: string;
  readonly origin: PoolOrigin;
}

/** Something wrong in the inventory, positioned so the UI can point at it. */
export interface InventoryProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly source: 'settings' | 'yaml' | 'ssh-config';
  /** `xcpng.pools[1].port` in the settings, `pools[1].port` in the YAML file. */
  readonly path?: string;
  readonly file?: string;
  /** 1-based position in the YAML file. */
  readonly line?: number;
  readonly column?: number;
}

/** A problem found while checking one entry, before it is placed in a file or setting. */
export interface EntryProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Keys from the entry down, e.g. `['port']`; empty for the entry itself. */
  readonly path: readonly (string | number)[];
}

const STRING_KEYS = ['name', 'host', 'user', 'identityFile', 'sshConfigHost'] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set([...STRING_KEYS, 'port']);

/**
 * Checks one pool entry (a plain object from the setting or the YAML file) and returns the definition when
 * it is usable. The rules match the setting's schema and media/schemas/xcpng-lab.schema.json: a name, a host
 * or an sshConfigHost, a port in 1..65535, no spaces or control characters in addresses.
 */
export function validatePoolEntry(
  value: unknown,
  origin: PoolOrigin,
): { definition?: PoolDefinition; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const error = (message: string, ...path: (string | number)[]): void => {
    problems.push({ severity: 'error', message, path });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    error('a pool must be an object with at least "name" and "host"');
    return { problems };
  }
  const entry = value as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push({ severity: 'warning', message: `unknown key "${key}" is ignored`, path: [key] });
    }
  }
  const strings: Partial<Record<(typeof STRING_KEYS)[number], string>> = {};
  for (const key of STRING_KEYS) {
    const v = entry[key];
    if (v === undefined || v === null) {
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      error(`"${key}" must be a non-empty string`, key);
    } else if ([...v].some((c) => c < ' ' || c === '\x7f')) {
      error(`"${key}" must not contain control characters`, key);
    } else if (key !== 'name' && key !== 'identityFile' && /\s/.test(v)) {
      error(`"${key}" must not contain spaces`, key);
    } else {
      strings[key] = v;
    }
  }
  if (strings.name === undefined && !problems.some((p) => p.path[0] === 'name')) {
    error('a pool needs a "name"');
  }
  if (strings.host === undefined && strings.sshConfigHost === undefined && !problems.some((p) => p.path[0] === 'host')) {
    error('a pool needs a "host" (or an "sshConfigHost" alias)');
  }
  let port: number | undefined;
  if (entry.port !== undefined && entry.port !== null) {
    if (typeof entry.port !== 'number' || !Number.isInteger(entry.port) || entry.port < 1 || entry.port > 65535) {
      error('"port" must be an integer from 1 to 65535', 'port');
    } else {
      port = entry.port;
    }
  }
  if (problems.some((p) => p.severity === 'error') || strings.name === undefined) {
    return { problems };
  }
  const definition: PoolDefinition = {
    name: strings.name,
    origin,
    ...(strings.host !== undefined && { host: strings.host }),
    ...(port !== undefined && { port }),
    ...(strings.user !== undefined && { user: strings.user }),
    ...(strings.identityFile !== undefined && { identityFile: strings.identityFile }),
    ...(strings.sshConfigHost !== undefined && { sshConfigHost: strings.sshConfigHost }),
  };
  return { definition, problems };
}

/** `pools[1].port` style, as people read paths in JSON and YAML. */
export function formatEntryPath(prefix: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${p}`), prefix);
}
