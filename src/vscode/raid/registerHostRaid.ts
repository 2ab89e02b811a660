import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import type { ExplorerNode } from '../tree/explorerNode';
import { checkAfterUpgrade, type RestoreChoice } from './checkAfterUpgrade';
import { createArray } from './createArray';
import { createSr } from './createSr';
import type { CreateArraySpec } from '../../core/ops/raid/planCreateArray';
import { GeneratedDocuments } from './generatedDocuments';
import { generateHostDracutMdraid, generateHostMdadmConf } from './generateHostRaidFiles';
import type { RaidServices } from './raidServices';
import { rebuildInitrd } from './rebuildInitrd';
import { resolveRaidHost } from './resolveRaidHost';

/** The software RAID guide on a pool master: the RAID node's refresh and its actions. */
export function registerHostRaid(services: RaidServices): vscode.Disposable[] {
  const documents = new GeneratedDocuments();
  const { log } = services;
  return [
    documents,
    services.output,
    vscode.workspace.registerTextDocumentContentProvider(GeneratedDocuments.scheme, documents),
    registerCommand(log, 'xcpng.raid.refresh', async (clicked?: ExplorerNode) => {
      const target = await resolveRaidHost(services, clicked);
      return target && services.raid.read(target.poolId);
    }),
    registerCommand(log, 'xcpng.raid.generateMdadmConf', (clicked?: ExplorerNode) => generateHostMdadmConf(services, documents, clicked)),
    registerCommand(log, 'xcpng.raid.generateHostDracutMdraid', (clicked?: ExplorerNode) => generateHostDracutMdraid(services, documents, clicked)),
    registerCommand(log, 'xcpng.raid.rebuildInitrd', (clicked?: ExplorerNode) => rebuildInitrd(services, clicked)),
    registerCommand(log, 'xcpng.raid.checkAfterUpgrade', (clicked?: ExplorerNode, restore?: RestoreChoice) => checkAfterUpgrade(services, clicked, restore)),
    registerCommand(log, 'xcpng.raid.createArray', (clicked?: ExplorerNode, spec?: CreateArraySpec) => createArray(services, clicked, spec)),
    registerCommand(log, 'xcpng.raid.createSr', (clicked?: ExplorerNode, nameLabel?: string) => createSr(services, clicked, nameLabel)),
  ];
}
