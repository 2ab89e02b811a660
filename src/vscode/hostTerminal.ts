import * as vscode from 'vscode';
import type { ClientChannel } from 'ssh2';
import type { SshConnection } from '../core/ssh/sshConnection';

/**
 * A VS Code terminal on a shell channel of the pool's existing SSH connection: no external ssh binary, the
 * same host key check and credentials as the tree.
 */
export function openHostTerminal(connection: SshConnection, title: string, log: vscode.LogOutputChannel): vscode.Terminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let channel: ClientChannel | undefined;
  let size: vscode.TerminalDimensions | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: (dimensions) => {
      size = dimensions;
      write.fire(`Connecting to ${title}...\r\n`);
      connection
        .openShell({ cols: dimensions?.columns ?? 80, rows: dimensions?.rows ?? 24 })
        .then((opened) => {
          channel = opened;
          opened.setEncoding('utf8');
          opened.on('data', (data: string) => write.fire(data));
          opened.stderr.on('data', (data: Buffer) => write.fire(data.toString('utf8')));
          opened.on('close', () => close.fire(0));
          if (size) opened.setWindow(size.rows, size.columns, 0, 0);
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          log.error(`Terminal on ${title} failed:`, error);
          write.fire(`\r\n${message}\r\nPress any key to close.\r\n`);
          channel = undefined;
        });
    },
    close: () => {
      channel?.end();
      write.dispose();
      close.dispose();
    },
    handleInput: (data) => {
      if (channel) channel.write(data);
      else close.fire(1);
    },
    setDimensions: (dimensions) => {
      size = dimensions;
      channel?.setWindow(dimensions.rows, dimensions.columns, 0, 0);
    },
  };
  const terminal = vscode.window.createTerminal({ name: `XCP-ng: ${title}`, pty, iconPath: new vscode.ThemeIcon('server') });
  terminal.show();
  return terminal;
}
