const GIB = 1024 ** 3;

/**
 * The guide's dom0 memory advice, in MiB: at least 2 GiB; 4 GiB for hosts up to 64 GiB of RAM; 8 GiB from
 * 128 GiB; 16 GiB with ZFS (it caches in half of dom0's memory). Between 64 and 128 GiB the guide says
 * nothing: 4 GiB, its floor for the smaller band, is kept there.
 */
export function recommendDom0Memory(hostMemoryBytes: number, zfs: boolean): number {
  if (zfs) return 16 * 1024;
  if (hostMemoryBytes >= 128 * GIB) return 8 * 1024;
  if (hostMemoryBytes >= 8 * GIB) return 4 * 1024;
  return 2 * 1024;
}
