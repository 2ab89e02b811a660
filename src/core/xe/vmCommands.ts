import { ignoreOutput, uuidArg, xeCommand, type XeCommand } from './xeCommand';

/** Power and placement commands for one VM, always selected by `uuid=` (xe-cli.md §8). All print nothing. */

export function vmStart(vm: string, options: { onHost?: string; paused?: boolean } = {}): XeCommand<void> {
  const args = ['vm-start', uuidArg('uuid', vm)];
  if (options.onHost !== undefined) {
    // on= takes a name or a uuid; we only ever hand it a uuid.
    args.push(uuidArg('on', options.onHost));
  }
  if (options.paused === true) {
    args.push('paused=true');
  }
  return xeCommand(args, ignoreOutput);
}

/** Clean shutdown, or hard shutdown with `force` (also valid on paused and suspended VMs). */
export function vmShutdown(vm: string, options: { force?: boolean } = {}): XeCommand<void> {
  return xeCommand(['vm-shutdown', uuidArg('uuid', vm), ...forceFlag(options.force)], ignoreOutput);
}

/** Clean reboot, or hard reboot with `force`. */
export function vmReboot(vm: string, options: { force?: boolean } = {}): XeCommand<void> {
  return xeCommand(['vm-reboot', uuidArg('uuid', vm), ...forceFlag(options.force)], ignoreOutput);
}

export function vmSuspend(vm: string): XeCommand<void> {
  return xeCommand(['vm-suspend', uuidArg('uuid', vm)], ignoreOutput);
}

export function vmResume(vm: string, options: { onHost?: string } = {}): XeCommand<void> {
  const args = ['vm-resume', uuidArg('uuid', vm)];
  if (options.onHost !== undefined) {
    args.push(uuidArg('on', options.onHost));
  }
  return xeCommand(args, ignoreOutput);
}

/** Intra-pool migration (VM.pool_migrate); `host-uuid=` rather than `host=`, which also matches names. */
export function vmMigrate(vm: string, host: string, options: { live?: boolean } = {}): XeCommand<void> {
  const args = ['vm-migrate', uuidArg('uuid', vm), uuidArg('host-uuid', host)];
  if (options.live !== undefined) {
    args.push(`live=${options.live}`);
  }
  return xeCommand(args, ignoreOutput);
}

function forceFlag(force: boolean | undefined): string[] {
  return force === true ? ['--force'] : [];
}
