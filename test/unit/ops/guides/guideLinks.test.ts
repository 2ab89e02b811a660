import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_GUIDE_SECTIONS, configGuideSection, findActionMarkers, findHeadingLine, GUIDE_HOST_ACTIONS } from '../../../../src/core/ops/guides/guideLinks';
import { repoRoot } from '../../../sim/repoRoot';

const guide = (file: string): string => fs.readFileSync(path.join(repoRoot(), 'media', 'guides', file), 'utf8');

describe('guide links', () => {
  it('every config language links to a heading that exists in its guide', () => {
    for (const s of CONFIG_GUIDE_SECTIONS) assert.ok(findHeadingLine(guide(s.guide), s.heading) > 0, `${s.languageId}: "${s.heading}" in ${s.guide}`);
  });

  it('a PowerShell file links to the Hyper-V section only when it is about Hyper-V', () => {
    assert.equal(configGuideSection('powershell', 'Set-VMProcessor -VMName xcp -ExposeVirtualizationExtensions $true')?.heading, 'Under Hyper-V');
    assert.equal(configGuideSection('powershell', 'Get-ChildItem C:\\\\'), undefined);
    assert.equal(configGuideSection('markdown', '# x'), undefined);
  });

  it('finds headings of any level by their exact text, not by prefix', () => {
    const md = '# Top\n\ntext\n## Under Xen (xl)\n### Under Xen (xl) later\n';
    assert.equal(findHeadingLine(md, 'Under Xen (xl)'), 3);
    assert.equal(findHeadingLine(md, 'Under Xen'), -1);
  });

  it('action markers name only the host actions a guide may start', () => {
    const md = '<!-- xcpng:action xcpng.host.reboot -->\n<!-- xcpng:action xcpng.vm.forceShutdown -->\ntext <!-- xcpng:action xcpng.host.shutdown -->\n';
    assert.deepEqual(findActionMarkers(md), [{ line: 0, command: 'xcpng.host.reboot' }]);
    const markers = findActionMarkers(guide('safe-host-power.md')).map((m) => m.command);
    assert.deepEqual(markers.sort(), Object.keys(GUIDE_HOST_ACTIONS).sort(), 'the guide starts each host action once');
  });
});
