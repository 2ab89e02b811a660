import type { Finding, Fix, Range, TextEdit } from '../finding';
import type { LintContext } from '../languageSupport';
import { checkDracutAgainstMdadm } from '../raid/checkDracutAgainstMdadm';
import { parseDracutMdUuid } from '../raid/mdUuid';
import { suggestName } from '../suggestName';
import { dracutKeyNames, findDracutKey } from './dracutKeys';
import { dracutFinding } from './dracutRules';
import { dracutValueItems, mdUuidTokens, type DracutValueItem, type MdUuidToken } from './dracutValueItems';
import { lexDracutConf, type DracutSource, type DracutWord } from './lexDracutConf';
import { isContiguous, readDracutAssignments, splitDracutItems, type DracutAssignment, type DracutCommandAssignments } from './readDracutAssignments';

/** dracut's own check (dracut.sh check_conf_file), translated from grep's basic regex word for word. */
const CHECK_CONF_FILE = /^[^#]*[+]=(?:"[^ ]|.*[^ ]")/;
const KO_SUFFIX = /\.ko(?:\.(?:xz|gz|zst|bz2))?$/;
const YES_WORDS = new Set(['yes', 'y', 'true', '1', 'on']);
const NO_WORDS = new Set(['no', 'n', 'false', '0', 'off']);

class DracutAnalysis {
  readonly findings: Finding[] = [];

  constructor(
    readonly source: DracutSource,
    readonly context: LintContext,
  ) {}

  range(start: number, end: number): Range {
    return { start: this.source.positionAt(start), end: this.source.positionAt(end) };
  }

  edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.range(start, end), newText };
  }

  sameLine(start: number, end: number): boolean {
    return !this.source.text.slice(start, end).includes('\n');
  }

  /** `" a b "`: the value a list key should have, when the written value is simple enough to rewrite safely. */
  paddedListValue(assignment: DracutAssignment): string | undefined {
    const raw = assignment.valueRaw;
    const simple = /^"[^"\\$`\n]*"$/.test(raw) || /^[^"'\\$`\s()]+$/.test(raw);
    if (!simple) return undefined;
    const items = splitDracutItems(assignment).map((item) => item.text);
    return items.length === 0 ? '" "' : `" ${items.join(' ')} "`;
  }
}

function checkCrlf(a: DracutAnalysis): void {
  const { lines, endings } = a.source;
  const index = lines.findIndex((line, i) => (endings[i] as string).startsWith('\r') && !line.trimStart().startsWith('#'));
  if (index < 0) return;
  a.findings.push(
    dracutFinding(
      'dracut/crlf',
      { start: { line: index, character: 0 }, end: { line: index, character: (lines[index] as string).length } },
      'Windows (CRLF) line endings: bash keeps the CR, so this value ends in "\\r" (mdadmconf=$\'yes\\r\' is not yes). Save the file with LF line endings.',
      [{ title: 'Convert to LF line endings', edits: [], endOfLine: 'lf', preferred: true }],
    ),
  );
}

function checkUnterminated(a: DracutAnalysis): void {
  const { swallowed, unterminated } = a.source;
  // A quote that swallows the next assignment is the cause; an unclosed quote further down is its echo.
  const open = swallowed && (!unterminated || swallowed.offset <= unterminated.offset) ? swallowed : unterminated;
  if (!open) return;
  const start = a.source.positionAt(open.offset);
  const what = open.opener === "'" || open.opener === '"' || open.opener === "$'" ? `quote ${open.opener}` : `${open.opener}`;
  const message =
    open === swallowed
      ? `This ${what} is not closed on its line: bash keeps reading the next lines into the value (up to the next ${open.opener}), so the settings there are lost. Close the quote.`
      : `This ${what} is never closed: bash reads the rest of the file into it and stops with "unexpected EOF", so nothing after this point is set.`;
  a.findings.push(
    dracutFinding('dracut/unterminated-quote', { start, end: { line: start.line, character: (a.source.lines[start.line] as string).length } }, message),
  );
}

