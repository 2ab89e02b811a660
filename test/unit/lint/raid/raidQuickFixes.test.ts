import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dracutConfSupport } from '../../../../src/core/lint/dracut/dracutConfSupport';
import type { Finding, Fix } from '../../../../src/core/lint/finding';
import type { LanguageSupport, LintContext } from '../../../../src/core/lint/languageSupport';
import { lintText } from '../../../../src/core/lint/lintText';
import { mdadmConfSupport } from '../../../../src/core/lint/mdadm/mdadmConfSupport';
import { applyTextEdits } from '../applyTextEdits';
import { filesUnder, lintFixturePath } from './raidFixtures';

/** The context the CLI builds: siblings read from disk under the paths the support asks for. */
function contextFor(support: LanguageSupport, file: string): LintContext {
  const siblings = new Map<string, string>();
  for (const sibling of support.siblingPaths?.(file) ?? []) {
    if (fs.existsSync(sibling)) siblings.set(sibling, fs.readFileSync(sibling, 'utf8'));
  }
  return { fileName: file, siblings };
}

function applyFix(text: string, fix: Fix): string {
  const edited = applyTextEdits(text, fix.edits);
  return fix.endOfLine === 'lf' ? edited.replace(/\r\n/g, '\n') : edited;
}

/** Fixture text without the `# expect` markers, to compare a fixed file with its clean original. */
function withoutMarkers(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^# expect line/.test(line))
    .map((line) => line.replace(/ ?# expect:.*$/, ''))
    .join('\n');
}

function fixFirst(support: LanguageSupport, file: string, code: string, title?: RegExp): { before: string; after: string; finding: Finding } {
  const before = fs.readFileSync(file, 'utf8');
  const finding = lintText(support, before, contextFor(support, file)).find((f) => f.code === code);
  assert.ok(finding, `${code} fires in ${file}`);
  const fix = title ? finding.fixes?.find((f) => title.test(f.title)) : finding.fixes?.find((f) => f.preferred);
  assert.ok(fix, `${code} offers the fix`);
  return { before, after: applyFix(before, fix), finding };
}

const root = (...parts: string[]): string => lintFixturePath('raid-roots', ...parts);
const dropIn = (rootName: string): string => root(rootName, 'etc', 'dracut.conf.d', 'dracut_mdraid.conf');
const seedDropIn = fs.readFileSync(dropIn('seed'), 'utf8');

describe('RAID quick fixes', () => {
  const cases = [
    ...filesUnder(lintFixturePath('mdadm', 'fires')).map((file) => ({ file, support: mdadmConfSupport })),
    ...filesUnder(lintFixturePath('dracut', 'fires')).map((file) => ({ file, support: dracutConfSupport })),
    ...filesUnder(lintFixturePath('raid-roots'))
      .filter((file) => /dracut\.conf\.d|mdadm\.conf$/.test(file))
      .map((file) => ({ file, support: file.endsWith('mdadm.conf') ? mdadmConfSupport : dracutConfSupport })),
  ];

  it('each preferred fix removes one finding of the rule it is attached to', () => {
    let applied = 0;
    for (const { file, support } of cases) {
      const text = fs.readFileSync(file, 'utf8');
      const context = contextFor(support, file);
      for (const finding of lintText(support, text, context)) {
        const fix = finding.fixes?.find((f) => f.preferred);
        if (!fix) continue;
        const after = lintText(support, applyFix(text, fix), context);
        const count = (list: readonly Finding[]): number => list.filter((f) => f.code === finding.code).length;
        assert.ok(count(after) < count(lintText(support, text, context)), `${path.basename(file)}: "${fix.title}" removes ${finding.code}`);
        applied++;
      }
    }
    assert.ok(applied >= 25, `only ${applied} fixes were exercised`);
  });

  it('adds the spaces inside += quotes, giving back the guide\'s line', () => {
    const { after } = fixFirst(dracutConfSupport, dropIn('seed-missing-space'), 'dracut/plus-equals-spacing');
    assert.equal(withoutMarkers(after), seedDropIn);
  });

  it('lowercases an upper-case rd.md.uuid', () => {
    const { after } = fixFirst(dracutConfSupport, dropIn('seed-upper-uuid'), 'dracut/md-uuid-case');
    assert.equal(withoutMarkers(after), seedDropIn);
  });

  it('adds the rd.md.uuid line that mdadm.conf has and the drop-in lacks', () => {
    const { after, finding } = fixFirst(dracutConfSupport, dropIn('md-uuid-missing-fires'), 'dracut/md-uuid-missing');
    assert.match(finding.message, /\/dev\/md127 \(09871a29:26fa7ce1:0c9b040a:60f5cabf\)/);
    assert.equal(withoutMarkers(after), seedDropIn);
  });

  it('replaces a mistyped rd.md.uuid by the nearest ARRAY UUID', () => {
    const { after } = fixFirst(dracutConfSupport, dropIn('md-uuid-unknown-fires'), 'dracut/md-uuid-unknown');
    assert.equal(withoutMarkers(after), seedDropIn);
  });

  it('normalises pasted mdadm --examine --scan lines to /dev/mdN without name=', () => {
    const file = root('seed-examine-pasted', 'etc', 'mdadm.conf');
    let text = fs.readFileSync(file, 'utf8');
    for (let round = 0; round < 2; round++) {
      const finding = lintText(mdadmConfSupport, text, contextFor(mdadmConfSupport, file)).find((f) => f.code === 'mdadm/array-name-tag');
      const fix = finding?.fixes?.find((f) => /Normalise/.test(f.title));
      assert.ok(fix, 'normalise fix offered');
      text = applyFix(text, fix);
    }
    assert.equal(withoutMarkers(text), fs.readFileSync(root('seed', 'etc', 'mdadm.conf'), 'utf8'));
  });

  it('keeps a continuation line indented when name= starts it', () => {
    const text = 'ARRAY /dev/md/0 metadata=1.2\n  name=lab:0 UUID=53461f34:2414371e:820f9514:008b6458\n';
    const finding = lintText(mdadmConfSupport, text, { fileName: 'mdadm.conf' }).find((f) => f.code === 'mdadm/array-name-tag');
    const normalise = finding?.fixes?.find((f) => /Normalise/.test(f.title));
    assert.ok(normalise);
    assert.equal(applyFix(text, normalise), 'ARRAY /dev/md0 metadata=1.2\n  UUID=53461f34:2414371e:820f9514:008b6458\n');
  });

  it('quotes an unquoted multi-word list value with the spaces dracut wants', () => {
    const { after } = fixFirst(dracutConfSupport, lintFixturePath('dracut', 'fires', 'unquoted-multiword.conf'), 'dracut/unquoted-multiword');
    assert.equal(after.split('\n')[0], 'add_drivers+=" md_mod raid1 " # expect: dracut/unquoted-multiword');
  });
});
