import type { LabSnapshot, Vif, Vm } from '../../lab/labModel';

/** The mark the Router VM guide leaves on its VM; the tree's `:router` facet reads the same key. */
export const GUIDE_MARK_KEY = 'xcpng-lab.guide';
export const ROUTER_MARK = 'router';

export function isRouterVm(vm: Vm): boolean {
  return vm.otherConfig.get(GUIDE_MARK_KEY) === ROUTER_MARK;
}

/** The VIFs of a VM still offloading TX checksums (no `other-config:ethtool-tx=off`). */
export function vifsWithTxOffload(snapshot: LabSnapshot, vmUuid: string): Vif[] {
  return snapshot.vifs.filter((v) => v.vmUuid === vmUuid && v.otherConfig.get('ethtool-tx') !== 'off');
}

/** Drift of a router VM: a VIF added after the guide ran, without the setting. undefined when none. */
export function routerVifDrift(snapshot: LabSnapshot, vm: Vm): string | undefined {
  if (!isRouterVm(vm)) return undefined;
  const missing = vifsWithTxOffload(snapshot, vm.uuid);
  if (missing.length === 0) return undefined;
  return `router VM: VIF ${missing.map((v) => v.device).join(', ')} lacks ethtool-tx=off (run the Router VM guide again)`;
}
