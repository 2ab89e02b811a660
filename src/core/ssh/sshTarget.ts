/** Where one pool master is reached: the values after inventory and ~/.ssh/config have been resolved. */
export interface SshTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** A private key file (already ~-expanded); tried after the agent. */
  readonly identityFile?: string;
}

/** `user@host:port`, the way the target appears in messages and in the command log. */
export function describeTarget(target: SshTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${target.user}@${host}:${target.port}`;
}

/** Two targets are the same connection when every field that changes the login is the same. */
export function sameTarget(a: SshTarget, b: SshTarget): boolean {
  return a.host === b.host && a.port === b.port && a.user === b.user && a.identityFile === b.identityFile;
}
