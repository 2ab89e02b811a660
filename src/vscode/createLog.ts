import * as vscode from 'vscode';

/**
 * The extension's single log channel. A LogOutputChannel already satisfies core's `Log` interface, so it is
 * handed to core as is; its level follows the user's "Developer: Set Log Level".
 */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('XCP-ng Lab', { log: true });
}
