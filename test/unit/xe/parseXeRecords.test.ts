import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { parseXeRecords } from '../../../src/core/xe/parseXeRecords';
import { XeParseError, type XeSkip } from '../../../src/core/xe/xeParseError';
import { fixturePath, readFixture } from './fixtures';

const records = (file: string): string => readFixture('xe', 'records', file);

describe('parseXeRecords (xe-cli.md §3)', () => {
  describe('strict mode on exact xe output', () => {
    it('reads fields by name, whatever order params= asked for (xapi prints record order)', () => {
      const parsed = parseXeRecords(records('vm-list-params-order.txt'), { strict: true });
      assert.equal(parsed.length, 3);
      const db = parsed[1];
      assert.ok(db);
      assert.deepEqual([...db.fields.keys()], ['uuid', 'name-label', 'power-state', 'memory-actual', 'VCPUs-number']);
      assert.equal(db.fields.get('name-label'), 'db-01');
      assert.equal(db.fields.get('VCPUs-number'), '4');
      assert.equal(db.fields.get('memory-actual'), '8589934592');
    });

    it('keeps the control domain rows that vm-list includes', () => {
      const parsed = parseXeRecords(records('vm-list-params-order.txt'), { strict: true });
      assert.equal(parsed[0]?.fields.get('name-label'), 'Control domain on host: xen-01');
    });

    it('keeps <not in database> values raw', () => {
      const parsed = parseXeRecords(records('vm-list-params-order.txt'), { strict: true });
      assert.equal(parsed[2]?.fields.get('memory-actual'), '<not in database>');
    });

    it('numbers each record by the line of its first field', () => {
      const parsed = parseXeRecords(records('vm-list-params-order.txt'), { strict: true });
      assert.deepEqual(
        parsed.map((r) => r.line),
        [1, 8, 15],
      );
    });

    it('takes hostile names verbatim: spaces, colons, markers, quotes, shell syntax, unicode, tabs', () => {
      const names = parseXeRecords(records('vm-list-hostile-names.txt'), { strict: true }).map((r) => r.fields.get('name-label'));
      assert.deepEqual(names, [
        ' leading space',
        'trailing space ',
        '  both  ',
        '',
        'a: b',
        'x ( RW): y',
        'it\'s "quoted"',
        '$(id); rm -rf / `uname`',
        'naïve café 日本語 🚀',
        'semi; colon; name',
        '-leading-dash',
        'C:\\Windows\\System32',
        'Control domain on host: fake',
        'tab\there',
        'comma, separated',
        'uuid ( RO): spoof',
      ]);
    });

    it('does not start a record at a value that looks like a key', () => {
      const parsed = parseXeRecords(records('vm-list-hostile-names.txt'), { strict: true });
      assert.equal(parsed.length, 16);
      assert.ok(parsed.every((r) => r.fields.size === 3));
    });

    it('reads a full param-list with maps, deprecated keys and the longest 8.2 key', () => {
      const text = records('vm-param-list-windows.txt');
      const [vm] = parseXeRecords(text, { strict: true });
      assert.ok(vm);
      assert.equal(vm.fields.get('PV-drivers-up-to-date'), 'true');
      assert.equal(vm.fields.get('cooperative'), 'true');
      assert.equal(vm.fields.get('name-label'), 'Win 2022: build box');
      assert.equal(vm.fields.get('name-description'), 'Windows Server 2022 (64-bit) ');
      assert.equal(vm.fields.get('HVM-boot-params'), 'firmware: uefi; order: dc');
      assert.equal(vm.fields.get('bios-strings')?.startsWith('bios-vendor: Xen; bios-version: ; '), true);
      // Every non-blank line is one field: none was merged or lost.
      assert.equal(vm.fields.size, text.split('\n').filter((l) => l !== '').length);
    });

    it('keeps <expensive field> placeholders of *-list', () => {
      const [vm] = parseXeRecords(records('vm-list-expensive.txt'), { strict: true });
      assert.equal(vm?.fields.get('memory-target'), '<expensive field>');
      assert.equal(vm?.fields.get('VCPUs-utilisation'), '<expensive field>');
    });

    it('reads pool and host param-lists', () => {
      const [pool] = parseXeRecords(records('pool-param-list-8.3.txt'), { strict: true });
      assert.equal(pool?.fields.get('license-state'), 'edition: xcp-ng; expiry: never');
      assert.equal(pool?.fields.get('default-SR'), '<not in database>');
      const [host] = parseXeRecords(records('host-param-list-8.2.txt'), { strict: true });
      assert.equal(host?.fields.get('patches'), '');
      assert.equal(host?.fields.get('address'), 'fd00:10::82');
    });

    it('reads -1 sizes as text', () => {
      const sizes = parseXeRecords(records('sr-list-sizes.txt'), { strict: true }).map((r) => r.fields.get('physical-size'));
      assert.deepEqual(sizes, ['483183820800', '-1', '-1']);
    });

    it('reads zero bytes as zero records', () => {
      assert.deepEqual(parseXeRecords(records('empty.txt'), { strict: true }), []);
    });

    it('reads records that kept no field (params= matched nothing) as empty records', () => {
      const parsed = parseXeRecords(records('no-matching-params.txt'), { strict: true });
      assert.equal(parsed.length, 2);
      assert.ok(parsed.every((r) => r.fields.size === 0));
    });
  });

  describe('strict mode rejects what xe never prints', () => {
    for (const file of [...readdirSync(fixturePath('xe', 'records', 'lenient')), ...readdirSync(fixturePath('xe', 'records', 'strict-errors'))]) {
      it(`throws an XeParseError on ${file}`, () => {
        const dir = readdirSync(fixturePath('xe', 'records', 'lenient')).includes(file) ? 'lenient' : 'strict-errors';
        assert.throws(() => parseXeRecords(records(`${dir}/${file}`), { strict: true }), XeParseError);
      });
    }

    it('names the line of a misaligned key', () => {
      assert.throws(
        () => parseXeRecords(records('strict-errors/misaligned-key.txt'), { strict: true }),
        (e: unknown) => e instanceof XeParseError && e.line === 7 && /padded to column 26/.test(e.message),
      );
    });

    it('names the separator count', () => {
      assert.throws(
        () => parseXeRecords(records('strict-errors/three-blank-lines.txt'), { strict: true }),
        (e: unknown) => e instanceof XeParseError && /3 blank lines between records, expected 2/.test(e.message),
      );
    });
  });

  describe('runs of records with one layout (read a record at a time)', () => {
    /** One record as xe prints it (§3): keys padded to 4 + the longest, the first left-, the others right-justified. */
    const render = (fields: readonly (readonly [string, string])[]): string => {
      const width = 4 + Math.max(...fields.map(([key]) => key.length));
      const lines = fields.map(([key, value], i) => `${i === 0 ? key.padEnd(width) : key.padStart(width)}: ${value}`);
      return `${lines.join('\n')}\n\n\n`;
    };
    const keys = ['uuid ( RO)', 'name-label ( RW)', 'PV-drivers-up-to-date ( RO) [DEPRECATED]', 'other-config (MRW)', 'tags (SRW)'];
    const values = (i: number): string[] => [
      `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
      i % 3 === 0 ? ` vm (${i}) [x]+.*? ` : `web-${i}`,
      '<not in database>',
      i % 2 === 0 ? '' : `perfmon: <config/>; a: b: c; ( RW): x`,
      `t${i}, ü`,
    ];
    const run = (count: number): string[][] => Array.from({ length: count }, (_, i) => values(i));
    const text = (rows: readonly string[][]): string => rows.map((row) => render(keys.map((k, j) => [k, row[j] ?? ''] as const))).join('');
    const read = (parsed: ReturnType<typeof parseXeRecords>): string[][] =>
      parsed.map((r) => ['uuid', 'name-label', 'PV-drivers-up-to-date', 'other-config', 'tags'].map((name) => r.fields.get(name) ?? '?'));

    it('reads every field by name and numbers each record by its first line, in both modes', () => {
      const rows = run(40);
      for (const strict of [true, false]) {
        const parsed = parseXeRecords(text(rows), { strict });
        assert.deepEqual(read(parsed), rows);
        assert.deepEqual(
          parsed.map((r) => r.line),
          rows.map((_, i) => 1 + i * (keys.length + 2)),
        );
      }
    });

    it('does not take a line with another field name for the field at that position', () => {
      const rows = run(6);
      const lines = text(rows).split('\n');
      // Record 4's name-label line becomes name-lbbel: same width, same marker, another field.
      const at = 4 * (keys.length + 2) + 1;
      lines[at] = (lines[at] ?? '').replace('name-label', 'name-lbbel');
      for (const strict of [true, false]) {
        const parsed = parseXeRecords(lines.join('\n'), { strict });
        assert.equal(parsed.length, 6);
        assert.equal(parsed[4]?.fields.get('name-label'), undefined);
        assert.equal(parsed[4]?.fields.get('name-lbbel'), rows[4]?.[1]);
        assert.deepEqual(read([parsed[5] as (typeof parsed)[number]]), [rows[5]]);
      }
    });

    it('reads records that depart from the run line by line, then goes on with the run (lenient)', () => {
      const rows = run(9);
      const records = rows.map((row) => render(keys.map((k, j) => [k, row[j] ?? ''] as const)));
      // A value with a newline (set through the API), a record printed without padding, one with a third
      // blank line after it, and one with a single blank line after it.
      records[2] = (records[2] ?? '').replace(`: ${rows[2]?.[1] ?? ''}\n`, `: ${rows[2]?.[1] ?? ''}\nsecond line\n`);
      records[4] = (records[4] ?? '').replace(/^ +/gm, '').replace(/ +: /g, ': ');
      records[5] = `${records[5] ?? ''}\n`;
      records[6] = (records[6] ?? '').replace(/\n\n\n$/, '\n\n');
      const expected = rows.map((row) => [...row]);
      (expected[2] as string[])[1] = `${rows[2]?.[1] ?? ''}\nsecond line`;
      // A single blank line does not end a record, so record 7's uuid line repeats a field and starts the next.
      const skipped: XeSkip[] = [];
      const parsed = parseXeRecords(records.join(''), { onSkip: (skip) => skipped.push(skip) });
      assert.deepEqual(read(parsed), expected);
      assert.deepEqual(skipped, []);
    });

    it('still names the blank lines between records of a run in strict mode', () => {
      const rows = run(8);
      const records = rows.map((row) => render(keys.map((k, j) => [k, row[j] ?? ''] as const)));
      records[5] = `${records[5] ?? ''}\n`;
      assert.throws(
        () => parseXeRecords(records.join(''), { strict: true }),
        (e: unknown) =>
          e instanceof XeParseError && e.line === 6 * (keys.length + 2) + 2 && /3 blank lines between records, expected 2/.test(e.message),
      );
    });
  });

  describe('lenient mode (the product)', () => {
    const expected = [
      ['alpha', ''],
      ['beta', 'second'],
    ];
    const namesAndDescriptions = (file: string, onSkip?: (s: XeSkip) => void): string[][] =>
      parseXeRecords(records(`lenient/${file}`), { onSkip }).map((r) => [r.fields.get('name-label') ?? '?', r.fields.get('name-description') ?? '?']);

    for (const file of ['one-blank-line.txt', 'no-blank-lines.txt', 'trimmed-trailing-space.txt', 'unpadded.txt', 'no-final-newline.txt']) {
      it(`recovers both records from ${file} without skipping anything`, () => {
        const skipped: XeSkip[] = [];
        assert.deepEqual(namesAndDescriptions(file, (s) => skipped.push(s)), expected);
        assert.deepEqual(skipped, []);
      });
    }

    it('skips stray lines and reports each with its line number', () => {
      const skipped: XeSkip[] = [];
      assert.deepEqual(namesAndDescriptions('garbage.txt', (s) => skipped.push(s)), expected);
      assert.deepEqual(
        skipped.map((s) => [s.line, s.text]),
        [
          [1, 'Warning: the server certificate could not be verified'],
          [7, 'Segmentation fault'],
        ],
      );
    });

    it('joins an unmarked line to the value above it (a newline set through the API)', () => {
      const [r] = parseXeRecords(records('lenient/continuation.txt'));
      assert.equal(r?.fields.get('name-description'), 'first line\nsecond line');
      assert.equal(r?.fields.get('power-state'), 'halted');
    });

    it('keeps a blank line inside a value: only two blank lines end a record', () => {
      const parsed = parseXeRecords(records('lenient/continuation-blank-line.txt'));
      assert.deepEqual(
        parsed.map((r) => [r.fields.get('name-description'), r.fields.get('power-state')]),
        [
          ['first paragraph\n\nsecond paragraph', 'running'],
          ['', 'halted'],
        ],
      );
    });

    it('gives the same records as strict mode on exact output', () => {
      const text = records('vm-param-list-windows.txt');
      assert.deepEqual(parseXeRecords(text), parseXeRecords(text, { strict: true }));
    });
  });
});
