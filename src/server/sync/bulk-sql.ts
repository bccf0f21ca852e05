/**
 * Bulk writes with one array parameter per column (`unnest`), so a statement of any number of rows has
 * a dozen bind parameters (never near PostgreSQL's 65,535) and the driver serialises a dozen arrays
 * instead of thousands of values — several times cheaper than a multi-row VALUES on PGlite.
 *
 * Invariants: table and column names come from callers' constants only (sql.raw); every value is a
 * parameter. jsonb values are sent as their JSON text (null stays SQL NULL); text[] values as a JSON
 * array, turned back into a text[] in the database (a null one becomes empty); timestamps as ISO
 * strings. src/server/sync/bulk-sql.pg.test.ts holds both databases to this.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';

export type BulkType = 'text' | 'int' | 'bigint' | 'bool' | 'timestamptz' | 'jsonb' | 'text[]';

/** A column: its name in the table and its type; rows give values in the columns' order. */
export type BulkColumn = readonly [name: string, type: BulkType];

function encode(type: BulkType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb' || type === 'text[]') return JSON.stringify(value);
  if (type === 'timestamptz') return value instanceof Date ? value.toISOString() : value;
  return value;
}

/** The array parameter's type, and how its element becomes the column's value (`u.<name>`). */
function shape(name: string, type: BulkType): { param: string; value: string } {
  const u = `u.${name}`;
  if (type === 'jsonb') return { param: 'text[]', value: `${u}::jsonb` };
  if (type === 'text[]')
    return { param: 'text[]', value: `ARRAY(SELECT jsonb_array_elements_text(${u}::jsonb))` };
  return { param: `${type}[]`, value: u };
}

/** `unnest($1::t1[], $2::t2[], …) AS u(c1, c2, …)` and the column value expressions over it. */
function unnestOf(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]) {
  const params: SQL[] = [];
  const values: string[] = [];
  columns.forEach(([name, type], i) => {
    const s = shape(name, type);
    params.push(sql`${sql.param(rows.map((r) => encode(type, r[i])))}::${sql.raw(s.param)}`);
    values.push(s.value);
  });
  const names = columns.map(([name]) => name).join(', ');
  return { from: sql`unnest(${sql.join(params, sql`, `)}) AS u(${sql.raw(names)})`, values, names };
}

/** The INSERT of `rows` (null for none): run it alone or with others (`runTogether`). */
export function insertStatement(
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): SQL | null {
  if (rows.length === 0) return null;
  const { from, values, names } = unnestOf(columns, rows);
  return sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(values.join(', '))} FROM ${from}`;
}

/**
 * `UPDATE table SET c = u.c, … FROM unnest(…) AS u WHERE table.key = u.key`, plus `extra` assignments
 * shared by every row (e.g. `updated_by = $1`). The key is the first column. Null for no rows.
 */
export function updateStatement(
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  extra: SQL,
): SQL | null {
  if (rows.length === 0) return null;
  const { from, values } = unnestOf(columns, rows);
  const [key, ...set] = columns.map(([name], i) => `${name} = ${values[i] ?? ''}`);
  if (!key) throw new Error('updateStatement needs a key column');
  return sql`UPDATE ${sql.raw(table)} AS t SET ${sql.raw(set.join(', '))}, ${extra} FROM ${from} WHERE t.${sql.raw(key)}`;
}

/**
 * Runs write statements as ONE statement, `WITH s1 AS (…), s2 AS (…) SELECT 1`: one round trip to
 * the database instead of one each. PostgreSQL runs every data-modifying WITH once, to completion,
 * all on the statement's snapshot, so the statements must not touch the same rows (here: different
 * tables). Null statements (no rows) are left out; nothing is sent when none is left.
 */
export async function runTogether(tx: Tx, statements: readonly (SQL | null)[]): Promise<void> {
  const present = statements.filter((st): st is SQL => st !== null);
  if (present.length === 0) return;
  if (present.length === 1 && present[0]) {
    await tx.execute(present[0]);
    return;
  }
  const ctes = present.map((st, i) => sql`${sql.raw(`w${i}`)} AS (${st})`);
  await tx.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT 1`);
}

export async function bulkInsert(
  tx: Tx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  await runTogether(tx, [insertStatement(table, columns, rows)]);
}

export async function bulkUpdate(
  tx: Tx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  extra: SQL,
): Promise<void> {
  await runTogether(tx, [updateStatement(table, columns, rows, extra)]);
}
