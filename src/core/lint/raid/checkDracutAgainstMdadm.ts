import { dracutFinding } from '../dracut/dracutRules';
import type { DracutValueItem, MdUuidToken } from '../dracut/dracutValueItems';
import type { DracutSource } from '../dracut/lexDracutConf';
import { isContiguous } from '../dracut/readDracutAssignments';
import type { Finding, Fix, Range, TextEdit } from '../finding';
import { insertLineEdit } from '../lineEdits';
import type { LintContext } from '../languageSupport';
import { parseMdadmConf } from '../mdadm/parseMdadmConf';
import { joinCapped } from '../joinCapped';
import { NearestWithin } from '../nearestWithin';
import { mdDeviceKey } from './mdDeviceKey';
import { formatMdadmUuid, parseDracutMdUuid } from './mdUuid';
import { dracutSiblingPaths } from './raidSiblingPaths';

/** What the dracut side contributes to the cross-check. */
export interface DracutRaidFacts {
  readonly source: DracutSource;
  readonly uuidTokens: readonly MdUuidToken[];
  readonly addDevices: readonly DracutValueItem[];
}

/** The mdadm.conf mdadm itself would read for this root: `etc/mdadm.conf`, else `etc/mdadm/mdadm.conf`. */
function siblingMdadmConf(context: LintContext): string | undefined {
  for (const path of dracutSiblingPaths(context.fileName)) {
    const text = context.siblings?.get(path);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** A typo is a few digits off; anything further is another array, not a suggestion. */
const UUID_TYPO_DISTANCE = 4;

/**
 * How many arrays a message names, and how many one-array fixes a finding offers, before the rest are only
 * counted: a real root has a handful of arrays, a generated or corrupted one may have thousands.
 */
const NAMED_LIMIT = 10;

function rangeOf(source: DracutSource, start: number, end: number): Range {
  return { start: source.positionAt(start), end: source.positionAt(end) };
}

/** New `kernel_cmdline+=" rd.md.uuid=... "` lines after the line holding `afterOffset`. */
function insertUuidLines(source: DracutSource, afterOffset: number, uuids: readonly string[]): TextEdit {
  const text = uuids.map((uuid) => `kernel_cmdline+=" rd.md.uuid=${formatMdadmUuid(uuid)} "`).join('\n');
  return insertLineEdit(source, source.positionAt(afterOffset).line, text);
}

/**
 * config-formats.md §7, dracut side: every rd.md.uuid names an ARRAY of the sibling mdadm.conf, every ARRAY
 * is listed once any rd.md.uuid is (dracut then assembles only the listed ones), and add_device names declared
 * arrays. Silent when the root has no mdadm.conf.
 */
export function checkDracutAgainstMdadm(facts: DracutRaidFacts, context: LintContext): Finding[] {
  const mdadmText = siblingMdadmConf(context);
  if (mdadmText === undefined) return [];
  const conf = parseMdadmConf(mdadmText);
  const { source } = facts;
  const findings: Finding[] = [];
  const arrayUuids = conf.arrays.flatMap((a) => (a.uuid === undefined ? [] : [a.uuid]));
  const declaredUuids = new Set(arrayUuids);
  let typos: NearestWithin | undefined;
  const listed = new Set<string>();
  for (const token of facts.uuidTokens) {
    const hex = parseDracutMdUuid(token.value)?.toLowerCase();
    if (hex === undefined) continue;
    listed.add(hex);
    if (declaredUuids.has(hex)) continue;
    typos ??= new NearestWithin(arrayUuids, UUID_TYPO_DISTANCE);
    const suggestion = typos.nearest(hex);
    const fixes: Fix[] =
      suggestion !== undefined && isContiguous(token.item, token.item.text.length - token.value.length)
        ? [{ title: `Use ${formatMdadmUuid(suggestion)} from mdadm.conf`, edits: [{ range: rangeOf(source, token.valueStart, token.item.end), newText: formatMdadmUuid(suggestion) }], preferred: true }]
        : [];
    findings.push(
      dracutFinding(
        'dracut/md-uuid-unknown',
        rangeOf(source, token.valueStart, token.item.end),
        `No ARRAY in mdadm.conf has the UUID ${token.value}, so this array is never assembled at boot.${suggestion !== undefined ? ` Did you mean ${formatMdadmUuid(suggestion)}?` : ' Copy the UUID from mdadm.conf (mdadm --examine --scan).'}`,
        fixes,
      ),
    );
  }
  const first = facts.uuidTokens[0];
  const last = facts.uuidTokens[facts.uuidTokens.length - 1];
  const missing = [...declaredUuids].filter((uuid) => !listed.has(uuid));
  if (first && last && missing.length > 0) {
    const after = last.item.assignment.word.end;
    const named = missing.slice(0, NAMED_LIMIT);
    const fixes: Fix[] = named.map((uuid) => ({ title: `Add rd.md.uuid=${formatMdadmUuid(uuid)} from mdadm.conf`, edits: [insertUuidLines(source, after, [uuid])] }));
    if (missing.length > 1) fixes.unshift({ title: 'Add every missing rd.md.uuid from mdadm.conf', edits: [insertUuidLines(source, after, missing)], preferred: true });
    else fixes[0] = { ...(fixes[0] as Fix), preferred: true };
    const firstArrayOf = new Map<string, (typeof conf.arrays)[number]>();
    for (const array of conf.arrays) if (array.uuid !== undefined && !firstArrayOf.has(array.uuid)) firstArrayOf.set(array.uuid, array);
    const names = named.map((uuid) => {
      const array = firstArrayOf.get(uuid);
      return array?.devname ? `${array.devname.text} (${formatMdadmUuid(uuid)})` : formatMdadmUuid(uuid);
    });
    findings.push(
      dracutFinding(
        'dracut/md-uuid-missing',
        rangeOf(source, first.item.start, first.item.end),
        `Once any rd.md.uuid is given, dracut assembles only the listed arrays, and mdadm.conf also has ${joinCapped(names, missing.length)}. Add ${missing.length > 1 ? 'them' : 'it'}, or the array stays down at boot.`,
        fixes,
      ),
    );
  }
  const devnames = conf.arrays.flatMap((a) => (a.devname ? [a.devname.text] : []));
  const declared = new Set(devnames.map(mdDeviceKey));
  const declaredNames = joinCapped(devnames.slice(0, NAMED_LIMIT), devnames.length) || 'none';
  for (const item of facts.addDevices) {
    if (!/^\/dev\/md(\d+|\/.+)$/.test(item.text) || declared.has(mdDeviceKey(item.text))) continue;
    findings.push(
      dracutFinding(
        'dracut/add-device-unknown',
        rangeOf(source, item.start, item.end),
        `${item.text} is not an ARRAY of mdadm.conf (declared: ${declaredNames}). The initrd would wait for a device nobody assembles.`,
      ),
    );
  }
  return findings;
}
