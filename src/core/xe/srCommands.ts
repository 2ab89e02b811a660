import { isXeUuid, uuidArg, xeCommand, type XeCommand } from './xeCommand';
import { XeParseError } from './xeParseError';

/**
 * The seed guide's local ext SR on a device, on one host: `sr-create` with `host-uuid=` (a local SR on a pool
 * of several hosts needs it; without it xapi fails, cli_operations.ml `parse_host_uuid`). xe prints the new
 * SR's uuid and a newline. The name-label travels as one argument: quoteArgv quotes it, xeCommand refuses
 * newlines.
 */
export function srCreateExt(host: string, nameLabel: string, device: string): XeCommand<string> {
  const args = [
    'sr-create', uuidArg('host-uuid', host), `name-label=${nameLabel}`, 'type=ext', `device-config:device=${device}`, 'shared=false', 'content-type=user',
  ];
  return xeCommand(args, (stdout) => {
    const uuid = stdout.replace(/\n$/, '');
    if (!isXeUuid(uuid)) throw new XeParseError('sr-create did not print a uuid', 0, stdout);
    return uuid;
  });
}
