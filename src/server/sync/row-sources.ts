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
import { seesAllNotes, seesOpenEvaluations } from './permissions.ts';

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
  'amendment',
  'snapshot',
  'evaluation',
  'phaseVerdict',
  'selfAssessment',
  'monitoringReport',
];

/** The row types of protocol v1: a v1 client is served only these (protocol Part 2 "Versions"). */
const V1_ROW_TYPES: ReadonlySet<RowType> = new Set([
  'ente',
  'user',
  'plan',
  'area',
  'objective',
  'phase',
  'note',
  'conflict',
  'phaseHistory',
]);

/** Who pulls: the user as the pull's snapshot sees them, and the protocol version of their client. */
export interface Viewer extends SessionUser {
  protocol: number;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface Source {
  table: string;
  /** The column holding the row's version (the ente row has its own). */
  version: string;
  /** The `data` object: json_build_object arguments (key, column expression, …). */
  data: string;
}

const SOURCES: Record<RowType, Source> = {
  ente: { table: 'ente', version: 'row_version', data: `'name', name, 'settings', settings` },
  user: {
    table: 'app_user',
    version: 'version',
    data: `'username', username, 'displayName', display_name, 'role', role, 'areaIds', area_ids`,
  },
  plan: {
    table: 'plan',
    version: 'version',
    data: `'enteId', ente_id, 'title', title, 'years', years, 'acts', acts, 'year', year, 'status', status,
      'events', events, 'scoring', scoring`,
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
      'position', position, 'replaces', replaces`,
  },
  phase: {
    table: 'phase',
    version: 'version',
    data: `'objectiveId', objective_id, 'areaId', area_id, 'number', number, 'indicator', indicator,
      'subjects', subjects, 'description', description, 'weight', weight, 'weightUnit', weight_unit,
      'deadline', deadline, 'status', status, 'percent', percent, 'updatedBy', updated_by,
      'updatedAt', ${iso('updated_at')}, 'removed', removed`,
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
  amendment: {
    table: 'amendment',
    version: 'version',
    data: `'planId', plan_id, 'entity', entity, 'entityId', entity_id, 'objectiveId', objective_id,
      'kind', kind, 'before', before, 'after', after, 'motivation', motivation, 'act', act,
      'userId', user_id, 'createdAt', ${iso('created_at')}`,
  },
  evaluation: {
    table: 'evaluation',
    version: 'version',
    data: `'objectiveId', id, 'planId', plan_id, 'areaId', area_id, 'percent', percent, 'comment', comment,
      'userId', user_id, 'updatedAt', ${iso('updated_at')}`,
  },
  phaseVerdict: {
    table: 'phase_verdict',
    version: 'version',
    data: `'phaseId', id, 'objectiveId', objective_id, 'areaId', area_id, 'planId', plan_id,
      'verdict', verdict, 'reason', reason, 'userId', user_id, 'updatedAt', ${iso('updated_at')}`,
  },
  selfAssessment: {
    table: 'self_assessment',
    version: 'version',
    data: `'objectiveId', id, 'planId', plan_id, 'areaId', area_id, 'percent', percent, 'note', note,
      'userId', user_id, 'updatedAt', ${iso('updated_at')}`,
  },
  snapshot: {
    table: 'snapshot',
    version: 'version',
    data: `'planId', plan_id, 'asOf', as_of, 'label', label, 'takenAt', ${iso('taken_at')},
      'takenBy', taken_by, 'phases', phases, 'objectives', objectives,
      'roundClosedAt', ${iso('round_closed_at')}, 'roundClosedBy', round_closed_by`,
  },
  monitoringReport: {
    table: 'monitoring_report',
    version: 'version',
    data: `'snapshotId', snapshot_id, 'planId', plan_id, 'objectiveId', objective_id, 'areaId', area_id,
      'done', done, 'issues', issues, 'reachable', reachable, 'action', action, 'userId', user_id,
      'updatedAt', ${iso('updated_at')}`,
  },
};

/**
 * Rows of draft plans are the admins' alone (protocol Part 2): the condition that keeps them out for
 * every other role, by the column that leads to the plan. Approval gives them new versions (so they
 * arrive then).
 */
function outsideDrafts(type: RowType, enteId: string): SQL | null {
  const drafts = sql`SELECT id FROM plan WHERE ente_id = ${enteId} AND status = 'draft'`;
  const draftAreas = sql`SELECT a.id FROM area a JOIN plan p ON p.id = a.plan_id
    WHERE p.ente_id = ${enteId} AND p.status = 'draft'`;
  switch (type) {
    case 'plan':
      return sql`status <> 'draft'`;
    case 'area':
    case 'amendment':
    case 'evaluation':
    case 'phaseVerdict':
    case 'selfAssessment':
    case 'snapshot':
    case 'monitoringReport':
      return sql`plan_id NOT IN (${drafts})`;
    case 'objective':
    case 'phase':
      return sql`area_id NOT IN (${draftAreas})`;
    default:
      return null;
  }
}

/**
 * Which part of the user's rows a pull serves (docs/protocol.md, "A first sync in two parts"):
 * every row (`all`, the contract's pull), or, for a first sync, the `core` first — the plan's
 * structure and progress and the notes of the user's own areas — then the `deferred` rest.
 */
export type PullPart = 'all' | 'core' | 'deferred';

/**
 * The deferred rows: the history, and the notes of a role that reads every note of the ente (the
 * admin's and the evaluator's: they have no areas of their own to work on first). Heads and officers
 * read only their own areas' notes, so theirs are all in the core. By type and role only, so a row
 * never changes part (a change of role answers resync, pull.ts).
 */
export function isDeferred(type: RowType, user: Viewer): boolean {
  return type === 'phaseHistory' || (type === 'note' && seesAllNotes(user.role));
}

/**
 * Which rows a query covers: versions above `after`, and below `before`, or exactly `at`, or at most
 * `upTo` when given; of the `part` (default all).
 */
export interface VersionRange {
  after: number;
  before?: number | undefined;
  at?: number | undefined;
  upTo?: number | undefined;
  part?: PullPart | undefined;
}

/** The WHERE of one type's branch, or null when the user sees none of its rows. */
function visible(type: RowType, user: Viewer, range: VersionRange): SQL | null {
  if (user.protocol < 2 && !V1_ROW_TYPES.has(type)) return null;
  if (range.part === 'core' && isDeferred(type, user)) return null;
  if (range.part === 'deferred' && !isDeferred(type, user)) return null;
  const { table, version } = SOURCES[type];
  const v = sql.raw(version);
  const owner = table === 'ente' ? sql`id = ${user.enteId}` : sql`ente_id = ${user.enteId}`;
  const parts = [owner, sql`${v} > ${range.after}`];
  if (range.before !== undefined) parts.push(sql`${v} < ${range.before}`);
  if (range.at !== undefined) parts.push(sql`${v} = ${range.at}`);
  if (range.upTo !== undefined) parts.push(sql`${v} <= ${range.upTo}`);
  if (type === 'note' && !seesAllNotes(user.role)) {
    if (user.areaIds.length === 0) return null;
    parts.push(inArray(note.areaId, user.areaIds));
  }
  if ((type === 'evaluation' || type === 'phaseVerdict') && !seesOpenEvaluations(user.role)) {
    // While the plan is open the Nucleo's figures are the admin's, the evaluator's and the area
    // head's (protocol Part 2); every role sees them once the plan is closed.
    const closed = sql`SELECT id FROM plan WHERE ente_id = ${user.enteId} AND status = 'closed'`;
    const ownAreas =
      user.role === 'head' && user.areaIds.length > 0
        ? sql` OR area_id IN (${sql.join(
            user.areaIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql``;
    parts.push(sql`(plan_id IN (${closed})${ownAreas})`);
  }
  if (user.role !== 'admin') {
    const draftless = outsideDrafts(type, user.enteId);
    if (draftless) parts.push(draftless);
  }
  return sql.join(parts, sql` AND `);
}

function union(branches: SQL[]): SQL {
  return sql.join(branches, sql` UNION ALL `);
}

/**
 * The version of the (skip+1)-th visible row of the range in version order, or null when there are no
 * more than `skip` such rows. Reads only versions, through the (ente_id, version) indexes.
 */
export async function nthVisibleVersion(
  tx: Tx,
  user: Viewer,
  range: VersionRange,
  skip: number,
): Promise<number | null> {
  const branches = ROW_TYPE_ORDER.flatMap((type) => {
    const where = visible(type, user, range);
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
export async function fetchVisibleRows(tx: Tx, user: Viewer, range: VersionRange): Promise<SerialisedRows> {
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

/** How many visible rows of each type the range holds (types with none left out). */
export async function countVisibleRows(
  tx: Tx,
  user: Viewer,
  range: VersionRange,
): Promise<Partial<Record<RowType, number>>> {
  const branches = ROW_TYPE_ORDER.flatMap((type) => {
    const where = visible(type, user, range);
    const { table } = SOURCES[type];
    return where
      ? [sql`SELECT ${type}::text AS type, count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`]
      : [];
  });
  if (branches.length === 0) return {};
  const counts: Partial<Record<RowType, number>> = {};
  for (const row of rowsOf<{ type: RowType; n: number | string }>(await tx.execute(union(branches)))) {
    const n = Number(row.n);
    if (n > 0) counts[row.type] = n;
  }
  return counts;
}
