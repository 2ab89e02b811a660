import type * as vscode from 'vscode';
import type { RunbookJournal, RunbookRecord } from '../../core/ops/runbook/runbookJournal';

const KEY = 'xcpng.runbooks';

/** Runbook records in workspace state: they outlive a host reboot and a VS Code restart. */
export class WorkspaceRunbookJournal implements RunbookJournal {
  constructor(private readonly state: vscode.Memento) {}

  all(): readonly RunbookRecord[] {
    return this.state.get<RunbookRecord[]>(KEY, []);
  }

  get(key: string): RunbookRecord | undefined {
    const found = this.all().find((r) => r.key === key);
    // A copy: the runner mutates its record, and the stored one must only change when saved.
    return found && (JSON.parse(JSON.stringify(found)) as RunbookRecord);
  }

  async save(record: RunbookRecord): Promise<void> {
    const others = this.all().filter((r) => r.key !== record.key);
    await this.state.update(KEY, [...others, JSON.parse(JSON.stringify(record)) as RunbookRecord]);
  }

  async remove(key: string): Promise<void> {
    await this.state.update(
      KEY,
      this.all().filter((r) => r.key !== key),
    );
  }
}
