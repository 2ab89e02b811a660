/**
 * Which dom0 the remote files reach. The extension holds one SSH connection per pool, to the pool master, and
 * never asks for credentials of other hosts, so only the master's files can be opened. The message says how to
 * reach another host instead.
 */
export function masterOnlyMessage(hostName: string, hostAddress: string, poolName: string): string {
  return (
    `${hostName} is not the pool master of ${poolName}: dom0 files open only on the pool master, over the pool's SSH connection. ` +
    `To edit ${hostName}'s files, open the master's SSH terminal and run "ssh ${hostAddress}" there.`
  );
}
