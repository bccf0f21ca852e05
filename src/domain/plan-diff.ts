/**
 * "What changed" between two moments of a plan, from its amendments: each area, objective and phase
 * touched in the range once, marked the way the paper plan prints changes in bold — added, removed,
 * replaced or modified — with every changed field's value before the first amendment of the range
 * and after the last. Pure: the amendments come in, in any order.
 */
export type AmendmentKind = 'add' | 'update' | 'remove' | 'replace';
export type AmendedEntity = 'area' | 'objective' | 'phase';

export interface AmendmentRecord {
  id: string;
  entity: AmendedEntity;
  entityId: string;
  kind: AmendmentKind;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export type ChangeMark = 'added' | 'removed' | 'replaced' | 'modified';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntityChange {
  entity: AmendedEntity;
  entityId: string;
  mark: ChangeMark;
  fields: FieldChange[];
  amendmentIds: string[];
}

const MARK: Record<AmendmentKind, ChangeMark> = {
  add: 'added',
  update: 'modified',
  remove: 'removed',
  replace: 'replaced',
};

/** The changes of amendments made from `from` (inclusive) to `to` (exclusive); either may be null. */
export function planChanges(
  amendments: readonly AmendmentRecord[],
  range: { from: string | null; to: string | null } = { from: null, to: null },
): EntityChange[] {
  const inRange = amendments
    .filter(
      (a) =>
        (range.from === null || a.createdAt >= range.from) && (range.to === null || a.createdAt < range.to),
    )
    .slice()
    .sort((a, b) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt),
    );
  const byEntity = new Map<
    string,
    { change: EntityChange; before: Map<string, unknown>; after: Map<string, unknown> }
  >();
  for (const a of inRange) {
    const key = `${a.entity}:${a.entityId}`;
    let entry = byEntity.get(key);
    if (!entry) {
      entry = {
        change: { entity: a.entity, entityId: a.entityId, mark: MARK[a.kind], fields: [], amendmentIds: [] },
        before: new Map(),
        after: new Map(),
      };
      byEntity.set(key, entry);
    } else if (entry.change.mark !== 'added' || a.kind !== 'update') {
      // Added then changed stays "added"; anything after a removal or replacement says what it did last.
      entry.change.mark = MARK[a.kind];
    }
    entry.change.amendmentIds.push(a.id);
    // What did not exist before the range had no value before it.
    if (entry.change.mark !== 'added') {
      for (const [field, value] of Object.entries(a.before ?? {})) {
        if (!entry.before.has(field)) entry.before.set(field, value);
      }
    }
    for (const [field, value] of Object.entries(a.after ?? {})) entry.after.set(field, value);
  }
  const changes: EntityChange[] = [];
  for (const { change, before, after } of byEntity.values()) {
    const fields = new Set([...before.keys(), ...after.keys()]);
    change.fields = [...fields]
      .map((field) => ({ field, before: before.get(field) ?? null, after: after.get(field) ?? null }))
      .filter((f) => JSON.stringify(f.before) !== JSON.stringify(f.after));
    // Added and taken out again within the range: nothing to show between the two moments.
    const addedThenGone =
      change.mark !== 'added' && inRange.some((a) => a.entityId === change.entityId && a.kind === 'add');
    if (addedThenGone && (change.mark === 'removed' || change.mark === 'replaced')) continue;
    if (change.mark === 'modified' && change.fields.length === 0) continue;
    changes.push(change);
  }
  return changes;
}
