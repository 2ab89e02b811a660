import type { DracutCommand, DracutSource, DracutWord } from './lexDracutConf';

/** `name=value` or `name+=value` as bash performs it. */
export interface DracutAssignment {
  readonly word: DracutWord;
  readonly name: string;
  readonly op: '=' | '+=';
  /** Offset of the `=` or `+=`. */
  readonly opStart: number;
  /** The value after quote removal, and where each of its characters was written. */
  readonly value: string;
  readonly valueOffsets: readonly number[];
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
  /** Source offset of each character: not contiguous when quotes or escapes were removed inside the item. */
  readonly offsets: readonly number[];
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
    valueOffsets: word.valueOffsets.slice(prefix),
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
  let text = '';
  let offsets: number[] = [];
  const push = (): void => {
    if (text !== '') items.push({ text, start: offsets[0] as number, end: (offsets[offsets.length - 1] as number) + 1, offsets });
    text = '';
    offsets = [];
  };
  for (let i = 0; i < assignment.value.length; i++) {
    const c = assignment.value[i] as string;
    if (c === ' ' || c === '\t' || c === '\n') {
      push();
      continue;
    }
    text += c;
    offsets.push(assignment.valueOffsets[i] as number);
  }
  push();
  return items;
}

/** Whether an item was written as one run of characters, so an edit can replace it in place. */
export function isContiguous(item: DracutItem, from = 0): boolean {
  for (let i = from + 1; i < item.offsets.length; i++) {
    if (item.offsets[i] !== (item.offsets[i - 1] as number) + 1) return false;
  }
  return true;
}
