import type * as vscode from 'vscode';
import type { EvacuationRecord } from '../../core/ops/hostMaintenance';

const KEY = 'xcpng.maintenanceRecords';

/**
 * Where the VMs of hosts in maintenance were, kept in the workspace state so that "Exit Maintenance Mode"
 * can offer to move them back even after VS Code restarted (the guide's step 4).
 */
export class MaintenanceRecords {
  constructor(private readonly state: vscode.Memento) {}

  get(poolId: string, hostUuid: string): EvacuationRecord | undefined {
    return this.all().find((r) => r.poolId === poolId && r.hostUuid === hostUuid);
  }

  async put(record: EvacuationRecord): Promise<void> {
    await this.state.update(KEY, [...this.all().filter((r) => !(r.poolId === record.poolId && r.hostUuid === record.hostUuid)), record]);
  }

  async delete(poolId: string, hostUuid: string): Promise<void> {
    await this.state.update(KEY, this.all().filter((r) => !(r.poolId === poolId && r.hostUuid === hostUuid)));
  }

  private all(): EvacuationRecord[] {
    return this.state.get<EvacuationRecord[]>(KEY, []);
  }
}
