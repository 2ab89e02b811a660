import { ignoreOutput, uuidArg, xeCommand, type XeCommand } from './xeCommand';

/**
 * Host state commands, selected by `uuid=` (a missing selector means every host, §8). All print nothing.
 * host-evacuate does not disable the host and host-reboot/-shutdown refuse an enabled one
 * (HOST_NOT_DISABLED): the ordering is the caller's job (src/core/ops).
 */

export function hostDisable(host: string): XeCommand<void> {
  return xeCommand(['host-disable', uuidArg('uuid', host)], ignoreOutput);
}

export function hostEnable(host: string): XeCommand<void> {
  return xeCommand(['host-enable', uuidArg('uuid', host)], ignoreOutput);
}

export function hostEvacuate(host: string): XeCommand<void> {
  return xeCommand(['host-evacuate', uuidArg('uuid', host)], ignoreOutput);
}

export function hostReboot(host: string): XeCommand<void> {
  return xeCommand(['host-reboot', uuidArg('uuid', host)], ignoreOutput);
}

export function hostShutdown(host: string): XeCommand<void> {
  return xeCommand(['host-shutdown', uuidArg('uuid', host)], ignoreOutput);
}
