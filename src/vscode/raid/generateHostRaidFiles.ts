import * as vscode from 'vscode';
import { generateDracutMdraid } from '../../core/lint/dracut/generateDracutMdraid';
import { generateMdadmConf } from '../../core/lint/mdadm/generateMdadmConf';
import { DRACUT_MDRAID_CONF, examineScanArgv, MDADM_CONF } from '../../core/ops/raid/raidCommands';
import { runChecked } from '../../core/ops/runbook/runRunbook';
import type { ExplorerNode } from '../tree/explorerNode';
import type { GeneratedDocuments } from './generatedDocuments';
import { proposeHostFile, type ProposedFile } from './proposeHostFile';
import type { RaidServices } from './raidServices';
import { resolveRaidHost, type RaidHost } from './resolveRaidHost';

/** The guide's mdadm.conf for the arrays the host reports now: `--examine --scan` plus /proc/mdstat's members. */
async function mdadmConfFor(services: RaidServices, target: RaidHost): Promise<string> {
  const examineScan = await runChecked({ exec: target.exec }, examineScanArgv(), 'mdadm --examine --scan');
  const raid = await services.raid.read(target.poolId);
  if (examineScan.trim() === '') throw new Error(`mdadm --examine --scan found no arrays on ${target.host.name}: there is nothing to describe.`);
  return generateMdadmConf({ examineScan, mdstat: raid.text });
}

/** "Generate mdadm.conf": from the scan, shown as a diff against /etc/mdadm.conf, written after the modal. */
export async function generateHostMdadmConf(services: RaidServices, documents: GeneratedDocuments, clicked?: ExplorerNode): Promise<ProposedFile | undefined> {
  const target = await resolveRaidHost(services, clicked);
  if (!target) return undefined;
  return proposeHostFile(services, documents, target, MDADM_CONF, await mdadmConfFor(services, target));
}

/**
 * "Generate dracut_mdraid.conf": from the same scan-based mdadm.conf (not the file on the host, which may be
 * stale), so the two files agree whatever order they are written in.
 */
export async function generateHostDracutMdraid(services: RaidServices, documents: GeneratedDocuments, clicked?: ExplorerNode): Promise<ProposedFile | undefined> {
  const target = await resolveRaidHost(services, clicked);
  if (!target) return undefined;
  const proposed = await proposeHostFile(services, documents, target, DRACUT_MDRAID_CONF, generateDracutMdraid(await mdadmConfFor(services, target)));
  if (proposed.written) {
    void vscode.window.showInformationMessage(`${DRACUT_MDRAID_CONF} is written on ${target.host.name}. Rebuild the initrd so it takes effect.`, 'Rebuild Initrd').then((c) => {
      if (c) void vscode.commands.executeCommand('xcpng.raid.rebuildInitrd', services.explorer.raidNode(target.poolId));
    });
  }
  return proposed;
}
