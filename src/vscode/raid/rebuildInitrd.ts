import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors';
import { kernelVersionArgv, parseKernelVersion, rebuildInitrdArgv } from '../../core/ops/raid/raidCommands';
import type { Argv } from '../../core/ops/runbook/runbook';
import { runChecked } from '../../core/ops/runbook/runRunbook';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import { withCancellableProgress } from '../commands/withCancellableProgress';
import type { ExplorerNode } from '../tree/explorerNode';
import type { RaidServices } from './raidServices';
import { resolveRaidHost } from './resolveRaidHost';

export interface InitrdRebuild {
  readonly argv: Argv;
  readonly output: string;
}

/**
 * "Rebuild initrd": reads `uname -r`, shows the exact dracut command and asks, runs it with progress (its
 * module list goes to the output), then reminds to reboot and offers the safe reboot.
 */
export async function rebuildInitrd(services: RaidServices, clicked?: ExplorerNode): Promise<InitrdRebuild | undefined> {
  const target = await resolveRaidHost(services, clicked);
  if (!target) return undefined;
  const { host, exec } = target;
  const kernel = parseKernelVersion(await runChecked({ exec }, kernelVersionArgv(), 'read the kernel version'));
  const argv = rebuildInitrdArgv(kernel);
  services.log.info(`Rebuild initrd on ${host.name}: $ ${quoteArgv(argv)}`);
  const yes = await services.confirm.confirm({
    message: `Rebuild the initrd of ${host.name}?`,
    detail:
      `dracut writes a new /boot/initrd-${kernel}.img from /etc/dracut.conf, /etc/dracut.conf.d/*.conf and /etc/mdadm.conf. ` +
      `The host boots with it at the next reboot.\n\nCommand:\n${quoteArgv(argv)}`,
    action: 'Rebuild Initrd',
  });
  if (!yes) throw new CancelledError();
  const output = await services.locks.run(`host:${host.uuid}`, 'rebuild the initrd', async () =>
    withCancellableProgress(`Rebuilding the initrd of ${host.name}`, async (signal, report) => {
      report(`dracut --force -M /boot/initrd-${kernel}.img ${kernel}`);
      return runChecked({ exec, signal }, argv, 'Rebuild initrd');
    }),
  );
  services.output.appendLine(`$ ${quoteArgv(argv)}`);
  services.output.append(output);
  void vscode.window
    .showInformationMessage(`The initrd of ${host.name} is rebuilt (${output.split('\n').filter(Boolean).length} dracut modules). Reboot the host to boot with it.`, 'Reboot Safely...', 'Show Modules')
    .then((choice) => {
      if (choice === 'Reboot Safely...') void vscode.commands.executeCommand('xcpng.host.reboot', target.hostNode);
      if (choice === 'Show Modules') services.output.show(true);
    });
  return { argv, output };
}
