import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { parseXeError } from '../../../src/core/xe/parseXeError';
import { XeError, type XeErrorForm } from '../../../src/core/xe/xeError';
import { fixturePath, readFixture } from './fixtures';

interface Expected {
  readonly form: XeErrorForm;
  readonly code?: string;
  readonly detail?: string;
  readonly params?: readonly [string, string][];
  readonly exitCode?: number;
}

const VM = '4678f48e-9e6e-53d3-9c13-dbd66056a5d1';
const BPS_DETAIL = /^You attempted an operation on a VM that was not in an appropriate power state/;

/** One row per fixture: what xe-cli.md §9 says each stderr means. */
const CASES: Record<string, Expected> = {
  'vm-bad-power-state-start': { form: 'api', code: 'VM_BAD_POWER_STATE', params: [['vm', `${VM} (web-01)`], ['expected', 'halted'], ['actual', 'running']] },
  'vm-bad-power-state-hard-shutdown': {
    form: 'api',
    code: 'VM_BAD_POWER_STATE',
    params: [['vm', `${VM} (db (old): primary)`], ['expected', 'paused, suspended, running'], ['actual', 'halted']],
  },
  'vm-bad-power-state-old-double-space': { form: 'api', code: 'VM_BAD_POWER_STATE', params: [['vm', `${VM} (zphome)`], ['expected', 'running'], ['actual', 'halted']] },
  'uuid-invalid': { form: 'api', code: 'UUID_INVALID', params: [['type', 'VM'], ['uuid', '00000000-0000-0000-0000-000000000000']] },
  'handle-invalid': { form: 'api', code: 'HANDLE_INVALID', params: [['class', 'VM'], ['handle', 'OpaqueRef:6b8e37c4-4c2d-4d02-9d2e-5a6b4e4c3f21']] },
  'host-not-disabled': { form: 'api', code: 'HOST_NOT_DISABLED', params: [] },
  'no-hosts-available-extra': { form: 'api', code: 'NO_HOSTS_AVAILABLE', params: [['<extra>', `${VM} (web-01)`]] },
  'host-not-enough-free-memory': { form: 'api', code: 'HOST_NOT_ENOUGH_FREE_MEMORY', params: [['needed', '8598323200'], ['available', '4194304000']] },
  'vm-requires-sr': { form: 'api', code: 'VM_REQUIRES_SR', params: [['vm', `${VM} (web-01)`], ['sr', '161e06a4-0926-5a9a-abca-007a39953295 (Local storage)']] },
  'vm-lacks-feature': { form: 'api', code: 'VM_LACKS_FEATURE', params: [['vm', `${VM} (win-no-tools)`]] },
  'operation-not-allowed-dom0': { form: 'api', code: 'OPERATION_NOT_ALLOWED', params: [['reason', 'This operation is not allowed on a control domain']] },
  'other-operation-in-progress-8.2': {
    form: 'api',
    code: 'OTHER_OPERATION_IN_PROGRESS',
    params: [['class', 'VM.clean_shutdown'], ['object', `${VM} (web-01)`]],
  },
  'other-operation-in-progress-25.27': {
    form: 'api',
    code: 'OTHER_OPERATION_IN_PROGRESS',
    params: [
      ['class', 'VM'],
      ['object', `${VM} (web-01)`],
      ['operation_type', 'clean_shutdown'],
      ['operation_ref', 'OpaqueRef:0a1b2c3d-0000-4000-8000-000000000001'],
    ],
  },
  'host-is-slave-8.2': { form: 'api', code: 'HOST_IS_SLAVE', params: [['Master IP address', '192.168.10.11']] },
  'host-is-slave-8.3': { form: 'api', code: 'HOST_IS_SLAVE', params: [['Master IP address', 'fd00:10::11']] },
  'rbac-permission-denied': {
    form: 'api',
    code: 'RBAC_PERMISSION_DENIED',
    params: [
      ['permission', 'vm.clean_shutdown'],
      ['message', 'No permission in user session. (Roles with this permission: vm-power-admin, vm-admin, pool-operator, pool-admin)'],
    ],
  },
  'internal-error-mtu': { form: 'api', code: 'INTERNAL_ERROR', params: [['message', 'Failure: Int64.of_string']] },
  'ha-would-break-plan': { form: 'api', code: 'HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN', params: [] },
  'host-still-booting': { form: 'api', code: 'HOST_STILL_BOOTING', params: [] },
  'vm-migrate-failed-missing-param': {
    form: 'api',
    code: 'VM_MIGRATE_FAILED',
    params: [
      ['vm', `${VM} (web-01)`],
      ['source', '645ab895-b76a-5ada-8177-739c5b8ac740 (xcp-a)'],
      ['destination', 'bcaa3711-441e-5a1b-8783-15f003abb04f (xcp-b)'],
      ['msg', '<unknown>'],
    ],
  },
  'unknown-api-sentence': { form: 'unknown', detail: 'The pool is in a state that we have never heard of.', params: [['pool', 'whatever']] },
  'error-code-sr-backend': {
    form: 'error-code',
    code: 'SR_BACKEND_FAILURE_90',
    params: [['0', ''], ['1', 'The request is missing the device parameter'], ['2', '']],
  },
  'error-code-missing-parameter': { form: 'error-code', code: 'Missing parameter', params: [['0', 'no-such-field']] },
  'cli-key-not-found': { form: 'cli', detail: 'Key auto_poweron not found in map' },
  'cli-key-not-in-map': { form: 'cli', detail: 'Key ethtool-tx is not in map' },
  'cli-no-matching-vms': { form: 'cli', detail: 'No matching VMs found' },
  'cli-connection-refused': { form: 'cli', detail: 'Connection refused (calling connect )' },
  'cli-bool-8.2': { form: 'cli', detail: "Failed to parse parameter 'force': expecting 'true' or 'false'" },
  'cli-bool-8.3': { form: 'cli', detail: "Failed to parse parameter 'force': Expected 'true','t','yes','y','1','false','f','no','n','0' got maybe" },
  'cli-read-only-field': { form: 'cli', detail: "Field 'power-state' is read-only." },
  'usage-unknown-command': { form: 'usage', detail: 'Unknown command: vm-strat' },
  'usage-required-parameter': { form: 'usage', detail: 'Required parameter not found: uuid' },
  'usage-syntax-error': { form: 'usage', detail: 'Syntax error: params=' },
  'usage-authentication-failed': { form: 'usage', code: 'SESSION_AUTHENTICATION_FAILED', detail: 'Authentication failed' },
  'lost-connection': { form: 'unknown', detail: 'Lost connection to the server.' },
  'xe-not-found-dash': { form: 'xe-missing', exitCode: 127 },
  'xe-not-found-bash': { form: 'xe-missing', exitCode: 127 },
  empty: { form: 'unknown', detail: 'xe exited with status 1 and printed no error' },
};

