import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../../src/core/errors';
import type { LabSnapshot } from '../../../../src/core/lab/labModel';
import type { PoolMonitor } from '../../../../src/core/lab/poolMonitor';
import type { ConfirmQuestion } from '../../../../src/core/ops/confirm';
import { OperationError } from '../../../../src/core/ops/operationError';
import { OperationLocks } from '../../../../src/core/ops/operationLocks';
import type { Runbook, RunbookStep, StepContext } from '../../../../src/core/ops/runbook/runbook';
import type { RunbookJournal, RunbookRecord } from '../../../../src/core/ops/runbook/runbookJournal';
import { runRunbook } from '../../../../src/core/ops/runbook/runRunbook';
import { verifyRunbook } from '../../../../src/core/ops/runbook/verifyRunbook';
import type { ExecResult } from '../../../../src/core/ssh/remoteExec';

/** A "pool" that is one flag per step: a command `set <id>` sets it, and each step verifies its flag. */
class FakeLab {
  readonly flags = new Set<string>();
  readonly sent: string[][] = [];
  readonly snapshot = {} as LabSnapshot;
  failing = false;
  readonly exec = {
    exec: async (argv: readonly string[]): Promise<ExecResult> => {
      this.sent.push([...argv]);
      if (this.failing) return { stdout: '', stderr: 'boom\n', code: 3, durationMs: 1 };
      if (argv[0] === 'set' && argv[1] !== undefined) this.flags.add(argv[1]);
      return { stdout: '', stderr: '', code: 0, durationMs: 1 };
    },
  };
  readonly monitor = { snapshot: this.snapshot, refreshAfterChange: async () => undefined } as unknown as PoolMonitor;
}

class MapJournal implements RunbookJournal {
  readonly records = new Map<string, RunbookRecord>();
  get(key: string): RunbookRecord | undefined {
    const r = this.records.get(key);
    return r && (JSON.parse(JSON.stringify(r)) as RunbookRecord);
  }
  all(): RunbookRecord[] {
    return [...this.records.values()];
  }
  async save(record: RunbookRecord): Promise<void> {
    this.records.set(record.key, JSON.parse(JSON.stringify(record)) as RunbookRecord);
  }
  async remove(key: string): Promise<void> {
    this.records.delete(key);
  }
}

function flagStep(lab: FakeLab, id: string, extra: Partial<RunbookStep> = {}): RunbookStep {
  return {
    id,
    title: `Set ${id}`,
    commands: () => [['set', id]],
    verify: () => (lab.flags.has(id) ? undefined : `${id} is not set`),
    ...extra,
  };
}

function runbook(steps: RunbookStep[]): Runbook {
  return { guideId: 'test', title: 'Test guide', targetKind: 'vm', targetUuid: 'u1', targetName: 'vm1', steps };
}

describe('runRunbook', () => {
  let lab: FakeLab;
  let journal: MapJournal;
  let asked: ConfirmQuestion[];
  let answers: boolean[];
  let ctx: StepContext;

  beforeEach(() => {
    lab = new FakeLab();
    journal = new MapJournal();
    asked = [];
    answers = [];
    ctx = {
      exec: lab.exec,
      monitor: lab.monitor,
      locks: new OperationLocks(),
      confirm: async (q) => {
        asked.push(q);
        return answers.shift() ?? false;
      },
    };
  });

  it('runs each step, skips what is already in place, shows manual steps, and finishes', async () => {
    lab.flags.add('a');
    const shown: string[] = [];
    const record = await runRunbook(runbook([flagStep(lab, 'a'), flagStep(lab, 'b'), { id: 'm', title: 'Guest', manual: 'do it' }]), 'p', ctx, journal, {
      showCommands: (step, commands) => shown.push(`${step.id}: ${commands.map((c) => c.join(' ')).join(';')}`),
    });
    assert.deepEqual(lab.sent, [['set', 'b']]);
    assert.deepEqual(shown, ['b: set b'], 'the commands are shown before they run');
    assert.deepEqual(record.steps.map((s) => s.state), ['skipped', 'done', 'manual']);
    assert.equal(record.finished, true);
  });

  it('stops at a declined destructive step, journaled, and resumes there without re-running the earlier ones', async () => {
    const book = runbook([flagStep(lab, 'a'), flagStep(lab, 'b', { confirm: () => ({ message: 'Sure?', action: 'Do It' }) })]);
    await assert.rejects(runRunbook(book, 'p', ctx, journal), CancelledError);
    assert.deepEqual(lab.sent, [['set', 'a']]);
    assert.match(asked[0]?.detail ?? '', /Commands:\nset b$/, 'the modal lists the commands');
    assert.deepEqual(journal.all()[0]?.steps.map((s) => s.state), ['done', 'pending']);
    lab.flags.delete('a'); // if `a` were re-run, it would be sent again
    answers = [true];
    const record = await runRunbook(book, 'p', ctx, journal);
    assert.deepEqual(lab.sent, [['set', 'a'], ['set', 'b']]);
    assert.deepEqual(record.steps.map((s) => s.state), ['done', 'done']);
  });

  it('verifies an interrupted (running) step on resume instead of running it again', async () => {
    const book = runbook([flagStep(lab, 'a'), flagStep(lab, 'reboot')]);
    await journal.save({ key: 'test:p:u1', guideId: 'test', title: 't', poolId: 'p', targetUuid: 'u1', targetName: 'vm1', finished: false, updatedAt: '', steps: [{ id: 'a', title: 'a', state: 'done' }, { id: 'reboot', title: 'r', state: 'running' }] });
    lab.flags.add('reboot'); // the host rebooted while VS Code was away
    const record = await runRunbook(book, 'p', ctx, journal);
    assert.deepEqual(lab.sent, []);
    assert.deepEqual(record.steps.map((s) => [s.state, s.detail]), [['done', undefined], ['done', 'verified after the interruption']]);
  });

  it('skips a declined optional step, refuses on a failed preflight before sending, and reports a failed verification', async () => {
    const optional = flagStep(lab, 'o', { optional: true, confirm: () => ({ message: 'Now?', action: 'Yes' }) });
    const refused = flagStep(lab, 'r', { preflight: () => ({ kind: 'refuse', reason: 'no way' }) });
    await assert.rejects(runRunbook(runbook([optional, refused]), 'p', ctx, journal), (e: unknown) => e instanceof OperationError && e.message === 'Set r: no way' && !e.sent);
    assert.deepEqual(lab.sent, []);
    assert.deepEqual(journal.all()[0]?.steps.map((s) => s.state), ['skipped', 'failed']);
    const liar = flagStep(lab, 'x', { commands: () => [['noop']] });
    await assert.rejects(runRunbook(runbook([liar]), 'q', ctx, journal), /the commands succeeded, but x is not set/);
    lab.failing = true;
    await assert.rejects(runRunbook(runbook([flagStep(lab, 'y')]), 'z', ctx, journal), /exited with 3: boom/);
  });

  it('Verify Only reads every check and sends nothing', async () => {
    lab.flags.add('a');
    const drift = await verifyRunbook(runbook([flagStep(lab, 'a'), flagStep(lab, 'b'), flagStep(lab, 'p', { skipWhenVerified: false })]), ctx);
    assert.deepEqual(drift.map((d) => [d.stepId, d.drift]), [['a', undefined], ['b', 'b is not set']]);
    assert.deepEqual(lab.sent, []);
  });
});
