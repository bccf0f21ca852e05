import { describe, expect, it } from 'vitest';
import { planChanges, type AmendmentRecord } from './plan-diff.ts';

const a = (over: Partial<AmendmentRecord> & Pick<AmendmentRecord, 'id' | 'createdAt'>): AmendmentRecord => ({
  entity: 'objective',
  entityId: 'o1',
  kind: 'update',
  before: null,
  after: null,
  ...over,
});

describe('what changed between two moments', () => {
  it('marks each entity once, fields before the first and after the last amendment of the range', () => {
    const changes = planChanges([
      a({ id: '2', createdAt: '2022-06-02T00:00:00Z', before: { title: 'B' }, after: { title: 'C' } }),
      a({
        id: '1',
        createdAt: '2022-06-01T00:00:00Z',
        before: { title: 'A', indicator: 'x' },
        after: { title: 'B', indicator: 'y' },
      }),
      a({
        id: '3',
        createdAt: '2022-06-03T00:00:00Z',
        entity: 'phase',
        entityId: 'p1',
        kind: 'remove',
        before: { status: 'done' },
        after: { status: 'cancelled', removed: true },
      }),
      a({
        id: '4',
        createdAt: '2022-06-04T00:00:00Z',
        entityId: 'o2',
        kind: 'add',
        after: { number: '9', title: 'Nuovo' },
      }),
      a({
        id: '5',
        createdAt: '2022-06-05T00:00:00Z',
        entityId: 'o2',
        before: { title: 'Nuovo' },
        after: { title: 'Nuovissimo' },
      }),
      a({
        id: '6',
        createdAt: '2022-06-06T00:00:00Z',
        entityId: 'o3',
        kind: 'replace',
        before: { state: 'active' },
        after: { state: 'replaced' },
      }),
    ]);
    expect(changes).toEqual([
      {
        entity: 'objective',
        entityId: 'o1',
        mark: 'modified',
        amendmentIds: ['1', '2'],
        fields: [
          { field: 'title', before: 'A', after: 'C' },
          { field: 'indicator', before: 'x', after: 'y' },
        ],
      },
      {
        entity: 'phase',
        entityId: 'p1',
        mark: 'removed',
        amendmentIds: ['3'],
        fields: [
          { field: 'status', before: 'done', after: 'cancelled' },
          { field: 'removed', before: null, after: true },
        ],
      },
      {
        entity: 'objective',
        entityId: 'o2',
        mark: 'added',
        amendmentIds: ['4', '5'],
        fields: [
          { field: 'number', before: null, after: '9' },
          { field: 'title', before: null, after: 'Nuovissimo' },
        ],
      },
      {
        entity: 'objective',
        entityId: 'o3',
        mark: 'replaced',
        amendmentIds: ['6'],
        fields: [{ field: 'state', before: 'active', after: 'replaced' }],
      },
    ]);
  });

  it('keeps to the range, and leaves out what was added and taken out again or changed back', () => {
    const amendments = [
      a({ id: '1', createdAt: '2022-03-01T00:00:00Z', before: { title: 'A' }, after: { title: 'B' } }),
      a({ id: '2', createdAt: '2022-07-01T00:00:00Z', before: { title: 'B' }, after: { title: 'A' } }),
      a({ id: '3', createdAt: '2022-07-02T00:00:00Z', entityId: 'o9', kind: 'add', after: { title: 'X' } }),
      a({
        id: '4',
        createdAt: '2022-07-03T00:00:00Z',
        entityId: 'o9',
        kind: 'remove',
        before: { state: 'active' },
        after: { state: 'removed' },
      }),
    ];
    expect(planChanges(amendments)).toEqual([]);
    expect(planChanges(amendments, { from: null, to: '2022-06-01' })).toMatchObject([
      { entityId: 'o1', fields: [{ field: 'title', before: 'A', after: 'B' }] },
    ]);
    expect(planChanges(amendments, { from: '2022-07-03', to: null })).toMatchObject([
      { entityId: 'o9', mark: 'removed' },
    ]);
  });
});
