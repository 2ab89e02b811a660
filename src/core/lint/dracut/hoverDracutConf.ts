import type { Position } from '../finding';
import type { HoverInfo } from '../languageSupport';
import { findDracutKey, type DracutKey } from './dracutKeys';
import { dracutValueItems } from './dracutValueItems';
import { kernelCmdlineTokens } from './kernelCmdlineTokens';
import { lexDracutConf } from './lexDracutConf';
import { readDracutAssignments } from './readDracutAssignments';

const TYPE_NOTES: Record<DracutKey['type'], string> = {
  list: 'List: append with `+=" a b "` and keep a space inside both quotes, since every drop-in adds to the same string.',
  'yes-no': 'Exactly `yes` or `no`: anything else (YES, 1, true) counts as no.',
  enum: 'One of a fixed set of words.',
  int: 'A number.',
  string: 'A string or path.',
};

function keyMarkdown(key: DracutKey): string {
  return [`**${key.name}**`, '', key.summary, '', TYPE_NOTES[key.type], ...(key.guide ? ['', `*RAID guide:* ${key.guide}`] : [])].join('\n');
}

/** Hover for the setting name under the cursor, or for an md token inside kernel_cmdline. */
export function hoverDracutConf(text: string, position: Position): HoverInfo | undefined {
  const source = lexDracutConf(text);
  const assignments = readDracutAssignments(source).flatMap((c) => c.assignments);
  const offset = source.offsetAt(position);
  for (const assignment of assignments) {
    if (offset < assignment.word.start || offset > assignment.opStart) continue;
    const key = findDracutKey(assignment.name);
    if (!key) return undefined;
    return { range: { start: source.positionAt(assignment.word.start), end: source.positionAt(assignment.opStart) }, markdown: keyMarkdown(key) };
  }
  for (const item of dracutValueItems(assignments, 'kernel_cmdline')) {
    if (offset < item.start || offset > item.end) continue;
    const doc = kernelCmdlineTokens.get(item.text.split('=')[0] as string);
    return doc ? { range: { start: source.positionAt(item.start), end: source.positionAt(item.end) }, markdown: doc } : undefined;
  }
  return undefined;
}
