import type { SimRecord } from '../state/simState';
import { hostCanSeeSrs, hostFreeMemory, num, refText, str, type ViewContext } from './fieldValue';
import { apiError } from './xeFailure';

/** Memory a VM needs on a host it is not yet running on. */
export function memoryNeeded(vm: SimRecord): number {
  return num(vm, 'memory-dynamic-max') + num(vm, 'memory-overhead');
}

/**
 * The checks of xapi's assert_can_boot_here that the simulator models, in order: host reachable,
 * enabled, sees every SR of the VM's disks, has the memory (unless the VM already runs there).
 */
export function assertCanBootHere(ctx: ViewContext, vm: SimRecord, host: SimRecord, memoryCheck = true): void {
  if (str(host, 'host-metrics-live', 'true') !== 'true') throw apiError('HOST_OFFLINE', refText(host));
  if (str(host, 'enabled', 'true') !== 'true') throw apiError('HOST_DISABLED', refText(host));
  const missing = hostCanSeeSrs(ctx, vm, host.uuid);
  if (missing) throw apiError('VM_REQUIRES_SR', refText(vm), refText(missing));
  if (memoryCheck && vm['resident-on'] !== host.uuid) {
    const needed = memoryNeeded(vm);
    const available = hostFreeMemory(ctx, host);
    if (needed > available) throw apiError('HOST_NOT_ENOUGH_FREE_MEMORY', String(needed), String(available));
  }
}

/** Error of assert_can_boot_here as a value, for the per-host table of vm-start. */
export function bootRefusal(ctx: ViewContext, vm: SimRecord, host: SimRecord): Error | undefined {
  try {
    assertCanBootHere(ctx, vm, host);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

/** xapi's host choice for start/resume without `on=`: the affinity host if it can take the VM, else the one with most free memory. */
export function chooseHost(ctx: ViewContext, vm: SimRecord): SimRecord | undefined {
  const affinity = ctx.find(vm['affinity']);
  if (affinity && ctx.state.hosts.includes(affinity) && !bootRefusal(ctx, vm, affinity)) return affinity;
  const fits = ctx.state.hosts.filter((h) => !bootRefusal(ctx, vm, h));
  fits.sort((a, b) => hostFreeMemory(ctx, b) - hostFreeMemory(ctx, a));
  return fits[0];
}

/** `host=`, `on=`: a host named by uuid, name-label or hostname. */
export function findHost(ctx: ViewContext, text: string): SimRecord | undefined {
  return ctx.state.hosts.find((h) => h.uuid === text || str(h, 'name-label') === text || str(h, 'hostname') === text);
}
