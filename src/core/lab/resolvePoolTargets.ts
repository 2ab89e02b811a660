import SSHConfig from 'ssh-config';
import type { InventoryProblem, PoolDefinition, PoolOrigin } from './poolDefinition';

/** A pool master ready to connect to: everything resolved, nothing left to look up. */
export interface PoolTarget {
  /** `user@host:port`: one connection per master, and a stable id for the tree. */
  readonly id: string;
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Absolute or as written when it cannot be expanded; absent to rely on ssh-agent or a password. */
  readonly identityFile?: string;
  /** The ~/.ssh/config alias the definition named. */
  readonly sshConfigHost?: string;
  readonly origin: PoolOrigin;
}

export interface ResolveEnvironment {
  /** Text of ~/.ssh/config, if the file exists, with its Include files inlined (inlineSshConfigIncludes). */
  readonly sshConfig?: string;
  readonly homeDir: string;
  /** The local user name, for `%u` in IdentityFile. */
  readonly localUser: string;
}

const DEFAULT_PORT = 22;
// dom0 is administered as root; xe needs it (xe-cli.md §11 leaves other users unconfirmed).
const DEFAULT_USER = 'root';

/**
 * Applies ~/.ssh/config to pool definitions the way `ssh` would for `ssh <alias>`: the alias is
 * `sshConfigHost`, else `host`; HostName, User, Port and IdentityFile come from the matching Host blocks,
 * and values written in the definition win over the file. `Match exec` blocks are never run. Definitions
 * whose name or target repeats an earlier one are dropped with a problem.
 */
export function resolvePoolTargets(
  definitions: readonly PoolDefinition[],
  env: ResolveEnvironment,
): { targets: PoolTarget[]; problems: InventoryProblem[] } {
  const targets: PoolTarget[] = [];
  const problems: InventoryProblem[] = [];
  let config: SSHConfig | undefined;
  if (env.sshConfig !== undefined) {
    try {
      config = SSHConfig.parse(env.sshConfig);
    } catch (error) {
      problems.push({
        severity: 'warning',
        message: `~/.ssh/config could not be read and is ignored: ${error instanceof Error ? error.message : String(error)}`,
        source: 'ssh-config',
      });
    }
  }
  const byName = new Map<string, PoolTarget>();
  const byId = new Map<string, PoolTarget>();
  for (const def of definitions) {
    const alias = def.sshConfigHost ?? def.host ?? '';
    const computed = config?.compute(alias, { ignoreCase: true, matchExec: false }) ?? {};
    const first = (key: string): string | undefined => {
      const v = computed[key];
      return Array.isArray(v) ? v[0] : v;
    };
    const host = def.host !== undefined && def.sshConfigHost !== undefined ? def.host : expandHostName(first('hostname'), alias);
    let port = def.port;
    const configPort = first('port');
    if (port === undefined && configPort !== undefined) {
      const n = Number(configPort);
      if (Number.isInteger(n) && n >= 1 && n <= 65535) {
        port = n;
      } else {
        problems.push({ severity: 'warning', message: `~/.ssh/config gives "${alias}" an invalid Port ${configPort}`, source: 'ssh-config' });
      }
    }
    const user = def.user ?? first('user') ?? DEFAULT_USER;
    const identity = def.identityFile ?? first('identityfile');
    const target: PoolTarget = {
      id: `${user}@${host}:${port ?? DEFAULT_PORT}`,
      name: def.name,
      host,
      port: port ?? DEFAULT_PORT,
      user,
      origin: def.origin,
      ...(identity !== undefined && { identityFile: expandPath(identity, { ...env, host, user }) }),
      ...(def.sshConfigHost !== undefined && { sshConfigHost: def.sshConfigHost }),
    };
    const clash = byName.get(target.name) ?? byId.get(target.id);
    if (clash !== undefined) {
      problems.push({
        ...originPlace(def.origin),
        severity: 'error',
        message: byName.has(target.name)
          ? `pool "${target.name}" is defined twice; the first definition is used`
          : `pool "${target.name}" connects to ${target.id} like pool "${clash.name}"; it is ignored`,
      });
      continue;
    }
    byName.set(target.name, target);
    byId.set(target.id, target);
    targets.push(target);
  }
  return { targets, problems };
}

/** HostName may hold `%h` (the alias) and `%%`; without HostName the alias is the address. */
function expandHostName(hostName: string | undefined, alias: string): string {
  return hostName === undefined ? alias : hostName.replace(/%([%h])/g, (_, t: string) => (t === '%' ? '%' : alias));
}

/** `~` and the IdentityFile tokens ssh_config(5) defines that we can know here: %d %h %r %u %%. */
function expandPath(path: string, env: ResolveEnvironment & { host: string; user: string }): string {
  const tokens: Record<string, string> = { '%': '%', d: env.homeDir, h: env.host, r: env.user, u: env.localUser };
  const expanded = path.replace(/%([%dhru])/g, (_, t: string) => tokens[t] ?? '');
  if (expanded === '~') {
    return env.homeDir;
  }
  return expanded.startsWith('~/') ? `${env.homeDir.replace(/\/$/, '')}/${expanded.slice(2)}` : expanded;
}

function originPlace(origin: PoolOrigin): Pick<InventoryProblem, 'source' | 'path' | 'file' | 'line' | 'column'> {
  return origin.kind === 'settings'
    ? { source: 'settings', path: `xcpng.pools[${origin.index}]` }
    : { source: 'yaml', file: origin.file, line: origin.line, column: origin.column };
}
