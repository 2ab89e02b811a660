import type { LabSnapshot } from './labModel';

/** The kinds of objects a snapshot holds, named as the lists of {@link LabSnapshot}. */
export type SnapshotObjectKind = 'pool' | 'hosts' | 'vms' | 'controlDomains' | 'vifs' | 'networks' | 'pifs' | 'srs';

export type SnapshotChange =
  | { readonly type: 'added' | 'removed'; readonly kind: SnapshotObjectKind; readonly uuid: string }
  /** `fields` are the model's property names whose values differ (`powerState`, `memory`...). */
  | { readonly type: 'changed'; readonly kind: SnapshotObjectKind; readonly uuid: string; readonly fields: readonly string[] };

const LIST_KINDS = ['hosts', 'vms', 'controlDomains', 'vifs', 'networks', 'pifs', 'srs'] as const;

/**
 * What changed between two snapshots of the same pool, object by object (matched by uuid), with the fields
 * that differ: the tree fires change events for exactly these. A pool whose uuid changed (another pool behind
 * the same address) is reported as removed and added. Order: pool, then each list in model order; within a
 * list removals, then changes and additions in the new snapshot's order.
 */
export function diffSnapshots(before: LabSnapshot, after: LabSnapshot): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  diffList('pool', [before.pool], [after.pool], changes);
  for (const kind of LIST_KINDS) {
    diffList(kind, before[kind], after[kind], changes);
  }
  return changes;
}

function diffList(
  kind: SnapshotObjectKind,
  before: readonly { readonly uuid: string }[],
  after: readonly { readonly uuid: string }[],
  changes: SnapshotChange[],
): void {
  const old = new Map(before.map((o) => [o.uuid, o]));
  const seen = new Set(after.map((o) => o.uuid));
  for (const o of before) {
    if (!seen.has(o.uuid)) {
      changes.push({ type: 'removed', kind, uuid: o.uuid });
    }
  }
  for (const o of after) {
    const previous = old.get(o.uuid);
    if (previous === undefined) {
      changes.push({ type: 'added', kind, uuid: o.uuid });
      continue;
    }
    const fields = changedFields(previous as Record<string, unknown>, o as Record<string, unknown>);
    if (fields.length > 0) {
      changes.push({ type: 'changed', kind, uuid: o.uuid, fields });
    }
  }
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameValue(a[k], b[k]));
}

/** Structural equality over what the model holds: primitives, arrays, Maps and plain objects. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) {
      return false;
    }
    for (const [k, v] of a) {
      if (!b.has(k) || !sameValue(v, b.get(k))) {
        return false;
      }
    }
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return changedFields(ra, rb).length === 0;
}
