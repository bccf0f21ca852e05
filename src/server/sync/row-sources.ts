/**
 * The pulled row types (shared/rows.ts) and where each comes from: for every table, the rows of the
 * user's ente with a version in a range that the user may see, each already serialised as its wire
 * JSON by the database (`json_build_object(...)::text`) and the page's rows joined into one text
 * (`string_agg`, in page order), so a page of 10,000 rows costs two queries, one result row, and no
 * per-row object building, parsing or JSON.stringify in Node.
 *
 * Invariants:
 * - Visibility: only the user's ente; plan, progress, conflicts, history and users for every role;
 *   notes for admins, evaluators and users of the note's area (none at all for a user of no area).
 * - The JSON of a row is exactly what `{type, id, version, deleted, data}` with the shared row data
 *   schema gives: timestamps as `Date.toISOString()` (UTC, milliseconds, `Z`), jsonb and arrays as
 *   stored, numbers as numbers. Each branch filters on (ente_id, version), the indexed columns.
 * - Order within a page: version, then ROW_TYPE_ORDER, then id in byte order (COLLATE "C"; the same as
 *   a JavaScript string comparison for the ASCII ids in use).
 * - Table and column names below are constants of this file (sql.raw); every value is a parameter.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { RowType } from '../../shared/rows.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { note } from '../db/schema.ts';
import { seesAllNotes } from './permissions.ts';

/** Parent types first, so within one version a client stores an area before its objectives. */
export const ROW_TYPE_ORDER: readonly RowType[] = [
  'ente',
  'user',
  'plan',
  'area',
  'objective',
  'phase',
  'note',
  'conflict',
  'phaseHistory',
];

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface Source {
  table: string;
  /** The column holding the row's version (the ente row has its own). */
  version: string;
  /** The `data` object: json_build_object arguments (key, column expression, …). */
  data: string;
}

const SOURCES: Record<RowType, Source> = {
  ente: { table: 'ente', version: 'row_version', data: `'name', name` },
  user: {
    table: 'app_user',
    version: 'version',
    data: `'username', username, 'displayName', display_name, 'role', role, 'areaIds', area_ids`,
  },
  plan: {
    table: 'plan',
    version: 'version',
    data: `'enteId', ente_id, 'title', title, 'years', years, 'acts', acts`,
  },
  area: {
    table: 'area',
    version: 'version',
    data: `'planId', plan_id, 'name', name, 'position', position, 'head', head, 'motivation', motivation`,
  },
  objective: {
    table: 'objective',
    version: 'version',
    data: `'areaId', area_id, 'number', number, 'title', title, 'indicator', indicator, 'subjects', subjects,
      'state', state, 'motivation', motivation,
      'weights', json_build_object('head', weight_head, 'giunta', weight_giunta, 'nucleo', weight_nucleo),
      'position', position`,
  },
  phase: {
    table: 'phase',
    version: 'version',
    data: `'objectiveId', objective_id, 'areaId', area_id, 'number', number, 'indicator', indicator,
      'subjects', subjects, 'description', description, 'weight', weight, 'weightUnit', weight_unit,
      'deadline', deadline, 'status', status, 'percent', percent, 'updatedBy', updated_by,
      'updatedAt', ${iso('updated_at')}`,
  },
  note: {
    table: 'note',
    version: 'version',
    data: `'objectiveId', objective_id, 'phaseId', phase_id, 'authorId', author_id, 'text', text,
      'createdAt', ${iso('created_at')}, 'attachmentIds', attachment_ids`,
  },
  conflict: {
    table: 'conflict',
    version: 'version',
    data: `'phaseId', phase_id, 'field', field, 'overwritten', overwritten, 'winner', winner,
      'userIds', user_ids, 'createdAt', ${iso('created_at')}`,
  },
  phaseHistory: {
    table: 'phase_history',
    version: 'version',
    data: `'phaseId', phase_id, 'field', field, 'before', before, 'after', after, 'userId', user_id,
      'at', ${iso('at')}, 'conflict', conflict`,
  },
};

/** Which versions a query covers: above `after`, and below `before` or exactly `at` when given. */
export interface VersionRange {
  after: number;
  before?: number | undefined;
  at?: number | undefined;
}

/** The WHERE of one type's branch, or null when the user sees none of its rows. */
function visible(type: RowType, user: SessionUser, range: VersionRange): SQL | null {
  const { table, version } = SOURCES[type];
  const v = sql.raw(version);
  const owner = table === 'ente' ? sql`id = ${user.enteId}` : sql`ente_id = ${user.enteId}`;
  const parts = [owner, sql`${v} > ${range.after}`];
  if (range.before !== undefined) parts.push(sql`${v} < ${range.before}`);
  if (range.at !== undefined) parts.push(sql`${v} = ${range.at}`);
  if (type === 'note' && !seesAllNotes(user.role)) {
    if (user.areaIds.length === 0) return null;
    parts.push(inArray(note.areaId, user.areaIds));
  }
  return sql.join(parts, sql` AND `);
}

function union(branches: SQL[]): SQL {
  return sql.join(branches, sql` UNION ALL `);
}

/**
 * The version of the (skip+1)-th visible row after `after` in version order, or null when there are no
 * more than `skip` such rows. Reads only versions, through the (ente_id, version) indexes.
 */
export async function nthVisibleVersion(
  tx: Tx,
  user: SessionUser,
  after: number,
  skip: number,
): Promise<number | null> {
  const branches = ROW_TYPE_ORDER.flatMap((type) => {
    const where = visible(type, user, { after });
    const { table, version } = SOURCES[type];
    return where ? [sql`SELECT ${sql.raw(version)} AS v FROM ${sql.raw(table)} WHERE ${where}`] : [];
  });
  const result = await tx.execute(
    sql`SELECT v::float8 AS v FROM (${union(branches)}) AS u ORDER BY v OFFSET ${skip} LIMIT 1`,
  );
  const [row] = rowsOf<{ v: number | string }>(result);
  return row ? Number(row.v) : null;
}

/** The visible rows of a range, serialised and joined: `body` is their JSON texts joined by commas. */
export interface SerialisedRows {
  count: number;
  /** The highest version among them (null when there are none). */
  last: number | null;
  body: string;
}

/**
 * Every visible row in the range, as one text: sorted by version, then parent types first, then id
 * (byte order, as the client's string comparison for ASCII ids), each row's wire JSON joined by ','.
 * One row comes back, however many rows the page holds.
 */
export async function fetchVisibleRows(
  tx: Tx,
  user: SessionUser,
  range: VersionRange,
): Promise<SerialisedRows> {
  const branches = ROW_TYPE_ORDER.flatMap((type, rank) => {
    const where = visible(type, user, range);
    if (!where) return [];
    const { table, version, data } = SOURCES[type];
    const v = sql.raw(version);
    return [
      sql`SELECT ${v} AS version, ${rank}::int AS rank, id,
            json_build_object('type', ${type}::text, 'id', id, 'version', ${v}, 'deleted', deleted,
                              'data', json_build_object(${sql.raw(data)}))::text AS json
            FROM ${sql.raw(table)} WHERE ${where}`,
    ];
  });
  const [row] = rowsOf<{ count: number | string; last: number | string | null; body: string | null }>(
    await tx.execute(sql`
      SELECT count(*)::int AS count, max(version)::float8 AS last,
             string_agg(json, ',' ORDER BY version, rank, id COLLATE "C") AS body
        FROM (${union(branches)}) AS u`),
  );
  return {
    count: Number(row?.count ?? 0),
    last: row?.last === null || row?.last === undefined ? null : Number(row.last),
    body: row?.body ?? '',
  };
}
