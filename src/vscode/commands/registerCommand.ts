import * as vscode from 'vscode';
import { isCancelled } from '../../core/errors';

const commandRan = new vscode.EventEmitter<string>();

/** Fires with the id of each command of ours as it starts, whoever ran it (menu, palette, lens, link). */
export const onDidRunCommand = commandRan.event;

/**
 * Registers a command behind the one error wrapper every handler goes through: the stack goes to the log,
 * the user sees one message with a way to the log, and cancellation stays silent.
 */
export function registerCommand(
  log: vscode.LogOutputChannel,
  id: string,
  handler: (...args: never[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    commandRan.fire(id);
    try {
      return await (handler as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      if (isCancelled(error)) {
        log.debug(`${id}: cancelled`);
        return undefined;
      }
      log.error(`${id} failed:`, error);
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
        if (choice === 'Show Log') log.show(true);
      });
      return undefined;
    }
  });
}
