import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDracutConf } from '../../../src/core/lint/dracut/analyzeDracutConf';
import { analyzeMdadmConf } from '../../../src/core/lint/mdadm/analyzeMdadmConf';
import { repoRoot } from '../ssh/repoRoot';
import { expandSnippet } from './expandSnippet';

interface SnippetFile {
  readonly [name: string]: { readonly prefix: string | readonly string[]; readonly body: string | readonly string[]; readonly description: string };
}

function snippets(language: string): SnippetFile {
  return JSON.parse(fs.readFileSync(path.join(repoRoot(), 'snippets', `${language}.json`), 'utf8')) as SnippetFile;
}

const codes = (findings: readonly { code: string; range: { start: { line: number } } }[]): string[] => findings.map((f) => `${f.code}@${f.range.start.line + 1}`);

describe('RAID snippets expanded with their defaults', () => {
  it('expands placeholders, choices and tab stops the way VS Code does', () => {
    assert.equal(expandSnippet('a ${1:x ${2:y}} ${3|p,q|} $0 ${TM_FILENAME} \\$1'), 'a x y p   $1');
  });

  for (const [name, snippet] of Object.entries(snippets('mdadm-conf'))) {
    it(`mdadm-conf "${name}" lints clean`, () => {
      assert.ok(snippet.description.length > 0);
      assert.deepEqual(codes(analyzeMdadmConf(`${expandSnippet(snippet.body)}\n`, { fileName: '/lab/etc/mdadm.conf' })), []);
    });
  }

  for (const [name, snippet] of Object.entries(snippets('dracut-conf'))) {
    it(`dracut-conf "${name}" lints clean`, () => {
      assert.ok(snippet.description.length > 0);
      assert.deepEqual(codes(analyzeDracutConf(`${expandSnippet(snippet.body)}\n`, { fileName: '/lab/etc/dracut.conf.d/dracut_mdraid.conf' })), []);
    });
  }

  it('the two skeletons agree with each other: the drop-in passes the cross-checks against the mdadm.conf', () => {
    const mdadmConf = `${expandSnippet(snippets('mdadm-conf')['mdadm.conf for XCP-ng software RAID']?.body ?? '')}\n`;
    const dropIn = `${expandSnippet(snippets('dracut-conf')['dracut_mdraid.conf for XCP-ng software RAID']?.body ?? '')}\n`;
    const siblings = new Map([['/lab/etc/mdadm.conf', mdadmConf]]);
    assert.match(dropIn, /rd\.md\.uuid=/);
    assert.deepEqual(codes(analyzeDracutConf(dropIn, { fileName: '/lab/etc/dracut.conf.d/dracut_mdraid.conf', siblings })), []);
    const broken = dropIn.replace('/dev/md0', '/dev/md1');
    assert.deepEqual(codes(analyzeDracutConf(broken, { fileName: '/lab/etc/dracut.conf.d/dracut_mdraid.conf', siblings })), ['dracut/add-device-unknown@5']);
  });
});
