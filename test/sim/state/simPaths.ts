import * as path from 'node:path';

/** Layout of one simulated server's working directory. */
export interface SimPaths {
  dir: string;
  /** Shared by every login user, so it is world-writable: state, its lock and the argv log. */
  varDir: string;
  stateFile: string;
  lockFile: string;
  argvLogFile: string;
  /** The simulated host's files, served at their real paths inside the server's mount namespace. */
  root: string;
  /** Stand-in launchers, first on the login PATH. */
  bin: string;
  ssh: string;
  ns: string;
  home: string;
}

export function simPaths(dir: string): SimPaths {
  const d = path.resolve(dir);
  const varDir = path.join(d, 'var');
  return {
    dir: d,
    varDir,
    stateFile: path.join(varDir, 'state.json'),
    lockFile: path.join(varDir, 'state.lock'),
    argvLogFile: path.join(varDir, 'argv.log'),
    root: path.join(d, 'root'),
    bin: path.join(d, 'bin'),
    ssh: path.join(d, 'ssh'),
    ns: path.join(d, 'ns'),
    home: path.join(d, 'home'),
  };
}

/** Where a path of the simulated host lives on this machine, for code that runs outside the namespace. */
export function hostPath(paths: SimPaths, absolute: string): string {
  for (const prefix of ['/etc/', '/boot/', '/opt/', '/proc/mdstat', '/root/']) {
    if (absolute.startsWith(prefix) || absolute === prefix.replace(/\/$/, '')) return path.join(paths.root, absolute);
  }
  return absolute;
}
