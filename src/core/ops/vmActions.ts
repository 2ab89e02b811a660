import type { PowerState } from '../lab/labModel';
import { vmMigrate, vmReboot, vmResume, vmShutdown, vmStart, vmSuspend } from '../xe/vmCommands';
import type { XeCommand } from '../xe/xeCommand';

export type VmActionId =
  | 'start'
  | 'startOn'
  | 'shutdown'
  | 'forceShutdown'
  | 'reboot'
  | 'forceReboot'
  | 'suspend'
  | 'resume'
  | 'migrate';

/** One VM power or placement action: what it needs, what it sends, and what the VM looks like after. */
export interface VmAction {
  readonly id: VmActionId;
  /** For messages: "cannot <verb>: ...". */
  readonly verb: string;
  /** Power states xapi accepts for it (xe-cli.md §9, VM_BAD_POWER_STATE `expected`). */
  readonly from: readonly PowerState[];
  /** The power state verification waits for. */
  readonly expect: PowerState;
  /** Loses guest state (unsaved work, open connections): asks in a modal first. */
  readonly destructive: boolean;
  /** Takes a destination host. */
  readonly needsHost: boolean;
  command(vmUuid: string, hostUuid?: string): XeCommand<void>;
}

function requireHost(hostUuid: string | undefined, verb: string): string {
  if (hostUuid === undefined) throw new RangeError(`${verb} needs a destination host`);
  return hostUuid;
}

export const VM_ACTIONS: Readonly<Record<VmActionId, VmAction>> = {
  start: { id: 'start', verb: 'start', from: ['halted'], expect: 'running', destructive: false, needsHost: false, command: (vm) => vmStart(vm) },
  startOn: {
    id: 'startOn', verb: 'start', from: ['halted'], expect: 'running', destructive: false, needsHost: true,
    command: (vm, host) => vmStart(vm, { onHost: requireHost(host, 'start on') }),
  },
  shutdown: { id: 'shutdown', verb: 'shut down', from: ['running'], expect: 'halted', destructive: false, needsHost: false, command: (vm) => vmShutdown(vm) },
  forceShutdown: {
    id: 'forceShutdown', verb: 'force shut down', from: ['paused', 'suspended', 'running'], expect: 'halted', destructive: true, needsHost: false,
    command: (vm) => vmShutdown(vm, { force: true }),
  },
  reboot: { id: 'reboot', verb: 'reboot', from: ['running'], expect: 'running', destructive: false, needsHost: false, command: (vm) => vmReboot(vm) },
  forceReboot: {
    id: 'forceReboot', verb: 'force reboot', from: ['paused', 'running'], expect: 'running', destructive: true, needsHost: false,
    command: (vm) => vmReboot(vm, { force: true }),
  },
  suspend: { id: 'suspend', verb: 'suspend', from: ['running'], expect: 'suspended', destructive: false, needsHost: false, command: (vm) => vmSuspend(vm) },
  resume: { id: 'resume', verb: 'resume', from: ['suspended'], expect: 'running', destructive: false, needsHost: false, command: (vm) => vmResume(vm) },
  migrate: {
    id: 'migrate', verb: 'migrate', from: ['running'], expect: 'running', destructive: false, needsHost: true,
    command: (vm, host) => vmMigrate(vm, requireHost(host, 'migrate')),
  },
};
