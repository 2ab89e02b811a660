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

const DOCUMENTS = 10_000;
const SEED = 0x7a1d;
/** The characters both grammars treat specially, plus ordinary ones and a surrogate pair. */
const ALPHABET = [...`"'#=+()$\`\\{}[]:;.-/|&<>*?! \t\n\r\n`, 'a', 'Z', '0', '9', 'f', 'ARRAY ', 'DEVICE ', 'uuid=', 'rd.md.uuid=', 'add_drivers+=', '\u00e9', '\ud83d\ude00', '\uFEFF'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function mutate(random: () => number, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = Math.floor(random() * 5);
    if (kind === 0) out = out.slice(0, at) + pick(random, ALPHABET) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else if (kind === 2) out = out.slice(0, at);
    else if (kind === 3) {
      const lines = out.split('\n');
      lines.splice(Math.floor(random() * lines.length), 0, pick(random, lines));
      out = lines.join('\n');
    } else out = out.slice(0, at) + out.slice(at).replace(/\n/g, '\r\n');
  }
  return out;
}

function randomDocument(random: () => number): string {
  let out = '';
  const length = Math.floor(random() * 200);
  for (let i = 0; i < length; i++) out += pick(random, ALPHABET);
  return out;
}

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