function checkPlusEqualsSpacing(a: DracutAnalysis, assignments: readonly DracutAssignment[]): void {
  // The first `+=` assignment of each line, indexed once: a search of all assignments per line made a large
  // drop-in quadratic (10,000 `+=` lines took seconds).
  const appendOnLine = new Map<number, DracutAssignment>();
  for (const x of assignments) {
    if (x.op !== '+=') continue;
    const line = a.source.positionAt(x.opStart).line;
    if (!appendOnLine.has(line)) appendOnLine.set(line, x);
  }
  a.source.lines.forEach((line, index) => {
    if (!line.includes('+=') || !CHECK_CONF_FILE.test(line)) return;
    const op = line.indexOf('+=');
    const assignment = appendOnLine.get(index);
    const padded = assignment && assignment.valueRaw.startsWith('"') ? a.paddedListValue(assignment) : undefined;
    const fixes: Fix[] =
      assignment && padded !== undefined && padded !== assignment.valueRaw
        ? [{ title: 'Add the spaces inside the quotes', edits: [a.edit(assignment.valueStart, assignment.word.end, padded)], preferred: true }]
        : [];
    const name = assignment?.name ?? line.slice(0, Math.max(op, 0)).trim();
    a.findings.push(
      dracutFinding(
        'dracut/plus-equals-spacing',
        { start: { line: index, character: line.length - line.trimStart().length }, end: { line: index, character: line.length } },
        `${name}+= needs a space after the opening quote and before the closing one: drop-ins are joined as plain strings, so names fuse with the next file's ("raid1" + "raid10" = "raid1raid10"). dracut warns: "should have surrounding white spaces!"`,
        fixes,
      ),
    );
  });
}

/** `key = value`, `key =value`, `key += value`: bash runs a command called `key`. */
function checkSpacedOperator(a: DracutAnalysis, words: readonly DracutWord[]): boolean {
  const [first, second, third] = words;
  if (!first || !second || !/^[A-Za-z_][A-Za-z0-9_]*\+?$/.test(first.raw) || !/^\+?=/.test(second.raw)) return false;
  if (first.raw.endsWith('+') && second.raw.startsWith('+=')) return false;
  const name = first.raw.replace(/\+$/, '');
  const op = first.raw.endsWith('+') ? '+=' : (/^\+?=/.exec(second.raw) as RegExpExecArray)[0];
  const opEnd = second.start + (first.raw.endsWith('+') ? 1 : op.length);
  const valueWord = second.end > opEnd ? undefined : third;
  const end = valueWord ? valueWord.end : second.end;
  const joined = `${name}${op}${valueWord ? valueWord.raw : second.raw.slice(opEnd - second.start)}`;
  const fixes: Fix[] = a.sameLine(first.start, end) && words.length <= (valueWord ? 3 : 2) ? [{ title: `Write ${name}${op} without spaces`, edits: [a.edit(first.start, end, joined)], preferred: true }] : [];
  a.findings.push(
    dracutFinding(
      'dracut/assign-spaces',
      a.range(first.start, opEnd),
      `Spaces around ${op}: bash runs a command named "${name}" ("${name}: command not found") and the setting is never made. Write ${name}${op}"..." with no spaces.`,
      fixes,
    ),
  );
  return true;
}

