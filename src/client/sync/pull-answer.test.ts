import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../shared/pull.ts';
import { readPullAnswer } from './pull-answer.ts';

// Mostly valid fields, each sometimes missing or anything at all: both verdicts come up often.
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: arb, weight: 30 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.anything(), weight: 1 },
  );
const row = fc.record(
  {
    type: maybe(fc.constantFrom('phase', 'note', 'hologram')),
    id: maybe(fc.string()),
    version: maybe(fc.oneof(fc.integer(), fc.double())),
    deleted: maybe(fc.boolean()),
    data: fc.anything(),
  },
  { requiredKeys: ['type', 'id', 'version', 'deleted', 'data'] },
);
const page = fc.record(
  {
    cursor: maybe(fc.integer({ min: -2, max: 1e6 })),
    lastSeq: maybe(fc.integer({ min: -2, max: 1e6 })),
    hasMore: maybe(fc.boolean()),
    rows: fc.oneof(
      { arbitrary: fc.array(row, { maxLength: 4 }), weight: 20 },
      { arbitrary: fc.anything(), weight: 1 },
    ),
    deferred: fc.option(
      fc.record({
        until: maybe(fc.integer({ min: 0, max: 99 })),
        rows: maybe(fc.dictionary(fc.string(), fc.nat())),
      }),
      { nil: undefined },
    ),
    resync: fc.option(fc.oneof(fc.constant(true), fc.anything()), { nil: undefined, freq: 5 }),
  },
  { requiredKeys: ['cursor', 'lastSeq', 'hasMore', 'rows'] },
);

describe('readPullAnswer', () => {
  it('accepts exactly what the shared pull schema accepts', () => {
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: page, weight: 9 }, { arbitrary: fc.anything(), weight: 1 }),
        (body) => {
          const mine = readPullAnswer(body);
          const theirs = pullResponseSchema.safeParse(body);
          expect(mine !== null).toBe(theirs.success);
          verdicts[theirs.success ? 'accepted' : 'refused']++;
          if (mine && theirs.success && !('resync' in mine) && !('resync' in theirs.data)) {
            expect(mine.cursor).toBe(theirs.data.cursor);
            expect(mine.rows.map((r) => [r.type, r.id, r.version, r.deleted])).toEqual(
              theirs.data.rows.map((r) => [r.type, r.id, r.version, r.deleted]),
            );
            expect(mine.deferred).toEqual(theirs.data.deferred);
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(verdicts.accepted).toBeGreaterThan(200);
    expect(verdicts.refused).toBeGreaterThan(200);
  });

  it('reads a page and a resync', () => {
    const rows = [{ type: 'note', id: 'n1', version: 3, deleted: false, data: { text: 'x' } }];
    expect(readPullAnswer({ cursor: 3, lastSeq: 0, hasMore: false, rows })).toEqual({
      cursor: 3,
      lastSeq: 0,
      hasMore: false,
      rows,
    });
    expect(readPullAnswer({ resync: true })).toEqual({ resync: true });
    expect(
      readPullAnswer({ cursor: 3, lastSeq: 0, hasMore: false, rows: [{ ...rows[0], version: 1.5 }] }),
    ).toBeNull();
  });
});
