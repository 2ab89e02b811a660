import { sourceOffsetAt, type DracutCommand, type DracutSource, type DracutWord, type ValueSegment } from './lexDracutConf';

/** `name=value` or `name+=value` as bash performs it. */
export interface DracutAssignment {
  readonly word: DracutWord;
  readonly name: string;
  readonly op: '=' | '+=';
  /** Offset of the `=` or `+=`. */
  readonly opStart: number;
  /** The value after quote removal, and where each of its characters was written. */
  readonly value: string;
  readonly segments: readonly ValueSegment[];
  /** The value as written, from just after the operator to the end of the word. */
  readonly valueRaw: string;
  readonly valueStart: number;
  readonly array: boolean;
}

/** A value item (list entry or kernel command-line token) with its source offsets. */
export interface DracutItem {
  readonly text: string;
  readonly start: number;
  /** Just past the last character. */
  readonly end: number;
  readonly assignment: DracutAssignment;
  /** Index of the item in the assignment's value. */
  readonly valueIndex: number;
}

export interface DracutCommandAssignments {
  readonly command: DracutCommand;
  readonly assignments: readonly DracutAssignment[];
  /** The first word after the assignments: bash runs it as a command with the assignments as its environment. */
  readonly commandWord?: DracutWord;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)/;

function toAssignment(word: DracutWord): DracutAssignment | undefined {
  const match = ASSIGNMENT.exec(word.raw);
  if (!match) return undefined;
  const prefix = match[0].length;
  // The name and operator are unquoted, so they are the first characters of the value too.
  return {
    word,
    name: match[1] as string,
    op: match[2] as '=' | '+=',
    opStart: word.start + (match[1] as string).length,
    value: word.value.slice(prefix),
    // The unquoted name and operator are the start of the first run; the value's runs follow.
    segments: word.segments.flatMap((seg) => {
      const cut = Math.max(prefix - seg.valueStart, 0);
      return cut >= seg.length ? [] : [{ valueStart: seg.valueStart + cut - prefix, sourceStart: seg.sourceStart + cut, length: seg.length - cut }];
    }),
    valueRaw: word.raw.slice(prefix),
    valueStart: word.start + prefix,
    array: word.arrayOpen !== undefined,
  };
}

/** The assignments each command performs; `export` in front is allowed. */
export function readDracutAssignments(source: DracutSource): DracutCommandAssignments[] {
  return source.commands.map((command) => {
    const assignments: DracutAssignment[] = [];
    let index = command.words[0]?.raw === 'export' ? 1 : 0;
    for (; index < command.words.length; index++) {
      const assignment = toAssignment(command.words[index] as DracutWord);
      if (!assignment) break;
      assignments.push(assignment);
    }
    const commandWord = assignments.length > 0 ? command.words[index] : undefined;
    return commandWord ? { command, assignments, commandWord } : { command, assignments };
  });
}

/** The value split on blanks and newlines, the way dracut expands an unquoted `$add_drivers`. */
export function splitDracutItems(assignment: DracutAssignment): DracutItem[] {
  const items: DracutItem[] = [];
  const { value } = assignment;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === ' ' || value[i] === '\t' || value[i] === '\n') continue;
    const valueIndex = i;
    while (i < value.length && value[i] !== ' ' && value[i] !== '\t' && value[i] !== '\n') i++;
    const text = value.slice(valueIndex, i);
    items.push({
      text,
      start: sourceOffsetAt(assignment.segments, valueIndex),
      end: sourceOffsetAt(assignment.segments, valueIndex + text.length - 1) + 1,
      assignment,
      valueIndex,
    });
  }
  return items;
}

/** Where the character at `index` of an item was written. */
export function itemOffsetAt(item: DracutItem, index: number): number {
  return sourceOffsetAt(item.assignment.segments, item.valueIndex + index);
}

/** Whether an item (from character `from` on) was written as one run, so an edit can replace it in place. */
export function isContiguous(item: DracutItem, from = 0): boolean {
  const last = item.text.length - 1;
  return from >= last || itemOffsetAt(item, last) - itemOffsetAt(item, from) === last - from;
}
