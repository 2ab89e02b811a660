import * as assert from 'node:assert/strict';
import { lexPowerShell } from '../../../../src/core/lint/hyperv/lexPowerShell';

const strings = (text: string): (string | undefined)[] => lexPowerShell(text).filter((t) => t.kind === 'string').map((t) => t.value);

describe('lexPowerShell', () => {
  it('reads single-quoted strings with doubled quotes of any kind, and leaves other bodies as written', () => {
    assert.deepEqual(strings("'it''s' 'plain' \u2018a\u2019\u2019b\u2019 'back`tick' ''"), ["it's", 'plain', 'a\u2019b', 'back`tick', '']);
  });

  it('reads double-quoted strings: backtick escapes and doubled quotes undone, interpolation has no value', () => {
    assert.deepEqual(strings('"a`"b" "say ""hi""" \u201Cc\u201D "$name here" "cost: 5$" "tab`there"'), ['a"b', 'say "hi"', 'c', undefined, 'cost: 5$', 'tabthere']);
  });

  it('ends a comment at the line end, or at the end of a text without one', () => {
    const tokens = lexPowerShell("# one 'quote\nSet-VM # two \"quote");
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value]),
      [
        ['newline', undefined],
        ['word', 'Set-VM'],
      ],
    );
  });

  it('reads parameters after any dash, with or without a colon, and variables and splats by name', () => {
    const tokens = lexPowerShell('Set-VMProcessor \u2013VMName:$VM -Count 2 @Args ${odd name} -9');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value, t.colon]),
      [
        ['word', 'Set-VMProcessor', undefined],
        ['param', 'VMName', true],
        ['variable', 'vm', undefined],
        ['param', 'Count', undefined],
        ['word', '2', undefined],
        ['splat', 'args', undefined],
        ['variable', 'odd name', undefined],
        ['word', '-9', undefined],
      ],
    );
  });
});
