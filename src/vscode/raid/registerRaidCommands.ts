import * as vscode from 'vscode';
import type { Confirm } from '../../core/ops/confirm';
import { registerCommand } from '../commands/registerCommand';
import { generateDracutMdraid } from './generateDracutMdraid';
import { RaidCodeLensProvider } from './raidCodeLensProvider';

/** The RAID guide's generate step as a command and as code lenses on mdadm.conf and dracut configs. */
export function registerRaidCommands(log: vscode.LogOutputChannel, confirm: Confirm): vscode.Disposable[] {
  return [
    registerCommand(log, 'xcpng.raid.generateDracutMdraid', (uri?: vscode.Uri) => generateDracutMdraid(confirm, uri)),
    vscode.languages.registerCodeLensProvider(RaidCodeLensProvider.selector, new RaidCodeLensProvider()),
  ];
}
