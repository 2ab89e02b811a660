import { analyzeDracutConf } from '../../lint/dracut/analyzeDracutConf';
import type { Finding } from '../../lint/finding';
import { analyzeMdadmConf } from '../../lint/mdadm/analyzeMdadmConf';
import { generateMdadmConf } from '../../lint/mdadm/generateMdadmConf';
import { parseMdadmConf } from '../../lint/mdadm/parseMdadmConf';
import { formatMdadmUuid } from '../../lint/raid/mdUuid';
import { DRACUT_MDRAID_CONF, MDADM_CONF, MDSTAT } from './raidCommands';

/** What was read from the host; a file that does not exist is undefined. */
export interface RaidFiles {
  readonly mdadmConf?: string;
  readonly dracutConf?: string;
  /** `mdadm --examine --scan`: the arrays the member superblocks describe. */
  readonly examineScan: string;
  readonly mdstat: string;
}

export interface RaidFileProblem {
  /** The host file the problem is in (or would be, when missing). */
  readonly path: string;
  /** `missing`, `scan` (disagrees with --examine --scan) or a lint rule id. */
  readonly code: string;
  readonly message: string;
  /** 1-based, for lint findings. */
  readonly line?: number;
}

export interface RaidCheckReport {
  readonly problems: readonly RaidFileProblem[];
  readonly missing: readonly string[];
}

function fromFinding(path: string, finding: Finding): RaidFileProblem {
  return { path, code: finding.code, message: finding.message, line: finding.range.start.line + 1 };
}

/**
 * The guide's check after an upgrade: both files present, mdadm.conf declaring exactly the arrays the
 * superblocks report, and each file clean under the linters with the other (and /proc/mdstat) as its sibling,
 * which is where the cross-file UUID and DEVICE checks live. Without an mdadm.conf, dracut_mdraid.conf is
 * checked against the one the scan would generate.
 */
export function checkRaidFiles(files: RaidFiles): RaidCheckReport {
  const problems: RaidFileProblem[] = [];
  const missing: string[] = [];
  const scanned = parseMdadmConf(files.examineScan).arrays.flatMap((a) => (a.uuid === undefined ? [] : [{ uuid: a.uuid, name: a.devname?.text ?? '?' }]));
  const siblings = new Map<string, string>([[MDSTAT, files.mdstat]]);
  if (files.mdadmConf === undefined) {
    missing.push(MDADM_CONF);
    problems.push({ path: MDADM_CONF, code: 'missing', message: `${MDADM_CONF} is missing: arrays are assembled by guessing at boot.` });
    siblings.set(MDADM_CONF, generateMdadmConf({ examineScan: files.examineScan, mdstat: files.mdstat }));
  } else {
    siblings.set(MDADM_CONF, files.mdadmConf);
    const declared = new Set(parseMdadmConf(files.mdadmConf).arrays.flatMap((a) => (a.uuid === undefined ? [] : [a.uuid])));
    const onDisk = new Set(scanned.map((s) => s.uuid));
    for (const s of scanned) {
      if (!declared.has(s.uuid)) problems.push({ path: MDADM_CONF, code: 'scan', message: `mdadm --examine --scan reports ${s.name} (UUID ${formatMdadmUuid(s.uuid)}), which no ARRAY line declares.` });
    }
    for (const uuid of declared) {
      if (!onDisk.has(uuid)) problems.push({ path: MDADM_CONF, code: 'scan', message: `An ARRAY line has UUID ${formatMdadmUuid(uuid)}, which no member superblock reports (mdadm --examine --scan).` });
    }
    for (const f of analyzeMdadmConf(files.mdadmConf, { fileName: MDADM_CONF, siblings })) problems.push(fromFinding(MDADM_CONF, f));
  }
  if (files.dracutConf === undefined) {
    missing.push(DRACUT_MDRAID_CONF);
    problems.push({ path: DRACUT_MDRAID_CONF, code: 'missing', message: `${DRACUT_MDRAID_CONF} is missing: the initrd does not start the arrays by UUID.` });
  } else {
    for (const f of analyzeDracutConf(files.dracutConf, { fileName: DRACUT_MDRAID_CONF, siblings })) problems.push(fromFinding(DRACUT_MDRAID_CONF, f));
  }
  return { problems, missing };
}
