import * as path from 'node:path';

/**
 * The known_hosts files OpenSSH reads when ssh_config sets nothing else (ssh_config(5): UserKnownHostsFile,
 * GlobalKnownHostsFile), user files first. Missing files are fine; the trust store skips them.
 */
export function defaultKnownHostsFiles(homeDir: string): string[] {
  return [
    path.join(homeDir, '.ssh', 'known_hosts'),
    path.join(homeDir, '.ssh', 'known_hosts2'),
    '/etc/ssh/ssh_known_hosts',
    '/etc/ssh/ssh_known_hosts2',
  ];
}
