import * as assert from 'node:assert/strict';
import { lexDracutConf } from '../../../../src/core/lint/dracut/lexDracutConf';
import { readDracutAssignments, splitDracutItems } from '../../../../src/core/lint/dracut/readDracutAssignments';

const commands = (text: string): string[][] => lexDracutConf(text).commands.map((c) => c.words.map((w) => w.value));

describe('lexDracutConf (bash quoting as dracut sources the file)', () => {
  it('splits commands at newlines and semicolons and drops comments that start a word', () => {
    assert.deepEqual(commands('a=1; b="x y" # note\nc=d#e\n'), [['a=1'], ['b=x y'], ['c=d#e']]);
  });

  it('lets double quotes span lines and resolves their escapes', () => {
    assert.deepEqual(commands('add_drivers+=" raid1\n raid10 \\"x\\" "\n'), [['add_drivers+= raid1\n raid10 "x" ']]);
  });

  it('keeps single-quoted text, $\'...\' and command substitutions whole', () => {
    assert.deepEqual(commands(`a='$x "y"' b=$'c\\'d' c="$(echo "q r")" d=\${e:-f g}\n`), [[`a=$x "y"`, `b=c\\'d`, 'c=$(echo "q r")', 'd=${e:-f g}']]);
  });

  it('joins lines ended by a backslash', () => {
    assert.deepEqual(commands('kernel_cmdline+=" rd.md=1 "\\\n  x=1\n'), [['kernel_cmdline+= rd.md=1 ', 'x=1']]);
  });

  it('reads an array assignment as one word and marks it', () => {
    const source = lexDracutConf('add_drivers+=( a b\n c )\n');
    const [assignment] = readDracutAssignments(source)[0]?.assignments ?? [];
    assert.ok(assignment?.array);
    assert.deepEqual(splitDracutItems(assignment).map((i) => i.text), ['a', 'b', 'c']);
  });

  it('finds assignments behind export and the reserved words that start a command', () => {
    const source = lexDracutConf('export hostonly="no"\nif [ -e /etc/lab ]; then add_device+=" /dev/md127 "; else omit_drivers+=" x "; fi\n');
    const names = readDracutAssignments(source).flatMap((c) => c.assignments.map((a) => a.name));
    assert.deepEqual(names, ['hostonly', 'add_device', 'omit_drivers']);
  });

  it('stops at an unclosed quote and reports where it opened', () => {
    const source = lexDracutConf('a="1"\nb="2\nc="3"\n');
    assert.deepEqual(source.unterminated, { offset: 15, opener: '"' });
    assert.deepEqual(source.positionAt(15), { line: 2, character: 4 });
    assert.deepEqual(source.swallowed, { offset: 8, opener: '"' });
    assert.deepEqual(commands('a="1"\nb="2\nc="3"\n'), [['a=1']]);
  });

  it('finds an unclosed $( and backquote too', () => {
    assert.equal(lexDracutConf('a=$(echo\n').unterminated?.opener, '$(');
    assert.equal(lexDracutConf('a=`echo\n').unterminated?.opener, '`');
  });

  it('keeps the source offset of every value character, for item ranges', () => {
    const source = lexDracutConf('add_device+=" /dev/md0 "\n');
    const [assignment] = readDracutAssignments(source)[0]?.assignments ?? [];
    assert.ok(assignment);
    const [item] = splitDracutItems(assignment);
    assert.deepEqual(item && [item.text, source.positionAt(item.start), source.positionAt(item.end)], [
      '/dev/md0',
      { line: 0, character: 14 },
      { line: 0, character: 22 },
    ]);
  });
});
