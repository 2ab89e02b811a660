/**
 * Tree elements are small keys, not model objects: the provider looks up the current snapshot when VS Code
 * asks for an item, and the same key object is handed out for the same id so expansion, selection and reveal
 * survive refreshes.
 */
export type ExplorerNode =
  | { readonly kind: 'pool'; readonly id: string; readonly poolId: string }
  | { readonly kind: 'host'; readonly id: string; readonly poolId: string; readonly uuid: string }
  | { readonly kind: 'vm'; readonly id: string; readonly poolId: string; readonly uuid: string }
  | { readonly kind: 'notRunning'; readonly id: string; readonly poolId: string }
  | { readonly kind: 'storage'; readonly id: string; readonly poolId: string }
  | { readonly kind: 'sr'; readonly id: string; readonly poolId: string; readonly uuid: string }
  | { readonly kind: 'raid'; readonly id: string; readonly poolId: string; readonly hostUuid: string }
  | { readonly kind: 'mdArray'; readonly id: string; readonly poolId: string; readonly hostUuid: string; readonly name: string }
  | { readonly kind: 'message'; readonly id: string; readonly poolId: string; readonly text: string; readonly detail?: string; readonly retry?: boolean };

export type VmNode = Extract<ExplorerNode, { kind: 'vm' }>;
export type HostNode = Extract<ExplorerNode, { kind: 'host' }>;
export type PoolNode = Extract<ExplorerNode, { kind: 'pool' }>;
export type RaidNode = Extract<ExplorerNode, { kind: 'raid' }>;
export type MdArrayNode = Extract<ExplorerNode, { kind: 'mdArray' }>;
export type StorageNode = Extract<ExplorerNode, { kind: 'storage' }>;
export type SrNode = Extract<ExplorerNode, { kind: 'sr' }>;

/** Interns nodes by id: one object per id for the life of the tree. */
export class NodeCache {
  private readonly nodes = new Map<string, ExplorerNode>();

  pool(poolId: string): PoolNode {
    return this.intern({ kind: 'pool', id: `pool/${poolId}`, poolId });
  }

  host(poolId: string, uuid: string): HostNode {
    return this.intern({ kind: 'host', id: `host/${poolId}/${uuid}`, poolId, uuid });
  }

  vm(poolId: string, uuid: string): VmNode {
    return this.intern({ kind: 'vm', id: `vm/${poolId}/${uuid}`, poolId, uuid });
  }

  notRunning(poolId: string): Extract<ExplorerNode, { kind: 'notRunning' }> {
    return this.intern({ kind: 'notRunning', id: `notRunning/${poolId}`, poolId });
  }

  storage(poolId: string): StorageNode {
    return this.intern({ kind: 'storage', id: `storage/${poolId}`, poolId });
  }

  sr(poolId: string, uuid: string): SrNode {
    return this.intern({ kind: 'sr', id: `sr/${poolId}/${uuid}`, poolId, uuid });
  }

  raid(poolId: string, hostUuid: string): RaidNode {
    return this.intern({ kind: 'raid', id: `raid/${poolId}/${hostUuid}`, poolId, hostUuid });
  }

  mdArray(poolId: string, hostUuid: string, name: string): MdArrayNode {
    return this.intern({ kind: 'mdArray', id: `mdArray/${poolId}/${hostUuid}/${name}`, poolId, hostUuid, name });
  }

  /** Messages carry their text, so a new text is a new node. */
  message(poolId: string, key: string, text: string, detail?: string, retry?: boolean): ExplorerNode {
    const node: ExplorerNode = { kind: 'message', id: `message/${poolId}/${key}`, poolId, text, detail, retry };
    this.nodes.set(node.id, node);
    return node;
  }

  get(id: string): ExplorerNode | undefined {
    return this.nodes.get(id);
  }

  forgetPool(poolId: string): void {
    for (const [id, node] of this.nodes) if (node.poolId === poolId) this.nodes.delete(id);
  }

  private intern<T extends ExplorerNode>(node: T): T {
    const existing = this.nodes.get(node.id);
    if (existing) return existing as T;
    this.nodes.set(node.id, node);
    return node;
  }
}
