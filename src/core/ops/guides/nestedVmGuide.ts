import type { LabSnapshot } from '../../lab/labModel';
import { formatBytes } from '../../lab/formatBytes';
import { paramSet } from '../../xe/paramCommands';
import type { Runbook } from '../runbook/runbook';
import { findVm } from './findTarget';
import { nestedVirtKey } from './nestedVirtKey';
import { restartVmStep } from './restartVmStep';

const GIB = 1024 ** 3;

/**
 * A nested XCP-ng guest: nested virtualisation with the key the host's version reads, and an e1000 NIC (the
 * nested dom0 has no PV network driver at install time). Platform keys apply at the next boot, offered.
 */
export function nestedVmGuide(snapshot: LabSnapshot, vmUuid: string): Runbook {
  const vm = findVm(snapshot, vmUuid);
  // The VM's own host decides when it runs; otherwise the master's version stands for the pool.
  const host = snapshot.hosts.find((h) => h.uuid === (vm.residentOn ?? snapshot.pool.masterUuid)) ?? snapshot.hosts[0];
  const key = host ? nestedVirtKey(host.version) : 'nested-virt';
  const wanted: Record<string, string> = { [key]: 'true', nic_type: 'e1000' };
  const missing = (s: LabSnapshot): string[] => Object.entries(wanted).filter(([k, v]) => findVm(s, vmUuid).platform.get(k) !== v).map(([k]) => k);
  return {
    guideId: 'nestedVm',
    title: 'Nested XCP-ng guest',
    targetKind: 'vm',
    targetUuid: vmUuid,
    targetName: vm.name,
    steps: [
      {
        id: 'platform',
        title: `Enable nested virtualisation (platform:${key}) and an e1000 NIC`,
        why: `${host?.name ?? 'The host'} runs ${host?.version.product ?? 'an unknown version'}, which reads platform:${key}.`,
        preflight: (s) => {
          const v = findVm(s, vmUuid);
          const problems: string[] = [];
          if (v.domainType !== 'hvm') problems.push(`it is a ${v.domainType} guest, not HVM`);
          const vcpus = v.vcpus.max ?? v.vcpus.atStartup ?? 0;
          if (vcpus < 2) problems.push(`it has ${vcpus} VCPU(s), the guide needs 2 or more`);
          const memory = v.memory.staticMax ?? 0;
          if (memory < 4 * GIB) problems.push(`it has ${formatBytes(memory)} of memory, the guide needs 4 GiB or more`);
          return problems.length ? { kind: 'refuse', reason: problems.join('; ') } : { kind: 'ok' };
        },
        commands: (s) => {
          const keys = missing(s);
          return keys.length ? [paramSet('vm', vmUuid, keys.map((k) => ({ field: 'platform', key: k, value: wanted[k] ?? '' }))).argv] : [];
        },
        verify: (_ctx, s) => {
          const keys = missing(s);
          return keys.length ? `platform ${keys.join(', ')} not set` : undefined;
        },
      },
      restartVmStep(vmUuid, { why: 'Platform keys are read when the domain is created: they take effect at the next boot.', optional: true, startHalted: false }),
    ],
  };
}
