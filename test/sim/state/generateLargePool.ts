import type { HostSpec, ScenarioSpec, VmSpec } from './scenarioSpec';

/**
 * A big pool for benchmarks, generated at load time rather than committed: `hosts` hosts sharing one NFS
 * SR and two networks, `vms` guests spread round-robin, about two thirds running.
 */
export function generateLargePool(base: ScenarioSpec, vms: number, hostCount: number): ScenarioSpec {
  const hosts: HostSpec[] = Array.from({ length: hostCount }, (_, i) => ({
    key: `h${i + 1}`,
    'name-label': `xcp-big-${String(i + 1).padStart(2, '0')}`,
    address: `10.20.0.${11 + i}`,
    memoryGiB: 512,
    cpus: 64,
    dom0MemoryMiB: 8192,
    dom0Vcpus: 16,
    raid: ['md127'],
  }));
  const presets = ['debian', 'ubuntu', 'centos', 'windows'] as const;
  const guests: VmSpec[] = Array.from({ length: vms }, (_, i) => {
    const n = i + 1;
    const guest = presets[i % presets.length] ?? 'debian';
    const running = i % 3 !== 2;
    return {
      key: `vm${n}`,
      'name-label': `${guest === 'windows' ? 'win' : 'srv'}-${String(n).padStart(4, '0')}`,
      'power-state': running ? 'running' : 'halted',
      on: `h${(i % hostCount) + 1}`,
      vcpus: 1 + (i % 4),
      memoryMiB: 1024 * (1 + (i % 4)),
      firmware: guest === 'windows' ? 'uefi' : 'bios',
      guest,
      disks: ['nfs'],
      vifs: [{ network: 'lan', ip: `10.21.${Math.floor(n / 250)}.${(n % 250) + 1}` }],
      tags: i % 10 === 0 ? ['bench', `group-${i % 7}`] : [],
    };
  });
  return {
    ...base,
    productVersion: base.productVersion ?? '8.3.0',
    pool: { 'name-label': base.pool?.['name-label'] ?? 'Benchmark pool', master: 'h1', 'default-SR': 'nfs' },
    hosts,
    networks: [
      { key: 'lan', 'name-label': 'Pool-wide network associated with eth0', bridge: 'xenbr0', device: 'eth0', management: true },
      { key: 'storage', 'name-label': 'Storage', bridge: 'xenbr1', device: 'eth1', MTU: 9000 },
    ],
    srs: [
      ...hosts.map((h) => ({ key: `local-${h.key}`, 'name-label': 'Local storage', type: 'ext', hosts: [h.key], sizeGiB: 1800, usedGiB: 40 })),
      { key: 'nfs', 'name-label': 'Bench NFS', type: 'nfs', hosts: 'all' as const, sizeGiB: 40000, usedGiB: 21000 },
      { key: 'tools', 'name-label': 'XCP-ng Tools', type: 'iso', 'content-type': 'iso', hosts: 'all' as const, unknownSize: true, fields: { 'is-tools-sr': 'true' } },
    ],
    vms: guests,
  };
}
