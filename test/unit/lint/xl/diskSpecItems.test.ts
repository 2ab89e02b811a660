import * as assert from 'node:assert/strict';
import { languageSupports } from '../../../../src/core/lint/languageSupports';
import { lintText } from '../../../../src/core/lint/lintText';

/**
 * The disk spec check recognizes `name=` items in one reading and asks only whether a target path holds an `=`
 * (searching the document forward for it): names that merely start like a parameter, `=` after blanks, an `=`
 * inside a path or on the next line must each still read as xl reads them.
 */
describe('xl disk specs: parameter names and swallowed parameters', () => {
  const support = languageSupports.get('xen-xl');
  const lines = [
    "name = 'web01'",
    'disk = [',
    "  'backendtype=phy,backend=dom0,format =raw,target=/srv/a.img',",
    "  'vdev=xvdb, access=rw ,backendtypes=x',",
    "  'vdev=xvdb,target=/srv/b.img,devtype=cdrom',",
    "  'target=/srv/c.img', 'format=qcow2,vdev=xvdc,access=rw,target=/srv/d=1.img',",
    "  'vdev=xvde,access=ro,target=/srv/e.img',",
    "  'vdev=hda,\u00a0target=/srv/f.img,format=raw',",
    "  'format=raw,vdev=hdb,access=rx'",
    ']',
    "extra = 'a=b'",
    '',
  ];

  it('reports exactly the items xl would refuse', () => {
    assert.ok(support);
    const findings = lintText(support, lines.join('\n'), { fileName: '/etc/xen/web01', nested: 'off' }).filter((f) => f.code.startsWith('xl/disk-'));
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character, f.message]),
      [
        [2, 32, 43, '`format =` is not a disk parameter.'],
        [3, 25, 39, '`backendtypes=` is not a disk parameter.'],
        [4, 13, 44, '`target=` must come last: everything after it, including `devtype=`, becomes part of the path.'],
        [7, 13, 41, '`target=` must come last: everything after it, including `format=`, becomes part of the path.'],
        [8, 23, 32, '`rx` is not a valid disk access: use `ro`, `r`, `rw`, `w`.'],
      ],
    );
  });
});
