import { itemOffsetAt, splitDracutItems, type DracutAssignment, type DracutItem } from './readDracutAssignments';

/** A kernel command-line token or list entry, with the assignment that set it. */
export type DracutValueItem = DracutItem;

/** Every item assigned to `key` across the file, in order (the list keys add up with `+=`). */
export function dracutValueItems(assignments: readonly DracutAssignment[], key: string): DracutValueItem[] {
  return assignments.filter((a) => a.name === key && !a.array).flatMap((assignment) => splitDracutItems(assignment));
}

/** An `rd.md.uuid=` (or legacy `rd_MD_UUID=`) token: the value part and where it starts. */
export interface MdUuidToken {
  readonly item: DracutValueItem;
  readonly value: string;
  readonly valueStart: number;
}

const MD_UUID_TOKEN = /^(rd\.md\.uuid=|rd_MD_UUID=)/;

export function mdUuidTokens(cmdline: readonly DracutValueItem[]): MdUuidToken[] {
  return cmdline.flatMap((item) => {
    const match = MD_UUID_TOKEN.exec(item.text);
    if (!match || item.text.length === match[0].length) return match ? [{ item, value: '', valueStart: item.end }] : [];
    return [{ item, value: item.text.slice(match[0].length), valueStart: itemOffsetAt(item, match[0].length) }];
  });
}
