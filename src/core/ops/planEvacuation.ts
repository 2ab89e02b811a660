import type { Host, LabSnapshot, Vm } from '../lab/labModel';

export interface EvacuationMove {
  readonly vm: Vm;
  readonly to: Host;
}

export interface EvacuationPlan {
  readonly moves: readonly EvacuationMove[];
  /** VMs no other host can take, with the reason in words. */
  readonly stuck: readonly { readonly vm: Vm; readonly reason: string }[];
}

/** The VMs a host must be emptied of: every guest running or paused there (dom0 stays). */
export function residentGuests(snapshot: LabSnapshot, hostUuid: string): Vm[] {
  return snapshot.vms.filter((vm) => vm.residentOn === hostUuid && (vm.powerState === 'running' || vm.powerState === 'paused'));
}

/**
 * Where each VM of a host goes: to the enabled host with the most free memory left after the moves already
 * planned (xapi's own evacuation plan is memory-driven too). A VM that fits nowhere is listed with why, so
 * the user hears about it before the host is disabled, not halfway through.
 */
export function planEvacuation(snapshot: LabSnapshot, hostUuid: string): EvacuationPlan {
  const free = new Map<string, number>();
  const others = snapshot.hosts.filter((h) => h.uuid !== hostUuid && h.enabled);
  for (const h of others) free.set(h.uuid, h.memoryFree ?? 0);
  const moves: EvacuationMove[] = [];
  const stuck: { vm: Vm; reason: string }[] = [];
  // Largest first, so big VMs are not left without room by small ones.
  const vms = residentGuests(snapshot, hostUuid).sort((a, b) => need(b) - need(a));
  for (const vm of vms) {
    if (others.length === 0) {
      stuck.push({ vm, reason: 'no other enabled host in the pool' });
      continue;
    }
    const best = others
      .filter((h) => (free.get(h.uuid) ?? 0) >= need(vm))
      .sort((a, b) => (free.get(b.uuid) ?? 0) - (free.get(a.uuid) ?? 0))[0];
    if (!best) {
      stuck.push({ vm, reason: `no enabled host has ${Math.ceil(need(vm) / 2 ** 20)} MiB free` });
      continue;
    }
    free.set(best.uuid, (free.get(best.uuid) ?? 0) - need(vm));
    moves.push({ vm, to: best });
  }
  return { moves, stuck };
}

function need(vm: Vm): number {
  return vm.memory.actual ?? vm.memory.dynamicMax ?? vm.memory.staticMax ?? 0;
}
