import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fix } from '../../../../src/core/lint/finding';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';
import { repoRoot } from '../../ssh/repoRoot';
import { applyTextEdits } from '../applyTextEdits';
import { nestedLabRules } from './nestedLabRules';

/** What an editor does with a fix: its edits, then the line-ending switch if it asks for one. */
function applyFix(text: string, fix: Fix): string {
  const edited = applyTextEdits(text, fix.edits);
  return fix.endOfLine === 'lf' ? edited.replace(/\r\n?/g, '\n') : edited;
}

describe('nested-lab quick fixes are mechanical and remove what they fix', () => {
  let tried = 0;
  for (const set of nestedLabRules) {
    const support = languageSupports.get(set.languageId);
    for (const rule of set.rules) {
      const code = `${set.prefix}/${rule}`;
      const file = path.join(repoRoot(), 'test', 'fixtures', 'lint', set.folder, 'rules', `${rule}.fires.${set.extension}`);
      if (!fs.existsSync(file) || !support) continue;
      const text = fs.readFileSync(file).toString('utf8');
      const context = { fileName: file };
      const findings = lintText(support, text, context).filter((f) => f.code === code && f.fixes && f.fixes.length > 0);
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          it(`${code}: "${fix.title}"`, () => {
            tried++;
            const fixed = applyFix(text, fix);
            assert.notEqual(fixed, text, 'the fix changes the text');
            const before = lintText(support, text, context).filter((f) => f.code === code).length;
            const after = lintText(support, fixed, context).filter((f) => f.code === code).length;
            assert.ok(after < before, `${code} still reported after "${fix.title}":\n${fixed}`);
          });
        }
      }
    }
  }

  it('covers fixes of most rules', () => {
    assert.ok(tried >= 60, `only ${tried} fixes tried`);
  });
});
