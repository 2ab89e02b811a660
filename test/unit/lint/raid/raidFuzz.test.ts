import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { dracutConfSupport } from '../../../../src/core/lint/dracut/dracutConfSupport';
import { generateDracutMdraid } from '../../../../src/core/lint/dracut/generateDracutMdraid';
import type { Finding } from '../../../../src/core/lint/finding';
import type { LanguageSupport, LintContext } from '../../../../src/core/lint/languageSupport';
import { lintText } from '../../../../src/core/lint/lintText';
import { generateMdadmConf } from '../../../../src/core/lint/mdadm/generateMdadmConf';
import { mdadmConfSupport } from '../../../../src/core/lint/mdadm/mdadmConfSupport';
import { splitSourceLines } from '../../../../src/core/lint/sourceLines';
import { seededRandom } from '../../ssh/seededRandom';
import { applyTextEdits } from '../applyTextEdits';
import { filesUnder, lintFixturePath } from './raidFixtures';
import { mutate, pick, randomDocument } from './raidFuzzDocuments';

const DOCUMENTS = 10_000;
const SEED = 0x7a1d;
/** Findings must point inside the document and carry edits an editor can apply. */
function checkFindings(text: string, findings: readonly Finding[]): void {
  const { lines } = splitSourceLines(text);
  for (const finding of findings) {
    for (const p of [finding.range.start, finding.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} of ${lines.length}`);
      assert.ok(p.character >= 0 && p.character <= (lines[p.line] as string).length, `column ${p.character}`);
    }
    for (const fix of finding.fixes ?? []) if (!fix.path) applyTextEdits(text, fix.edits);
  }
}

function exercise(support: LanguageSupport, text: string, context: LintContext, random: () => number): void {
  checkFindings(text, lintText(support, text, context));
  const { lines } = splitSourceLines(text);
  const line = Math.floor(random() * lines.length);
  const position = { line, character: Math.floor(random() * ((lines[line] as string).length + 1)) };
  support.hover?.(text, position);
  support.complete?.(text, position);
  support.symbols?.(text);
}

describe('RAID analyzers on random and mutated documents', () => {
  it(`survive ${DOCUMENTS} documents (seed ${SEED}) with valid ranges and applicable fixes`, function () {
    this.timeout(120_000);
    const random = seededRandom(SEED);
    const corpus = [
      ...filesUnder(lintFixturePath('mdadm')),
      ...filesUnder(lintFixturePath('dracut')),
      ...filesUnder(lintFixturePath('raid-roots')),
      ...filesUnder(lintFixturePath('raid-generate')),
    ].map((file) => fs.readFileSync(file, 'utf8'));
    for (let n = 0; n < DOCUMENTS; n++) {
      const text = random() < 0.25 ? randomDocument(random) : mutate(random, pick(random, corpus));
      const sibling = random() < 0.5 ? pick(random, corpus) : mutate(random, pick(random, corpus));
      const context: LintContext = {
        fileName: '/lab/etc/dracut.conf.d/fuzz.conf',
        siblings: new Map([
          ['/lab/etc/mdadm.conf', sibling],
          ['/lab/proc/mdstat', mutate(random, pick(random, corpus))],
        ]),
      };
      try {
        exercise(dracutConfSupport, text, context, random);
        exercise(mdadmConfSupport, text, { ...context, fileName: '/lab/etc/mdadm.conf' }, random);
        generateDracutMdraid(text);
        generateMdadmConf({ examineScan: text, mdstat: sibling });
      } catch (error) {
        assert.fail(`document ${n} (seed ${SEED}) ${JSON.stringify(text)}: ${(error as Error).stack ?? String(error)}`);
      }
    }
  });
});
