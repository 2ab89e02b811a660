import * as assert from 'node:assert/strict';
import { dracutKeys } from '../../../src/core/lint/dracut/dracutKeys';
import { scopesAt } from './tokenizeSnapshot';

const MDADM = 'source.mdadm-conf';
const DRACUT = 'source.dracut-conf';

describe('mdadm.conf and dracut grammars', () => {
  it('colours keywords, also abbreviated, and continuation lines as part of their keyword line', async () => {
    const text = 'arr /dev/md0\n  UUID=53461f34:2414371e:820f9514:008b6458 # note\nARRYA x\n';
    assert.deepEqual(await scopesAt(MDADM, text, 0, 1), ['keyword.other.mdadm-conf']);
    assert.deepEqual(await scopesAt(MDADM, text, 0, 6), ['string.unquoted.path.mdadm-conf']);
    assert.deepEqual(await scopesAt(MDADM, text, 1, 10), ['constant.numeric.uuid.mdadm-conf']);
    assert.deepEqual(await scopesAt(MDADM, text, 1, 48), ['comment.line.number-sign.mdadm-conf']);
    assert.deepEqual(await scopesAt(MDADM, text, 2, 1), ['invalid.illegal.unknown-keyword.mdadm-conf']);
  });

  it('keeps root#x one word and colours AUTO and DEVICE words', async () => {
    const text = 'MAILADDR root#x\nAUTO +all\nDEVICE partitions\n';
    assert.deepEqual(await scopesAt(MDADM, text, 0, 13), []);
    assert.deepEqual(await scopesAt(MDADM, text, 1, 6), ['constant.language.mdadm-conf']);
    assert.deepEqual(await scopesAt(MDADM, text, 2, 9), ['constant.language.mdadm-conf']);
  });

  it('colours dracut settings, += values and md tokens, with strings spanning lines', async () => {
    const text = 'add_drivers+=" md_mod\n raid1 "\nkernel_cmdline+=" rd.md.uuid=53461f34:2414371e:820f9514:008b6458 "\nmy_var=1\n';
    assert.deepEqual(await scopesAt(DRACUT, text, 0, 2), ['support.variable.dracut-conf']);
    assert.deepEqual(await scopesAt(DRACUT, text, 0, 11), ['keyword.operator.assignment.dracut-conf']);
    assert.deepEqual(await scopesAt(DRACUT, text, 1, 2), ['string.quoted.double.dracut-conf']);
    assert.deepEqual(await scopesAt(DRACUT, text, 2, 20), ['string.quoted.double.dracut-conf', 'support.constant.kernel-parameter.dracut-conf']);
    assert.deepEqual(await scopesAt(DRACUT, text, 2, 35), ['string.quoted.double.dracut-conf', 'constant.numeric.uuid.dracut-conf']);
    assert.deepEqual(await scopesAt(DRACUT, text, 3, 1), ['variable.other.assignment.dracut-conf']);
  });
});

describe('dracut grammar and the linter agree on the settings', () => {
  it('colours exactly the keys the linter knows as settings', async () => {
    for (const key of dracutKeys) {
      assert.deepEqual(await scopesAt(DRACUT, `${key.name}=x\n`, 0, 0), ['support.variable.dracut-conf'], key.name);
    }
    assert.deepEqual(await scopesAt(DRACUT, 'kernel_cmdlin=x\n', 0, 0), ['variable.other.assignment.dracut-conf']);
  });
});
