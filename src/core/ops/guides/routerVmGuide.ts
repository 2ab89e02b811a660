import type { LabSnapshot } from '../../lab/labModel';
import { paramSet } from '../../xe/paramCommands';
import type { Runbook } from '../runbook/runbook';
import { findVm } from './findTarget';
import { restartVmStep } from './restartVmStep';
import { GUIDE_MARK_KEY, isRouterVm, ROUTER_MARK, vifsWithTxOffload } from './routerVifDrift';

/**
 * pfSense / OPNsense in a VM: FreeBSD guests drop or corrupt packets when Xen offloads TX checksums to them,
 * so every VIF gets `other-config:ethtool-tx=off`, which only applies when the VIF is plugged at VM start.
 */
export function routerVmGuide(snapshot: LabSnapshot, vmUuid: string): Runbook {
  const vm = findVm(snapshot, vmUuid);
  return {
    guideId: 'routerVm',
    title: 'Router VM (pfSense / OPNsense)',
    targetKind: 'vm',
    targetUuid: vmUuid,
    targetName: vm.name,
    steps: [
      {
        id: 'mark',
        title: 'Mark the VM as a router',
        why: 'So the explorer can warn when a VIF is added later without the setting.',
        commands: (s) => (isRouterVm(findVm(s, vmUuid)) ? [] : [paramSet('vm', vmUuid, [{ field: 'other-config', key: GUIDE_MARK_KEY, value: ROUTER_MARK }]).argv]),
        verify: (_ctx, s) => (isRouterVm(findVm(s, vmUuid)) ? undefined : 'the VM is not marked as a router'),
      },
      {
        id: 'ethtool',
        title: 'Turn TX checksum offload off on every VIF',
        why: 'The FreeBSD netfront driver mishandles offloaded checksums: traffic through the router stalls or is dropped.',
        commands: (s) => vifsWithTxOffload(s, vmUuid).map((v) => paramSet('vif', v.uuid, [{ field: 'other-config', key: 'ethtool-tx', value: 'off' }]).argv),
        verify: (_ctx, s) => {
          const missing = vifsWithTxOffload(s, vmUuid);
          return missing.length === 0 ? undefined : `VIF ${missing.map((v) => v.device).join(', ')} without ethtool-tx=off`;
        },
      },
      restartVmStep(vmUuid, {
        why:
          'ethtool-tx is applied when a VIF is plugged, which a VM start does for every VIF. A reboot is not used: ' +
          'it may keep the running domain\'s devices, so the setting would silently not apply until the next cold start.',
        optional: false,
        startHalted: false,
      }),
      {
        id: 'guest',
        title: 'In the guest',
        manual:
          'Install the Xen guest utilities (pfSense: pkg install xe-guest-utilities; OPNsense: the os-xen plugin) and enable the service.\n' +
          'In System > Advanced > Networking, tick "Disable hardware checksum offload", then reboot the guest from its own menu.',
      },
    ],
  };
}
