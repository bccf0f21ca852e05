/**
 * The pulled row types (shared/rows.ts) and where each comes from: for every table, the rows of the
 * user's ente with version > cursor that the user may see, in version order, turned into wire rows.
 * Visibility: only the user's ente; plan, progress, conflicts, history and users for every role;
 * notes for admins, evaluators and users of the note's area.
 */
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../../shared/auth.ts';
import type { PullRow } from '../../shared/pull.ts';
import type { RowData, RowType } from '../../shared/rows.ts';
import type { Tx } from '../db/database.ts';
import { appUser, area, conflict, ente, note, objective, phase, phaseHistory, plan } from '../db/schema.ts';
import { seesAllNotes } from './permissions.ts';

type Fetch = (tx: Tx, user: SessionUser, cursor: number, limit: number) => Promise<PullRow[]>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function wire<T extends RowType>(
  type: T,
  row: { id: string; version: number; deleted: boolean },
  data: RowData[T],
): PullRow {
  return { type, id: row.id, version: row.version, deleted: row.deleted, data };
}

/** Every synced table has these columns; the pull filter is the same for all of them. */
type Versioned = { enteId: AnyPgColumn; version: AnyPgColumn };
function since(table: Versioned, user: SessionUser, cursor: number, extra?: SQL): SQL | undefined {
  return and(eq(table.enteId, user.enteId), gt(table.version, cursor), extra);
}

const sources: Record<RowType, Fetch> = {
  ente: async (tx, user, cursor) => {
    const rows = await tx
      .select()
      .from(ente)
      .where(and(eq(ente.id, user.enteId), gt(ente.rowVersion, cursor)));
    return rows.map((r) =>
      wire('ente', { id: r.id, version: r.rowVersion, deleted: r.deleted }, { name: r.name }),
    );
  },
  user: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(appUser)
      .where(since(appUser, user, cursor))
      .orderBy(asc(appUser.version))
      .limit(limit);
    return rows.map((r) =>
      wire('user', r, { username: r.username, displayName: r.displayName, role: r.role, areaIds: r.areaIds }),
    );
  },
  plan: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(plan)
      .where(since(plan, user, cursor))
      .orderBy(asc(plan.version))
      .limit(limit);
    return rows.map((r) =>
      wire('plan', r, { enteId: r.enteId, title: r.title, years: r.years, acts: r.acts }),
    );
  },
  area: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(area)
      .where(since(area, user, cursor))
      .orderBy(asc(area.version))
      .limit(limit);
    return rows.map((r) =>
      wire('area', r, {
        planId: r.planId,
        name: r.name,
        position: r.position,
        head: r.head,
        motivation: r.motivation,
      }),
    );
  },
  objective: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(objective)
      .where(since(objective, user, cursor))
      .orderBy(asc(objective.version))
      .limit(limit);
    return rows.map((r) =>
      wire('objective', r, {
        areaId: r.areaId,
        number: r.number,
        title: r.title,
        indicator: r.indicator,
        subjects: r.subjects,
        state: r.state as RowData['objective']['state'],
        motivation: r.motivation,
        weights: { head: r.weightHead, giunta: r.weightGiunta, nucleo: r.weightNucleo },
        position: r.position,
      }),
    );
  },
  phase: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(phase)
      .where(since(phase, user, cursor))
      .orderBy(asc(phase.version))
      .limit(limit);
    return rows.map((r) =>
      wire('phase', r, {
        objectiveId: r.objectiveId,
        areaId: r.areaId,
        number: r.number,
        indicator: r.indicator,
        subjects: r.subjects,
        description: r.description,
        weight: r.weight,
        weightUnit: r.weightUnit as RowData['phase']['weightUnit'],
        deadline: r.deadline,
        status: r.status as RowData['phase']['status'],
        percent: r.percent,
        updatedBy: r.updatedBy,
        updatedAt: iso(r.updatedAt),
      }),
    );
  },
  note: async (tx, user, cursor, limit) => {
    if (!seesAllNotes(user.role) && user.areaIds.length === 0) return [];
    const areaFilter = seesAllNotes(user.role) ? undefined : inArray(note.areaId, user.areaIds);
    const rows = await tx
      .select()
      .from(note)
      .where(since(note, user, cursor, areaFilter))
      .orderBy(asc(note.version))
      .limit(limit);
    return rows.map((r) =>
      wire('note', r, {
        objectiveId: r.objectiveId,
        phaseId: r.phaseId,
        authorId: r.authorId,
        text: r.text,
        createdAt: r.createdAt.toISOString(),
        attachmentIds: r.attachmentIds,
      }),
    );
  },
  conflict: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(conflict)
      .where(since(conflict, user, cursor))
      .orderBy(asc(conflict.version))
      .limit(limit);
    return rows.map((r) =>
      wire('conflict', r, {
        phaseId: r.phaseId,
        field: r.field as RowData['conflict']['field'],
        overwritten: r.overwritten,
        winner: r.winner,
        userIds: r.userIds,
        createdAt: r.createdAt.toISOString(),
      }),
    );
  },
  phaseHistory: async (tx, user, cursor, limit) => {
    const rows = await tx
      .select()
      .from(phaseHistory)
      .where(since(phaseHistory, user, cursor))
      .orderBy(asc(phaseHistory.version))
      .limit(limit);
    return rows.map((r) =>
      wire('phaseHistory', r, {
        phaseId: r.phaseId,
        field: r.field as RowData['phaseHistory']['field'],
        before: r.before,
        after: r.after,
        userId: r.userId,
        at: r.at.toISOString(),
        conflict: r.conflict,
      }),
    );
  },
};

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

/** One query per type, one after the other (a transaction is one connection: no parallelism to gain). */
export async function fetchVisibleRows(
  tx: Tx,
  user: SessionUser,
  cursor: number,
  limit: number,
): Promise<PullRow[]> {
  const rows: PullRow[] = [];
  for (const type of ROW_TYPE_ORDER) rows.push(...(await sources[type](tx, user, cursor, limit)));
  return rows;
}
