import type { LabSnapshot } from '../../lab/labModel';
import { paramSet } from '../../xe/paramCommands';
import type { Runbook } from '../runbook/runbook';
import { findNetwork } from './findTarget';
import { safeRebootStep } from './safeRebootStep';

export const TRUNK_MTU = 1504;

/** Hosts whose physical NIC is on the network: they need a reboot for the NIC to take the new MTU. */
function trunkHosts(snapshot: LabSnapshot, networkUuid: string): string[] {
  const hosts = snapshot.pifs.filter((p) => p.networkUuid === networkUuid && p.physical).map((p) => p.hostUuid);
  return [...new Set(hosts)];
}

/**
 * A VLAN trunk into a router VM: the network's MTU becomes 1504 so tagged 1500-byte frames fit. Not on the
 * management network (the host would send 1504-byte packets to a 1500 LAN); VIFs take the MTU when plugged,
 * so the VMs on it must be shut down first; the physical NIC takes it when the host boots.
 */
export function vlanTrunkGuide(snapshot: LabSnapshot, networkUuid: string): Runbook {
  const network = findNetwork(snapshot, networkUuid);
  return {
    guideId: 'vlanTrunk',
    title: 'VLAN trunk (MTU 1504)',
    targetKind: 'network',
    targetUuid: networkUuid,
    targetName: network.name,
    steps: [
      {
        id: 'mtu',
        title: `Set the network's MTU to ${TRUNK_MTU}`,
        why: 'An 802.1Q tag adds 4 bytes: 1504 lets the router VM receive full 1500-byte frames on each VLAN.',
        preflight: (s) => {
          const running = s.vifs
            .filter((v) => v.networkUuid === networkUuid)
            .map((v) => s.vms.find((vm) => vm.uuid === v.vmUuid))
            .filter((vm) => vm !== undefined && vm.powerState !== 'halted')
            .map((vm) => `"${vm?.name ?? ''}"`);
          if (running.length) return { kind: 'refuse', reason: `shut down the VMs attached to it first: ${[...new Set(running)].join(', ')}` };
          const management = s.pifs.some((p) => p.networkUuid === networkUuid && p.management);
          return management
            ? {
                kind: 'warn',
                reason: 'This network carries the host\'s management interface: the host would send 1504-byte packets to a 1500-byte LAN. The guide uses a NIC of its own for the trunk.',
                action: 'Change Anyway',
              }
            : { kind: 'ok' };
        },
        commands: (s) => (findNetwork(s, networkUuid).mtu === TRUNK_MTU ? [] : [paramSet('network', networkUuid, [{ field: 'MTU', value: String(TRUNK_MTU) }]).argv]),
        verify: (_ctx, s) => {
          const mtu = findNetwork(s, networkUuid).mtu;
          return mtu === TRUNK_MTU ? undefined : `the network's MTU reads ${String(mtu)}`;
        },
      },
      safeRebootStep({
        why: 'The physical NIC takes the new MTU when the host boots.',
        hosts: (s) => trunkHosts(s, networkUuid).filter((h) => s.pifs.some((p) => p.hostUuid === h && p.networkUuid === networkUuid && p.mtu !== TRUNK_MTU)),
        applied: (_ctx, s) => {
          const stale = s.pifs.filter((p) => p.networkUuid === networkUuid && p.physical && p.mtu !== TRUNK_MTU);
          return stale.length ? `PIF ${stale.map((p) => p.device).join(', ')} still at MTU ${stale.map((p) => String(p.mtu)).join(', ')}` : undefined;
        },
      }),
      {
        id: 'guest',
        title: 'In the router VM',
        manual:
          'Attach a VIF on this network to the router VM and run the Router VM guide on it (ethtool-tx=off).\n' +
          'In pfSense / OPNsense, assign the new interface, then add one VLAN interface per tag on it.',
      },
    ],
  };
}