function checkCommandWords(a: DracutAnalysis, entry: DracutCommandAssignments): void {
  if (entry.assignments.length === 0) {
    checkSpacedOperator(a, entry.command.words);
    return;
  }
  const word = entry.commandWord;
  const last = entry.assignments[entry.assignments.length - 1] as DracutAssignment;
  if (!word) return;
  const lastWord = entry.command.words[entry.command.words.length - 1] as DracutWord;
  if (last.valueRaw === '') {
    const fixes: Fix[] =
      a.sameLine(last.word.end, word.end) && word === lastWord ? [{ title: `Remove the space after ${last.op}`, edits: [a.edit(last.word.end, word.start, '')], preferred: true }] : [];
    a.findings.push(
      dracutFinding(
        'dracut/assign-spaces',
        a.range(last.opStart, word.start),
        `Space after ${last.op}: bash sets ${last.name} to nothing and runs "${word.value}" as a command. Write ${last.name}${last.op}"..." with no spaces.`,
        fixes,
      ),
    );
    return;
  }
  const words = entry.command.words.slice(entry.command.words.indexOf(last.word));
  const listKey = findDracutKey(last.name)?.type === 'list';
  const simple = words.every((w) => !w.quoted && /^[^\\$`()]*$/.test(w.raw)) && a.sameLine(last.word.start, lastWord.end);
  const joined = [last.value, ...words.slice(1).map((w) => w.value)].join(' ');
  const fixes: Fix[] = simple ? [{ title: 'Quote the whole value', edits: [a.edit(last.valueStart, lastWord.end, listKey ? `" ${joined} "` : `"${joined}"`)], preferred: true }] : [];
  a.findings.push(
    dracutFinding(
      'dracut/unquoted-multiword',
      a.range(last.valueStart, lastWord.end),
      `Unquoted value with spaces: bash sets ${last.name} only for a command named "${word.value}" and then forgets it. Put the whole value in double quotes.`,
      fixes,
    ),
  );
}

function checkKey(a: DracutAnalysis, assignment: DracutAssignment, dropIn: boolean): void {
  const nameRange = (): Range => a.range(assignment.word.start, assignment.opStart);
  const key = findDracutKey(assignment.name);
  if (!key) {
    const suggestion = suggestName(assignment.name, dracutKeyNames);
    a.findings.push(
      dracutFinding(
        'dracut/unknown-key',
        nameRange(),
        `dracut has no setting "${assignment.name}", so this line does nothing.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        suggestion ? [{ title: `Change to ${suggestion}`, edits: [a.edit(assignment.word.start, assignment.opStart, suggestion)], preferred: true }] : undefined,
      ),
    );
    return;
  }
  if (key.type === 'list' && assignment.array) {
    const items = splitDracutItems(assignment).map((i) => i.text);
    a.findings.push(
      dracutFinding(
        'dracut/array-syntax',
        a.range(assignment.word.start, assignment.word.end),
        `dracut reads ${key.name} as a plain string ($${key.name}), so only the first element of this array is used. Write ${key.name}+=" a b ".`,
        [{ title: `Write ${key.name}+=" ... " as a string`, edits: [a.edit(assignment.word.start, assignment.word.end, `${key.name}+=" ${items.join(' ')} "`)], preferred: true }],
      ),
    );
  } else if (key.type === 'list' && assignment.op === '=' && dropIn) {
    const padded = a.paddedListValue(assignment);
    const edits = padded === undefined ? [a.edit(assignment.opStart, assignment.opStart, '+')] : [a.edit(assignment.opStart, assignment.word.end, `+=${padded}`)];
    a.findings.push(
      dracutFinding(
        'dracut/plain-assign-list',
        nameRange(),
        `${key.name}= replaces what earlier drop-ins (XCP-ng's own included) put in ${key.name}. Append with ${key.name}+=" ... " instead.`,
        [{ title: `Append with ${key.name}+=`, edits, preferred: true }],
      ),
    );
  }
  if (key.type === 'yes-no' && assignment.value !== 'yes' && assignment.value !== 'no') {
    const lower = assignment.value.trim().toLowerCase();
    const meant = YES_WORDS.has(lower) ? 'yes' : NO_WORDS.has(lower) ? 'no' : undefined;
    const quote = assignment.valueRaw.startsWith('"') ? '"' : '';
    a.findings.push(
      dracutFinding(
        'dracut/yes-no',
        a.range(assignment.valueStart, assignment.word.end),
        `dracut compares ${key.name} with the word "yes" exactly, so "${assignment.value}" means no. Write yes or no.`,
        meant ? [{ title: `Write ${meant}`, edits: [a.edit(assignment.valueStart, assignment.word.end, `${quote}${meant}${quote}`)], preferred: true }] : undefined,
      ),
    );
  }
  if (key.modules && !assignment.array) {
    const withSuffix = splitDracutItems(assignment).filter((item) => KO_SUFFIX.test(item.text));
    const firstItem = withSuffix[0];
    if (firstItem) {
      const edits = withSuffix.filter((item) => isContiguous(item)).map((item) => a.edit(item.start, item.end, item.text.replace(KO_SUFFIX, '')));
      a.findings.push(
        dracutFinding(
          'dracut/ko-suffix',
          a.range(firstItem.start, firstItem.end),
          `${key.name} takes module names, not file names: ${withSuffix.map((i) => i.text).join(', ')} is not found ("Failed to install module"). Drop the .ko.`,
          edits.length > 0 ? [{ title: 'Remove the .ko suffix', edits, preferred: true }] : undefined,
        ),
      );
    }
  }
}

