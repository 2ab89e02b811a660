import { formatBytes } from './formatBytes';
import type { Vm } from './labModel';

/** A VM's memory and VCPUs as a person reads them in a tooltip. */
export interface VmResources {
  readonly memory: string;
  readonly vcpus: string;
}

/**
 * Memory and VCPUs of a VM: what it runs with when it has a domain, what it is configured to start with
 * otherwise. xapi keeps the last metrics of a halted VM (`memory-actual` 0, `VCPUs-number` 0), which read as
 * "0 B in use, 0 VCPUs" if taken at face value.
 */
export function vmResources(vm: Vm): VmResources {
  const live = vm.powerState === 'running' || vm.powerState === 'paused';
  const inUse = live && vm.memory.actual !== null ? ` (in use ${formatBytes(vm.memory.actual)})` : '';
  const current = live ? vm.vcpus.current : null;
  const vcpus = current ?? vm.vcpus.atStartup ?? vm.vcpus.max;
  return {
    memory: `${formatBytes(vm.memory.staticMax)}${inUse}`,
    vcpus: vcpus === null ? '?' : String(vcpus),
  };
}
