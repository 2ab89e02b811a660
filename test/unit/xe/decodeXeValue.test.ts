import assert from 'node:assert/strict';
import {
  decodeXeBool,
  decodeXeInt,
  decodeXeMap,
  decodeXeNullable,
  decodeXeObjectRef,
  decodeXeSet,
  decodeXeTags,
} from '../../../src/core/xe/decodeXeValue';
import { parseXeRecords } from '../../../src/core/xe/parseXeRecords';
import { readFixture } from './fixtures';

/** A field of the first record of a records fixture: decoders are tested on values as xe printed them. */
function field(file: string, name: string): string {
  const value = parseXeRecords(readFixture('xe', 'records', file), { strict: true })[0]?.fields.get(name);
  assert.ok(value !== undefined, `${file} has no ${name}`);
  return value;
}

describe('xe value decoders (xe-cli.md §4)', () => {
  describe('decodeXeMap', () => {
    it('splits on "; " then on the first ": ", keeping IPv6 colons in values', () => {
      const networks = decodeXeMap(field('vm-param-list-windows.txt', 'networks'));
      assert.deepEqual(
        [...(networks ?? [])],
        [
          ['0/ip', '10.1.2.30'],
          ['0/ipv4/0', '10.1.2.30'],
          ['0/ipv6/0', 'fe80::5d2c:a4ff:fe01:2b3c'],
          ['0/ipv6/1', '2001:db8:10::30'],
        ],
      );
    });

    it('keeps C:\\ paths and backslashes of a Windows os-version', () => {
      const os = decodeXeMap(field('vm-param-list-windows.txt', 'os-version'));
      assert.equal(os?.get('name'), 'Microsoft Windows Server 2022 Standard|C:\\Windows|\\Device\\Harddisk0\\Partition4');
      assert.equal(os?.get('spminor'), '0');
    });

    it('keeps OpaqueRef:NULL and values holding ": "', () => {
      const other = decodeXeMap(field('vm-param-list-windows.txt', 'other-config'));
      assert.equal(other?.get('import_task'), 'OpaqueRef:NULL');
      const host = decodeXeMap(field('host-param-list-8.2.txt', 'other-config'));
      assert.equal(host?.get('note'), 'rack 3: top shelf');
    });

    it('keeps empty values and keys with slashes', () => {
      const xs = decodeXeMap(field('vm-param-list-windows.txt', 'xenstore-data'));
      assert.deepEqual([...(xs ?? [])], [
        ['vm-data/mmio-hole-size', '268435456'],
        ['vm-data', ''],
      ]);
      const bios = decodeXeMap(field('vm-param-list-windows.txt', 'bios-strings'));
      assert.equal(bios?.get('bios-version'), '');
      assert.equal(bios?.get('oem-2'), 'MS_VM_CERT/SHA1/bdbeb6e0a816d43fa6d3fe8aaef04c2bad9d3e3d');
    });

    it('reads a long cpu_info map with spaces in values', () => {
      const cpu = decodeXeMap(field('host-param-list-8.2.txt', 'cpu_info'));
      assert.equal(cpu?.get('modelname'), 'Intel(R) Xeon(R) CPU E3-1245 v5 @ 3.50GHz');
      assert.equal(cpu?.get('flags')?.split(' ').includes('avx2'), true);
    });

    it('reads software-version for the product version', () => {
      assert.equal(decodeXeMap(field('host-param-list-8.2.txt', 'software-version'))?.get('product_version'), '8.2.1');
    });

    it('reads the empty string as an empty map and <not in database> as null', () => {
      assert.equal(decodeXeMap(field('pool-param-list-8.3.txt', 'gui-config'))?.size, 0);
      assert.equal(decodeXeMap('<not in database>'), null);
    });

    it('glues back an item without ": " to the value it was split from (a value holding "; ")', () => {
      // A description typed into other-config as "web; db" prints "note: web; db; owner: ops".
      assert.deepEqual([...(decodeXeMap('note: web; db; owner: ops') ?? [])], [
        ['note', 'web; db'],
        ['owner', 'ops'],
      ]);
    });
  });

  describe('sets', () => {
    it('splits ordinary sets on "; "', () => {
      assert.deepEqual(decodeXeSet(field('host-param-list-8.2.txt', 'virtual-hardware-platform-versions')), ['0', '1', '2']);
      assert.equal(decodeXeSet(field('vm-param-list-windows.txt', 'allowed-operations')).includes('clean_shutdown'), true);
    });

    it('splits tags on ", " and keeps a tag holding ": "', () => {
      assert.deepEqual(decodeXeTags(field('vm-param-list-windows.txt', 'tags')), ['windows', 'build', 'ci: nightly']);
      assert.deepEqual(decodeXeTags(field('pool-param-list-8.3.txt', 'tags')), ['homelab', 'basement', '10G']);
    });

    it('reads the empty string as no members', () => {
      assert.deepEqual(decodeXeSet(field('vm-param-list-windows.txt', 'snapshots')), []);
      assert.deepEqual(decodeXeTags(field('host-param-list-8.2.txt', 'tags')), []);
    });
  });

  describe('scalars', () => {
    it('reads <not in database> as null', () => {
      assert.equal(decodeXeNullable(field('vm-param-list-windows.txt', 'affinity')), null);
      assert.equal(decodeXeNullable(field('vm-param-list-windows.txt', 'resident-on')), field('host-param-list-8.2.txt', 'uuid'));
    });

    it('reads Int64 text, -1 included', () => {
      assert.equal(decodeXeInt(field('host-param-list-8.2.txt', 'memory-total')), 34282754048);
      assert.equal(decodeXeInt('-1'), -1);
      assert.equal(decodeXeInt('<not in database>'), null);
      assert.equal(decodeXeInt('1.000'), undefined);
      assert.equal(decodeXeInt(''), undefined);
    });

    it('reads booleans as 8.2 parses them: true t 1 false f 0', () => {
      for (const t of ['true', 't', '1', 'TRUE']) {
        assert.equal(decodeXeBool(t, '8.2'), true, t);
      }
      for (const f of ['false', 'f', '0', 'False']) {
        assert.equal(decodeXeBool(f, '8.2'), false, f);
      }
      for (const other of ['yes', 'y', 'no', 'n', 'on', '']) {
        assert.equal(decodeXeBool(other, '8.2'), undefined, other);
      }
    });

    it('reads booleans as 8.3 parses them: also yes y no n', () => {
      assert.equal(decodeXeBool('yes', '8.3'), true);
      assert.equal(decodeXeBool('y'), true);
      assert.equal(decodeXeBool('no', '8.3'), false);
      assert.equal(decodeXeBool('n'), false);
      assert.equal(decodeXeBool('on', '8.3'), undefined);
      assert.equal(decodeXeBool(field('vm-param-list-windows.txt', 'is-a-template')), false);
    });
  });

  describe('decodeXeObjectRef (error parameters)', () => {
    it('reads "uuid (name)" with parentheses and colons inside the name', () => {
      assert.deepEqual(decodeXeObjectRef('0c2f5e2a-1111-4222-8333-444455556666 (db (old): primary)'), {
        uuid: '0c2f5e2a-1111-4222-8333-444455556666',
        name: 'db (old): primary',
      });
    });

    it('reads a bare uuid and refuses anything else', () => {
      assert.deepEqual(decodeXeObjectRef('0c2f5e2a-1111-4222-8333-444455556666'), { uuid: '0c2f5e2a-1111-4222-8333-444455556666' });
      assert.equal(decodeXeObjectRef('web-01'), undefined);
      assert.equal(decodeXeObjectRef('OpaqueRef:0c2f5e2a-1111-4222-8333-444455556666'), undefined);
    });
  });
});
