import * as assert from 'node:assert/strict';
import { findCommandBlocks } from '../../../../src/core/ops/guides/findCommandBlocks';
import { fillPlaceholders, placeholdersOf, splitCommandWords } from '../../../../src/core/ops/guides/splitCommandWords';

describe('guide command blocks', () => {
  it('offers only fences whose every command is xe or a known dom0 tool', () => {
    const md = [
      '# Guide',
      '```sh',
      'xe vm-shutdown uuid=<vm-uuid>',
      '# a comment',
      'xe vm-start uuid=<vm-uuid>',
      '```',
      '~~~',
      '/opt/xensource/libexec/xen-cmdline --get-xen dom0_mem',
      '~~~',
      '```',
      'xe vm-list',
      'rm -rf /',
      '```',
      '```',
      'pkg install xe-guest-utilities',
      '```',
    ].join('\n');
    const blocks = findCommandBlocks(md);
    assert.deepEqual(
      blocks.map((b) => [b.fenceLine, b.commands.map((c) => c.text)]),
      [
        [1, ['xe vm-shutdown uuid=<vm-uuid>', 'xe vm-start uuid=<vm-uuid>']],
        [6, ['/opt/xensource/libexec/xen-cmdline --get-xen dom0_mem']],
      ],
    );
  });

  it('splits quoted words, keeps placeholders, and refuses anything the shell would interpret', () => {
    assert.deepEqual(splitCommandWords(`xe vif-param-set uuid=<vif-uuid> other-config:ethtool-tx="off" name-label='a b'`), [
      'xe',
      'vif-param-set',
      'uuid=<vif-uuid>',
      'other-config:ethtool-tx=off',
      'name-label=a b',
    ]);
    for (const bad of ['xe vm-list; id', 'xe vm-list | head', 'xe vm-list > /tmp/x', 'xe vm-list uuid=$(id)', 'xe vm-list "`id`"', 'xe "unclosed']) {
      assert.throws(() => splitCommandWords(bad), /shell|unclosed/, bad);
    }
  });

  it('fills <x> and {x} placeholders inside words, and refuses a missing value', () => {
    const words = ['xe', 'host-reboot', 'host={hostname}', 'uuid=<UUID>'];
    assert.deepEqual(placeholdersOf(words), ['{hostname}', '<UUID>']);
    assert.deepEqual(fillPlaceholders(words, { '{hostname}': "h'1", '<UUID>': 'u' }), ['xe', 'host-reboot', "host=h'1", 'uuid=u']);
    assert.throws(() => fillPlaceholders(words, {}), /no value for \{hostname\}/);
  });
});
