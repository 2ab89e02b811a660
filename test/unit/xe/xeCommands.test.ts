import assert from 'node:assert/strict';
import { UnsafeArgumentError } from '../../../src/core/errors';
import { hostDisable, hostEnable, hostEvacuate, hostReboot, hostShutdown } from '../../../src/core/xe/hostCommands';
import { listRecords, paramGet, paramList, paramRemove, paramSet } from '../../../src/core/xe/paramCommands';
import { XeParseError } from '../../../src/core/xe/xeParseError';
import { vmMigrate, vmReboot, vmResume, vmShutdown, vmStart, vmSuspend } from '../../../src/core/xe/vmCommands';
import { readFixture } from './fixtures';

const VM = '4678f48e-9e6e-53d3-9c13-dbd66056a5d1';
const HOST = '645ab895-b76a-5ada-8177-739c5b8ac740';

describe('typed xe commands (xe-cli.md §8)', () => {
  it('builds VM power commands with a uuid= selector', () => {
    assert.deepEqual(vmStart(VM).argv, ['xe', 'vm-start', `uuid=${VM}`]);
    assert.deepEqual(vmStart(VM, { onHost: HOST, paused: true }).argv, ['xe', 'vm-start', `uuid=${VM}`, `on=${HOST}`, 'paused=true']);
    assert.deepEqual(vmShutdown(VM).argv, ['xe', 'vm-shutdown', `uuid=${VM}`]);
    assert.deepEqual(vmShutdown(VM, { force: true }).argv, ['xe', 'vm-shutdown', `uuid=${VM}`, '--force']);
    assert.deepEqual(vmReboot(VM).argv, ['xe', 'vm-reboot', `uuid=${VM}`]);
    assert.deepEqual(vmReboot(VM, { force: true }).argv, ['xe', 'vm-reboot', `uuid=${VM}`, '--force']);
    assert.deepEqual(vmSuspend(VM).argv, ['xe', 'vm-suspend', `uuid=${VM}`]);
    assert.deepEqual(vmResume(VM, { onHost: HOST }).argv, ['xe', 'vm-resume', `uuid=${VM}`, `on=${HOST}`]);
  });

  it('migrates to a host named by uuid, never by name', () => {
    assert.deepEqual(vmMigrate(VM, HOST).argv, ['xe', 'vm-migrate', `uuid=${VM}`, `host-uuid=${HOST}`]);
    assert.deepEqual(vmMigrate(VM, HOST, { live: true }).argv, ['xe', 'vm-migrate', `uuid=${VM}`, `host-uuid=${HOST}`, 'live=true']);
    assert.throws(() => vmMigrate(VM, 'xcp-b'), RangeError);
  });

  it('builds host commands with a uuid= selector', () => {
    assert.deepEqual(hostDisable(HOST).argv, ['xe', 'host-disable', `uuid=${HOST}`]);
    assert.deepEqual(hostEnable(HOST).argv, ['xe', 'host-enable', `uuid=${HOST}`]);
    assert.deepEqual(hostEvacuate(HOST).argv, ['xe', 'host-evacuate', `uuid=${HOST}`]);
    assert.deepEqual(hostReboot(HOST).argv, ['xe', 'host-reboot', `uuid=${HOST}`]);
    assert.deepEqual(hostShutdown(HOST).argv, ['xe', 'host-shutdown', `uuid=${HOST}`]);
  });

  it('refuses names, empty and uppercase text where a uuid belongs (no selector means every object)', () => {
    for (const bad of ['', 'web-01', VM.toUpperCase(), `${VM} `, `${VM}\n`]) {
      assert.throws(() => vmShutdown(bad), RangeError, JSON.stringify(bad));
      assert.throws(() => hostReboot(bad), RangeError, JSON.stringify(bad));
    }
  });

  it('builds param-set for fields and map keys of the classes the guides touch', () => {
    assert.deepEqual(paramSet('pool', HOST, [{ field: 'other-config', key: 'auto_poweron', value: 'true' }]).argv, [
      'xe',
      'pool-param-set',
      `uuid=${HOST}`,
      'other-config:auto_poweron=true',
    ]);
    assert.deepEqual(paramSet('network', HOST, [{ field: 'MTU', value: '1504' }]).argv, ['xe', 'network-param-set', `uuid=${HOST}`, 'MTU=1504']);
    assert.deepEqual(
      paramSet('vm', VM, [
        { field: 'platform', key: 'exp-nested-hvm', value: 'true' },
        { field: 'platform', key: 'nic_type', value: 'e1000' },
      ]).argv,
      ['xe', 'vm-param-set', `uuid=${VM}`, 'platform:exp-nested-hvm=true', 'platform:nic_type=e1000'],
    );
  });

  it('passes hostile values as one argument each, verbatim', () => {
    const value = `a=b; $(id) 'q' "d" \`x\` -- ünï`;
    assert.deepEqual(paramSet('vm', VM, [{ field: 'name-label', value }]).argv[3], `name-label=${value}`);
  });

  it('refuses values xe cannot carry, field names that are not names, and map keys holding "="', () => {
    assert.throws(() => paramSet('vm', VM, [{ field: 'name-label', value: 'two\nlines' }]), UnsafeArgumentError);
    assert.throws(() => paramSet('vm', VM, [{ field: 'name-label', value: 'nul\0' }]), UnsafeArgumentError);
    assert.throws(() => paramSet('vm', VM, [{ field: 'name-label uuid', value: 'x' }]), RangeError);
    assert.throws(() => paramSet('vm', VM, [{ field: 'other-config', key: 'a=b', value: 'x' }]), RangeError);
    assert.throws(() => paramSet('vm', VM, []), RangeError);
  });

  it('builds param-get, param-remove and param-list', () => {
    assert.deepEqual(paramGet('vif', VM, 'other-config', 'ethtool-tx').argv, [
      'xe',
      'vif-param-get',
      `uuid=${VM}`,
      'param-name=other-config',
      'param-key=ethtool-tx',
    ]);
    assert.deepEqual(paramRemove('vm', VM, 'other-config', 'auto_poweron').argv, [
      'xe',
      'vm-param-remove',
      `uuid=${VM}`,
      'param-name=other-config',
      'param-key=auto_poweron',
    ]);
    assert.deepEqual(paramList('host', HOST).argv, ['xe', 'host-param-list', `uuid=${HOST}`]);
  });

  it('param-get strips exactly the one newline xe adds, keeping spaces', () => {
    const get = paramGet('vm', VM, 'name-label');
    assert.equal(get.parse('  padded name \n', { strict: true }), '  padded name ');
    assert.equal(get.parse('\n', { strict: true }), '');
    assert.equal(get.parse('ends with newline\n\n', { strict: true }), 'ends with newline\n');
    assert.throws(() => get.parse('cut', { strict: true }), XeParseError);
    assert.equal(get.parse('cut'), 'cut');
  });

  it('param-list parses one record', () => {
    const record = paramList('host', HOST).parse(readFixture('xe', 'records', 'host-param-list-8.2.txt'), { strict: true });
    assert.equal(record?.fields.get('name-label'), 'xcp-ng-82');
  });

  it('lists with exact-match filters, map-key filters and params', () => {
    const cmd = listRecords('vm', ['uuid', 'name-label'], { 'power-state': 'running', 'other-config:auto_poweron': 'true' });
    assert.deepEqual(cmd.argv, ['xe', 'vm-list', 'params=uuid,name-label', 'power-state=running', 'other-config:auto_poweron=true']);
    assert.equal(cmd.parse(readFixture('xe', 'records', 'vm-list-params-order.txt'), { strict: true }).length, 3);
    assert.throws(() => listRecords('vm', ['uuid,power-state']), RangeError);
  });
});
