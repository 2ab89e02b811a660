import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../ssh/repoRoot';
import { contributedGrammars, matchSnapshot, tokenizeToSnapshot } from './tokenizeSnapshot';

/** Every sample under test/fixtures/grammar/<language id>/ against its `.snap`, for every language we colour. */
describe('grammar snapshots', () => {
  const root = path.join(repoRoot(), 'test', 'fixtures', 'grammar');
  const languages = fs.existsSync(root) ? fs.readdirSync(root).sort() : [];
  for (const language of languages) {
    const samples = fs.readdirSync(path.join(root, language)).filter((name) => !name.endsWith('.snap')).sort();
    for (const sample of samples) {
      it(`${language}/${sample}`, async () => {
        const grammar = contributedGrammars().find((g) => g.language === language);
        assert.ok(grammar, `package.json contributes a grammar for ${language}`);
        const file = path.join(root, language, sample);
        matchSnapshot(await tokenizeToSnapshot(grammar.scopeName, fs.readFileSync(file, 'utf8')), `${file}.snap`);
      });
    }
  }
});
