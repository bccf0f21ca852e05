// The bulk statements on both databases: every column type comes back as it went in, the hard texts
// included (quotes, backslashes, new lines, accents, emoji, JSON-looking strings); null or a missing
// value is SQL NULL (a jsonb column's too, never the JSON `null`), except a text[]'s: an empty array.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_KINDS } from '../../../test/helpers/server.ts';
import { openDatabase, rowsOf, type Database } from '../db/database.ts';
import { insertStatement, runTogether, updateStatement, type BulkColumn } from './bulk-sql.ts';

const COLUMNS: readonly BulkColumn[] = [
  ['id', 'text'],
  ['n', 'int'],
  ['v', 'bigint'],
  ['ok', 'bool'],
  ['at', 'timestamptz'],
  ['before', 'jsonb'],
  ['tags', 'text[]'],
];

const HARD = 'l’“Ufficio” \\ "q" \n\t perché ✓ 🏛 {"a":1} ,;';

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function open(kind: (typeof DB_KINDS)[number]): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  const test = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: test.url, poolSize: 1 });
  drops.push(async () => {
    await database.close();
    await test.drop();
  });
  return database;
}

describe.each(DB_KINDS)('bulk statements on %s', (kind) => {
  it('insert and update every type, hard texts and nulls included', async () => {
    const { db } = await open(kind);
    await db.execute(
      sql.raw(
        'CREATE TABLE bulk_t (id text PRIMARY KEY, n int, v bigint, ok bool, at timestamptz, before jsonb, tags text[], note text)',
      ),
    );
    await db.transaction(async (tx) => {
      await runTogether(tx, [
        insertStatement('bulk_t', COLUMNS, [
          ['a', 1, 1795571348617, true, new Date('2026-12-03T12:00:00.000Z'), { x: [1, 'è'] }, [HARD, 'b']],
          ['b', null, null, null, null, null, []],
          ['c', undefined, undefined, false, '2026-01-02T03:04:05.000Z', 'in_progress', null],
          [HARD, 0, 0, false, null, 50, ['x,y', '"z"']],
        ]),
      ]);
    });
    await db.transaction(async (tx) => {
      await runTogether(tx, [
        updateStatement(
          'bulk_t',
          [
            ['id', 'text'],
            ['n', 'int'],
            ['before', 'jsonb'],
          ],
          [
            ['b', 7, HARD],
            [HARD, null, null],
          ],
          sql`note = ${HARD}::text`,
        ),
      ]);
    });
    const result = await db.execute(
      sql.raw(
        `SELECT id, n, v::text AS v, ok, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS at,
                before, before IS NULL AS before_null, tags, note FROM bulk_t`,
      ),
    );
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.id) < String(b.id) ? -1 : 1;
    const rows = rowsOf<Record<string, unknown>>(result).sort(byId);
    expect(rows).toEqual(
      [
        {
          id: HARD,
          n: null,
          v: '0',
          ok: false,
          at: null,
          before: null,
          before_null: true,
          tags: ['x,y', '"z"'],
          note: HARD,
        },
        {
          id: 'c',
          n: null,
          v: null,
          ok: false,
          at: '2026-01-02T03:04:05',
          before: 'in_progress',
          before_null: false,
          tags: [],
          note: null,
        },
        {
          id: 'a',
          n: 1,
          v: '1795571348617',
          ok: true,
          at: '2026-12-03T12:00:00',
          before: { x: [1, 'è'] },
          before_null: false,
          tags: [HARD, 'b'],
          note: null,
        },
        {
          id: 'b',
          n: 7,
          v: null,
          ok: null,
          at: null,
          before: HARD,
          before_null: false,
          tags: [],
          note: HARD,
        },
      ].sort(byId),
    );
  });
});
