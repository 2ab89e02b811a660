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

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** `name=` or `name+=` at the start of the raw word, read by character code: every word of the file comes here. */
function toAssignment(word: DracutWord): DracutAssignment | undefined {
  const raw = word.raw;
  if (!isNameStart(raw.charCodeAt(0))) return undefined;
  let i = 1;
  while (isNameChar(raw.charCodeAt(i))) i++;
  const nameEnd = i;
  if (raw[i] === '+') i++;
  if (raw[i] !== '=') return undefined;
  const prefix = i + 1;
  // The unquoted name and operator are the start of the first run; the value's runs follow.
  const segments: ValueSegment[] = [];
  for (const seg of word.segments) {
    const cut = Math.max(prefix - seg.valueStart, 0);
    if (cut < seg.length) segments.push({ valueStart: seg.valueStart + cut - prefix, sourceStart: seg.sourceStart + cut, length: seg.length - cut });
  }
  return {
    word,
    name: raw.slice(0, nameEnd),
    op: prefix - nameEnd === 2 ? '+=' : '=',
    opStart: word.start + nameEnd,
    value: word.value.slice(prefix),
    segments,
    valueRaw: raw.slice(prefix),
    valueStart: word.start + prefix,
    array: word.arrayOpen !== undefined,
  };
}

const LEADING_WORDS = new Set(['then', 'else', 'do', '{', '!', 'export']);

/** The assignments each command performs, also behind `export` or a reserved word that starts a command. */
export function readDracutAssignments(source: DracutSource): DracutCommandAssignments[] {
  return source.commands.map((command) => {
    const assignments: DracutAssignment[] = [];
    let index = 0;
    // `then x=1`, `do x=1`, `{ x=1; }`, `export x=1`: the assignment is the command after the reserved word.
    while (index < command.words.length && LEADING_WORDS.has((command.words[index] as DracutWord).raw)) index++;
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
