import * as assert from 'node:assert/strict';
import { languageSupports } from '../../../src/core/lint/languageSupports';
import { lintText } from '../../../src/core/lint/lintText';

/**
 * Parsers that recurse per nesting level overflowed the stack on a line of many thousand openers (xl lists,
 * PowerShell groups, dracut command substitutions inside double quotes), which the "never throw"
 * forbids. The random fuzz documents never nest that deep, so these are written out.
 */
describe('lint: deeply nested input never throws', function () {
  this.timeout(60000);
  const depth = 100_000;
  const documents: Record<string, string> = {
    'xl lists': `x = ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
    'open brackets': `x = ${'['.repeat(depth)}\n`,
    'PowerShell groups': `Set-VM ${'('.repeat(depth)}${')'.repeat(depth)}\n`,
    'PowerShell blocks': '{'.repeat(depth),
    'subexpressions in strings': '"$('.repeat(depth),
    'command substitutions': `x="${'$('.repeat(depth)}"\n`,
  };
  for (const [languageId, support] of languageSupports) {
    it(`${languageId}`, () => {
      for (const [name, text] of Object.entries(documents)) {
        const findings = lintText(support, text, { fileName: '/lab/etc/file' });
        for (const f of findings) assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line, `${name}: ${f.code} has a valid range`);
      }
    });
  }
});
