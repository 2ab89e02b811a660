import * as vscode from 'vscode';
import { compareNatural } from '../../core/lab/compareNatural';
import type { SnapshotChange } from '../../core/lab/diffSnapshots';
import type { LabSnapshot, Vm } from '../../core/lab/labModel';
import type { SecureBootVerdict } from '../../core/ops/secureBoot/secureBootVerdict';
import type { PoolMonitor } from '../../core/lab/poolMonitor';
import { describeError } from '../describeError';
import type { Lab } from '../lab/lab';
import { groupContext, messageContext } from './contextValue';
import type { HostRaidCache } from '../raid/hostRaidCache';
import { NodeCache, type ExplorerNode, type HostNode, type RaidNode, type SrNode, type VmNode } from './explorerNode';
import { hostItem } from './hostItem';
import { mdArrayItem } from './mdArrayItem';
import { raidItem } from './raidItem';
import { srItem } from './srItem';
import { poolItem } from './poolItem';
import { vmItem, vmTooltip } from './vmItem';

/**
 * Pools > hosts > VMs resident there, with VMs that run nowhere (halted, suspended) in a group under the
 * pool, and the pool's storage repositories in another. Rendering reads the monitors' snapshots; a pool is first read when its node is expanded, so a hidden
 * view sends nothing.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new NodeCache();
  private readonly unsubscribe = new Map<string, () => void>();
  private readonly disposables: vscode.Disposable[] = [];
  private filterText: string | undefined;
  private readonly lastKind = new Map<string, string>();
  /** Extra warning shown on a VM (guide drift); set by the guides. */
  vmWarning: (poolId: string, vm: Vm) => string | undefined = () => undefined;
  /** A VM's Secure Boot verdict now, and after reading what it needs on hover; set by the Secure Boot commands. */
  vmSecureBoot:
    | { current(poolId: string, vm: Vm): SecureBootVerdict; read(poolId: string, vm: Vm, signal?: AbortSignal): Promise<SecureBootVerdict> }
    | undefined;

  /** `raid`: where the master's /proc/mdstat readings come from; without it hosts get no RAID node. */
  constructor(
    private readonly lab: Lab,
    private readonly raid?: HostRaidCache,
  ) {
    this.disposables.push(this.changed, lab.onDidChangePools(() => this.onPoolsChanged()));
    if (raid) this.disposables.push(raid.onDidChange((poolId) => this.onRaidChanged(poolId)));
    this.onPoolsChanged();
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = text?.trim() ? text.trim() : undefined;
    void vscode.commands.executeCommand('setContext', 'xcpng.explorerFiltered', this.filterText !== undefined);
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const monitor = this.lab.monitor(node.poolId);
    switch (node.kind) {
      case 'pool':
        return monitor ? poolItem(node, monitor, this.filterText) : new vscode.TreeItem(node.poolId);
      case 'host': {
        const snapshot = monitor?.snapshot;
        const host = snapshot?.hosts.find((h) => h.uuid === node.uuid);
        if (!snapshot || !host) return gone(node);
        return hostItem(node, host, this.vmsOnHost(snapshot, host.uuid).length, this.hasRaidNode(host.isMaster));
      }
      case 'raid': {
        const host = monitor?.snapshot?.hosts.find((h) => h.uuid === node.hostUuid);
        if (!this.raid || !host) return gone(node);
        return raidItem(node, host.name, this.raid.state(node.poolId));
      }
      case 'mdArray': {
        const array = this.raid?.raid(node.poolId)?.arrays.find((a) => a.name === node.name);
        return array ? mdArrayItem(node, array) : gone(node);
      }
      case 'vm': {
        const snapshot = monitor?.snapshot;
        const vm = snapshot?.vms.find((v) => v.uuid === node.uuid);
        if (!snapshot || !vm) return gone(node);
        const host = snapshot.hosts.find((h) => h.uuid === vm.residentOn);
        return vmItem(node, vm, host, (v) => this.vmWarning(node.poolId, v), this.vmSecureBoot?.current(node.poolId, vm));
      }
      case 'notRunning': {
        const count = monitor?.snapshot ? this.notRunning(monitor.snapshot).length : 0;
        return groupItem(node, 'halted', count, count > 30, 'VMs that run on no host: halted, and suspended (their memory is saved on a storage repository).');
      }
      case 'storage':
        // Collapsed: SRs change rarely and the hosts and VMs are what the view is mostly for.
        return groupItem(node, 'storage', monitor?.snapshot?.srs.length ?? 0, true, 'The pool\'s storage repositories: where VM disks, ISO images and removable devices are.');
      case 'sr': {
        const sr = monitor?.snapshot?.srs.find((s) => s.uuid === node.uuid);
        return sr ? srItem(node, sr) : gone(node);
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.tooltip = node.detail ?? node.text;
        item.iconPath = new vscode.ThemeIcon(node.retry ? 'warning' : 'info');
        item.contextValue = node.retry ? `${messageContext}:retry` : messageContext;
        if (node.retry) item.command = { command: 'xcpng.pool.retry', title: 'Retry', arguments: [this.nodes.pool(node.poolId)] };
        return item;
      }
    }
  }

  /** Only VM rows leave their tooltip to hover time: the Secure Boot verdict reads the VM's NVRAM then. */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'vm' || !this.vmSecureBoot) return item;
    const snapshot = this.lab.monitor(node.poolId)?.snapshot;
    const vm = snapshot?.vms.find((v) => v.uuid === node.uuid);
    if (!snapshot || !vm) return item;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const verdict = await this.vmSecureBoot.read(node.poolId, vm, controller.signal);
      item.tooltip = vmTooltip(vm, snapshot.hosts.find((h) => h.uuid === vm.residentOn), this.vmWarning(node.poolId, vm), verdict);
    } finally {
      subscription.dispose();
    }
    return item;
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    if (!node) {
      return this.lab.monitors
        .slice()
        .sort((a, b) => compareNatural(a.target.name, b.target.name))
        .map((m) => this.nodes.pool(m.target.id));
    }
    const monitor = this.lab.monitor(node.poolId);
    if (!monitor) return [];
    const snapshot = monitor.snapshot;
    switch (node.kind) {
      case 'pool': {
        const status = monitor.status;
        if (status.kind === 'idle') {
          void monitor.refresh();
          return [this.nodes.message(node.poolId, 'loading', 'Connecting…')];
        }
        if (!snapshot) {
          if (status.kind === 'failed') {
            return [this.nodes.message(node.poolId, 'error', describeError(status.error), errorDetail(status.error), true)];
          }
          return [this.nodes.message(node.poolId, 'loading', 'Connecting…')];
        }
        const hosts = snapshot.hosts.map((h) => this.nodes.host(node.poolId, h.uuid));
        const idle = this.notRunning(snapshot);
        const children: ExplorerNode[] = [...hosts];
        if (idle.length) children.push(this.nodes.notRunning(node.poolId));
        // Like the Halted VMs group, no group at all rather than an empty one.
        if (snapshot.srs.length) children.push(this.nodes.storage(node.poolId));
        if (snapshot.hosts.length === 0 && snapshot.vms.length === 0) {
          children.push(this.nodes.message(node.poolId, 'empty', 'This pool has no hosts or VMs.'));
        }
        return children;
      }
      case 'host': {
        if (!snapshot) return [];
        const vms = this.vmsOnHost(snapshot, node.uuid).map((vm): ExplorerNode => this.nodes.vm(node.poolId, vm.uuid));
        const isMaster = snapshot.hosts.find((h) => h.uuid === node.uuid)?.isMaster ?? false;
        return this.hasRaidNode(isMaster) ? [this.nodes.raid(node.poolId, node.uuid), ...vms] : vms;
      }
      case 'raid':
        return this.raidChildren(node);
      case 'notRunning':
        return snapshot ? this.notRunning(snapshot).map((vm) => this.nodes.vm(node.poolId, vm.uuid)) : [];
      case 'storage':
        return snapshot ? snapshot.srs.map((sr) => this.nodes.sr(node.poolId, sr.uuid)) : [];
      default:
        return [];
    }
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node.kind === 'pool') return undefined;
    if (node.kind === 'raid') return this.nodes.host(node.poolId, node.hostUuid);
    if (node.kind === 'mdArray') return this.nodes.raid(node.poolId, node.hostUuid);
    if (node.kind === 'sr') return this.nodes.storage(node.poolId);
    if (node.kind !== 'vm') return this.nodes.pool(node.poolId);
    const vm = this.lab.monitor(node.poolId)?.snapshot?.vms.find((v) => v.uuid === node.uuid);
    if (vm?.residentOn && vm.powerState !== 'halted' && vm.powerState !== 'suspended') return this.nodes.host(node.poolId, vm.residentOn);
    return this.nodes.notRunning(node.poolId);
  }

  /** The node of a VM, host or SR by uuid, for reveal after an action. */
  nodeFor(poolId: string, kind: 'vm', uuid: string): VmNode;
  nodeFor(poolId: string, kind: 'host', uuid: string): HostNode;
  nodeFor(poolId: string, kind: 'sr', uuid: string): SrNode;
  nodeFor(poolId: string, kind: 'vm' | 'host' | 'sr', uuid: string): ExplorerNode {
    return kind === 'vm' ? this.nodes.vm(poolId, uuid) : kind === 'host' ? this.nodes.host(poolId, uuid) : this.nodes.sr(poolId, uuid);
  }

  /** Redraws one VM row, for a change the snapshot does not show (its NVRAM). */
  refreshVm(node: VmNode): void {
    this.changed.fire(node);
  }

  poolNode(poolId: string): ExplorerNode {
    return this.nodes.pool(poolId);
  }

  /** The RAID node of a pool's master, when it has one. */
  raidNode(poolId: string): RaidNode | undefined {
    const master = this.lab.monitor(poolId)?.snapshot?.hosts.find((h) => h.isMaster);
    return master && this.raid ? this.nodes.raid(poolId, master.uuid) : undefined;
  }

  dispose(): void {
    for (const u of this.unsubscribe.values()) u();
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Only the master gets a RAID node: the pool's connection reaches the master's dom0 alone, and a node
   * for another host would show the master's arrays under the wrong name.
   */
  private hasRaidNode(isMaster: boolean): boolean {
    return this.raid !== undefined && isMaster;
  }

  /** Showing the arrays is what reads /proc/mdstat (again, when the last reading is stale). */
  private raidChildren(node: RaidNode): ExplorerNode[] {
    if (!this.raid) return [];
    this.raid.ensureFresh(node.poolId);
    const state = this.raid.state(node.poolId);
    const raid = this.raid.raid(node.poolId);
    if (!raid) {
      if (state.kind === 'failed') return [this.nodes.message(node.poolId, `raid/${node.hostUuid}`, describeError(state.error), errorDetail(state.error))];
      return [this.nodes.message(node.poolId, `raid/${node.hostUuid}`, 'Reading /proc/mdstat…')];
    }
    if (raid.arrays.length === 0) return [this.nodes.message(node.poolId, `raid/${node.hostUuid}`, 'No md arrays: /proc/mdstat lists none.')];
    return raid.arrays.map((a) => this.nodes.mdArray(node.poolId, node.hostUuid, a.name));
  }

  private onRaidChanged(poolId: string): void {
    const node = this.raidNode(poolId);
    if (node) this.changed.fire(node);
  }

  private vmsOnHost(snapshot: LabSnapshot, hostUuid: string): Vm[] {
    return snapshot.vms.filter((vm) => vm.residentOn === hostUuid && isResident(vm) && this.matches(vm));
  }

  private notRunning(snapshot: LabSnapshot): Vm[] {
    return snapshot.vms.filter((vm) => !isResident(vm) && this.matches(vm));
  }

  private matches(vm: Vm): boolean {
    if (!this.filterText) return true;
    const needle = this.filterText.toLocaleLowerCase();
    return vm.name.toLocaleLowerCase().includes(needle) || vm.uuid.startsWith(needle) || vm.ips.some((ip) => ip.startsWith(needle));
  }

  private onPoolsChanged(): void {
    const live = new Set(this.lab.monitors.map((m) => m.target.id));
    for (const [id, unsubscribe] of this.unsubscribe) {
      if (!live.has(id)) {
        unsubscribe();
        this.unsubscribe.delete(id);
        this.lastKind.delete(id);
        this.nodes.forgetPool(id);
      }
    }
    for (const monitor of this.lab.monitors) {
      if (!this.unsubscribe.has(monitor.target.id)) {
        this.unsubscribe.set(monitor.target.id, monitor.onDidChange((_s, changes) => this.onPoolChanged(monitor, changes)));
      }
    }
    void vscode.commands.executeCommand('setContext', 'xcpng.hasPools', live.size > 0);
    this.changed.fire(undefined);
  }

  /** Fires the narrowest change events the diff allows: a VM whose fields changed in place refreshes alone. */
  private onPoolChanged(monitor: PoolMonitor, changes: readonly SnapshotChange[]): void {
    const poolId = monitor.target.id;
    const before = this.lastKind.get(poolId);
    this.lastKind.set(poolId, monitor.status.kind);
    // A timed refresh that found nothing new costs no redraw.
    if (before === 'ready' && monitor.status.kind === 'ready' && changes.length === 0) return;
    const structural = changes.length === 0 || changes.some((c) => c.type !== 'changed' || c.kind === 'hosts' || c.kind === 'pool' || moved(c));
    if (structural) {
      this.changed.fire(this.nodes.pool(poolId));
      return;
    }
    for (const c of changes) {
      if (c.kind === 'vms') this.changed.fire(this.nodes.vm(poolId, c.uuid));
      if (c.kind === 'srs') this.changed.fire(this.nodes.sr(poolId, c.uuid));
    }
    // Host rows show memory and VM counts, which VM changes move.
    for (const h of monitor.snapshot?.hosts ?? []) this.changed.fire(this.nodes.host(poolId, h.uuid));
  }
}

