import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageSupports } from '../../../src/core/lint/languageSupports';
import { lintText } from '../../../src/core/lint/lintText';
import { codesAt } from '../lint/nested/lintFixture';
import { repoRoot } from '../ssh/repoRoot';
import { expandSnippet } from './expandSnippet';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description: string;
}

/** The file each snippet is meant for, so file-name rules (modprobe.d/*.conf) see a realistic path. */
const targets: Record<string, string> = {
  'xen-xl': '/etc/xen/xcp-ng.cfg',
  vmx: '/vms/XCP-ng/XCP-ng.vmx',
  modprobe: '/etc/modprobe.d/kvm.conf',
  powershell: '/lab/New-NestedXcpNg.ps1',
};

function snippets(language: string): [string, Snippet][] {
  return Object.entries(JSON.parse(fs.readFileSync(path.join(repoRoot(), 'snippets', `${language}.json`), 'utf8')) as Record<string, Snippet>);
}

describe('nested-lab snippets expanded with their defaults lint clean', () => {
  for (const [language, fileName] of Object.entries(targets)) {
    const support = languageSupports.get(language);
    for (const [name, snippet] of snippets(language)) {
      it(`${language} "${name}"`, () => {
        assert.ok(support);
        assert.ok(snippet.description.length > 20);
        const text = `${expandSnippet(snippet.body)}\n`;
        // Linted with the profile detected from the text: each snippet must switch it on by itself.
        assert.deepEqual(codesAt(lintText(support, text, { fileName })), []);
        assert.deepEqual(codesAt(lintText(support, text, { fileName, nested: 'on' })), []);
      });
    }
  }

  it('the xl guest keeps what the guide needs: one serial, a MAC tab stop, nestedhvm, hap, an ioemu e1000 vif', () => {
    const [, guest] = snippets('xen-xl')[0] as [string, Snippet];
    const body = (guest.body as readonly string[]).join('\n');
    assert.equal(body.match(/^serial\b/gm)?.length, 1);
    assert.match(body, /mac=\$\{\d+:00:16:3e:[0-9a-f:]+\}/);
    assert.match(body, /^nestedhvm = 1$/m);
    assert.match(body, /^hap = 1$/m);
    assert.match(body, /type=ioemu,model=e1000/);
    assert.deepEqual(codesAt(lintText(languageSupports.get('xen-xl')!, expandSnippet(body).replace('nestedhvm = 1', 'nestedhvm = 0'), { fileName: targets['xen-xl'] as string })), ['xl/nested-not-enabled@2']);
  });
});
