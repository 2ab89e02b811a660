import { vmShutdown, vmStart } from '../../xe/vmCommands';
import type { RunbookStep } from '../runbook/runbook';
import { findVm } from './findTarget';

/**
 * A full shut down then start of a VM (or a start of a halted one when `startHalted`): settings read at
 * domain creation (VIF and platform keys) only apply then. Asks first, since the guest goes down.
 */
export function restartVmStep(vmUuid: string, options: { why: string; optional: boolean; startHalted: boolean }): RunbookStep {
  return {
    id: 'restart',
    title: 'Shut down and start the VM',
    why: options.why,
    optional: options.optional,
    skipWhenVerified: false,
    preflight: (snapshot) => {
      const vm = findVm(snapshot, vmUuid);
      return vm.powerState === 'running' || vm.powerState === 'halted'
        ? { kind: 'ok' }
        : { kind: 'refuse', reason: `the VM is ${vm.powerState}: resume or shut it down first` };
    },
    commands: (snapshot) => {
      const vm = findVm(snapshot, vmUuid);
      if (vm.powerState === 'running') return [vmShutdown(vmUuid).argv, vmStart(vmUuid).argv];
      return options.startHalted ? [vmStart(vmUuid).argv] : [];
    },
    confirm: (snapshot) => {
      const vm = findVm(snapshot, vmUuid);
      return vm.powerState === 'running'
        ? { message: `Shut down and start "${vm.name}"?`, detail: `${options.why}\n\nThe guest shuts down cleanly, then starts again.`, action: 'Shut Down and Start' }
        : undefined;
    },
    verify: (_ctx, snapshot) => {
      const vm = findVm(snapshot, vmUuid);
      return vm.powerState === 'running' ? undefined : `the VM is ${vm.powerState}`;
    },
  };
}