/** Resident VMs sit under their host; halted and suspended ones run nowhere. */
function isResident(vm: Vm): boolean {
  return vm.residentOn !== null && (vm.powerState === 'running' || vm.powerState === 'paused');
}

/** A VM that changed power state or host moves in the tree: its parent must be re-read. */
function moved(change: SnapshotChange): boolean {
  return change.type === 'changed' && change.kind === 'vms' && (change.fields.includes('powerState') || change.fields.includes('residentOn'));
}

const GROUPS = { halted: { label: 'Halted VMs', icon: 'debug-stop' }, storage: { label: 'Storage', icon: 'database' } } as const;

/** A group row under a pool: its count as description. */
function groupItem(node: ExplorerNode, kind: keyof typeof GROUPS, count: number, collapsed: boolean, tooltip: string): vscode.TreeItem {
  const item = new vscode.TreeItem(GROUPS[kind].label, collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = String(count);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(GROUPS[kind].icon);
  item.contextValue = groupContext(kind);
  return item;
}

function gone(node: ExplorerNode): vscode.TreeItem {
  const item = new vscode.TreeItem('(no longer in the pool)');
  item.id = node.id;
  return item;
}

function errorDetail(error: Error): string {
  return `${error.name}: ${error.message}\n\nUse Retry after fixing the cause; details are in the XCP-ng Lab log.`;
}
