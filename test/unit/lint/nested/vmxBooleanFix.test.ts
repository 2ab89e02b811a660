import * as assert from 'node:assert/strict';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';

describe('vmx/boolean fixes', () => {
  const support = languageSupports.get('vmx');
  const booleanFindings = (value: string) => {
    assert.ok(support);
    const text = `.encoding = "UTF-8"\nvhv.enable = "${value}"\n`;
    return lintText(support, text, { fileName: '/vms/lab/XCP-ng.vmx' }).filter((f) => f.code === 'vmx/boolean');
  };

  it('offers TRUE or FALSE for a word VMware reads as a boolean', () => {
    const [yes] = booleanFindings('yes');
    assert.deepEqual(yes?.fixes?.map((fix) => fix.title), ['Set `vhv.enable = "TRUE"`']);
    const [off] = booleanFindings('Off');
    assert.deepEqual(off?.fixes?.map((fix) => fix.title), ['Set `vhv.enable = "FALSE"`']);
  });

  it('offers no fix for other words, including names of JavaScript object members', () => {
    for (const value of ['maybe', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const findings = booleanFindings(value);
      assert.equal(findings.length, 1, value);
      assert.deepEqual(findings[0]?.fixes ?? [], [], value);
    }
  });
});