describe('parseXeError (xe-cli.md §9)', () => {
  it('has an expectation for every stderr fixture', () => {
    const files = readdirSync(fixturePath('xe', 'errors')).map((f) => f.replace(/\.stderr$/, ''));
    assert.deepEqual(files.sort(), Object.keys(CASES).sort());
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`reads ${name}`, () => {
      const stderr = readFixture('xe', 'errors', `${name}.stderr`);
      const error = parseXeError(stderr, expected.exitCode ?? 1, { argv: ['xe', 'vm-start', `uuid=${VM}`] });
      assert.ok(error instanceof XeError);
      assert.equal(error.form, expected.form);
      assert.equal(error.code, expected.code);
      if (expected.detail !== undefined) {
        assert.equal(error.detail, expected.detail);
      }
      if (expected.params !== undefined) {
        assert.deepEqual(
          error.paramList.map((p) => [p.name, p.value]),
          expected.params,
        );
      }
      assert.equal(error.exitCode, expected.exitCode ?? 1);
      assert.equal(error.stderr, stderr);
      assert.deepEqual(error.argv, ['xe', 'vm-start', `uuid=${VM}`]);
    });
  }

  it('keeps the doc sentence as the detail and the whole text as the message', () => {
    const stderr = readFixture('xe', 'errors', 'vm-bad-power-state-start.stderr');
    const error = parseXeError(stderr, 1);
    assert.match(error.detail, BPS_DETAIL);
    assert.equal(error.message, stderr.trim());
    assert.equal(error.params.get('actual'), 'running');
  });

  it('says plainly that a host without xe is not an XCP-ng host', () => {
    const error = parseXeError(readFixture('xe', 'errors', 'xe-not-found-dash.stderr'), 127);
    assert.match(error.message, /not an XCP-ng host/);
  });

  it('trusts the exit status: "not found" text with status 1 is an ordinary error', () => {
    assert.equal(parseXeError('sh: 1: xe: not found\n', 1).form, 'unknown');
  });

  it('reports a process killed by a signal', () => {
    const error = parseXeError('', null);
    assert.equal(error.form, 'signal');
    assert.equal(error.exitCode, null);
  });

  it('joins a parameter value that continues on the next line', () => {
    const error = parseXeError('You attempted an operation that was not allowed.\nreason: first\nsecond\n', 1);
    assert.deepEqual(error.paramList, [{ name: 'reason', value: 'first\nsecond' }]);
  });

  it('reads a parameter whose empty value lost its trailing space', () => {
    const error = parseXeError('An error occurred during the migration process.\nvm:\nmsg: x\n', 1);
    assert.deepEqual(error.paramList, [
      { name: 'vm', value: '' },
      { name: 'msg', value: 'x' },
    ]);
  });
});