function checkCmdline(a: DracutAnalysis, cmdline: readonly DracutValueItem[], uuidTokens: readonly MdUuidToken[], assignments: readonly DracutAssignment[]): void {
  for (const token of uuidTokens) {
    const range = a.range(token.valueStart, token.item.end);
    const hex = parseDracutMdUuid(token.value);
    if (hex === undefined) {
      a.findings.push(
        dracutFinding(
          'dracut/md-uuid-format',
          range,
          `"${token.value}" is not a UUID for dracut: after removing - and : it must be exactly 32 hex digits (dots and spaces are not removed). Copy it from mdadm --examine --scan.`,
        ),
      );
    } else if (/[A-F]/.test(token.value)) {
      const contiguous = isContiguous(token.item, token.item.text.length - token.value.length);
      a.findings.push(
        dracutFinding(
          'dracut/md-uuid-case',
          range,
          'Upper-case hex in rd.md.uuid: dracut matches it case-sensitively against the lower-case UUID mdadm reports, so the array is not found. Write it in lower case.',
          contiguous ? [{ title: 'Lowercase the UUID', edits: [a.edit(token.valueStart, token.item.end, token.value.toLowerCase())], preferred: true }] : undefined,
        ),
      );
    }
  }
  const conf = cmdline.find((item) => item.text === 'rd.md.conf=1');
  if (conf && !assignments.some((x) => x.name === 'mdadmconf')) {
    a.findings.push(
      dracutFinding(
        'dracut/mdadmconf-missing',
        a.range(conf.start, conf.end),
        'rd.md.conf=1 tells the initrd to use mdadm.conf, but this file never sets mdadmconf="yes", so the file may not be copied into the initrd.',
        [{ title: 'Add mdadmconf="yes"', edits: [a.edit(0, 0, 'mdadmconf="yes"\n')], preferred: true }],
      ),
    );
  }
}

/** A drop-in, as opposed to the main /etc/dracut.conf that is read before them all. */
function isDropIn(fileName: string): boolean {
  return !/(^|[\\/])dracut\.conf$/.test(fileName);
}

/** Every dracut rule of config-formats.md §3.3, and the mdadm.conf cross-checks of §7 when the sibling is handed in. */
export function analyzeDracutConf(text: string, context: LintContext): Finding[] {
  const source = lexDracutConf(text);
  const a = new DracutAnalysis(source, context);
  checkCrlf(a);
  checkUnterminated(a);
  const commands = readDracutAssignments(source);
  // Assignments in front of a command only reach that command's environment: dracut never sees them.
  const assignments = commands.filter((c) => !c.commandWord).flatMap((c) => c.assignments);
  checkPlusEqualsSpacing(a, assignments);
  for (const entry of commands) checkCommandWords(a, entry);
  const dropIn = isDropIn(context.fileName);
  for (const assignment of assignments) checkKey(a, assignment, dropIn);
  const cmdline = dracutValueItems(assignments, 'kernel_cmdline');
  const uuidTokens = mdUuidTokens(cmdline);
  checkCmdline(a, cmdline, uuidTokens, assignments);
  for (const finding of checkDracutAgainstMdadm({ source, uuidTokens, addDevices: dracutValueItems(assignments, 'add_device') }, context)) a.findings.push(finding);
  return a.findings;
}
