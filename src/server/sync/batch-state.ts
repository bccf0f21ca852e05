/**
 * Loads, in one query per table, every row a push's mutations may read (mutation-context.ts's
 * BatchState). Called by push.ts inside the push transaction AFTER the client and ente locks are taken,
 * so what it reads is the latest committed state and no other writer of the ente can change it before
 * the commit. The filters are those the per-mutation queries had: phases and objectives of the user's
 * ente and not deleted (a phase's objective joined for its state), note ids in any ente, attachments of
 * the user's ente.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ObjectiveState, PhaseStatus } from '../../domain/plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES } from '../../domain/plan.ts';
import type { Tx } from '../db/database.ts';
import { attachment, note, objective, phase } from '../db/schema.ts';
import type { BatchState } from './mutation-context.ts';

export interface BatchReferences {
  phases: Set<string>;
  objectives: Set<string>;
  notes: Set<string>;
  attachments: Set<string>;
}

export function emptyReferences(): BatchReferences {
  return { phases: new Set(), objectives: new Set(), notes: new Set(), attachments: new Set() };
}

const asStatus = (s: string): PhaseStatus =>
  (PHASE_STATUSES as readonly string[]).includes(s) ? (s as PhaseStatus) : 'not_started';
const asState = (s: string): ObjectiveState =>
  (OBJECTIVE_STATES as readonly string[]).includes(s) ? (s as ObjectiveState) : 'active';

/** Ids per query: far below PostgreSQL's 65,535 bind parameters (a push references ≤ 21,000 ids). */
const IDS_PER_QUERY = 10_000;

async function inChunks<T>(ids: Set<string>, load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const all = [...ids];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += IDS_PER_QUERY)
    out.push(...(await load(all.slice(i, i + IDS_PER_QUERY))));
  return out;
}

export async function loadBatchState(tx: Tx, enteId: string, refs: BatchReferences): Promise<BatchState> {
  const phases = await inChunks(refs.phases, (ids) =>
    tx
      .select({
        id: phase.id,
        objectiveId: phase.objectiveId,
        areaId: phase.areaId,
        status: phase.status,
        percent: phase.percent,
        updatedBy: phase.updatedBy,
        objectiveState: objective.state,
      })
      .from(phase)
      .leftJoin(objective, eq(objective.id, phase.objectiveId))
      .where(and(inArray(phase.id, ids), eq(phase.enteId, enteId), eq(phase.deleted, false))),
  );
  const objectives = await inChunks(refs.objectives, (ids) =>
    tx
      .select({ id: objective.id, areaId: objective.areaId })
      .from(objective)
      .where(and(inArray(objective.id, ids), eq(objective.enteId, enteId), eq(objective.deleted, false))),
  );
  const notes = await inChunks(refs.notes, (ids) =>
    tx.select({ id: note.id }).from(note).where(inArray(note.id, ids)),
  );
  const attachments = await inChunks(refs.attachments, (ids) =>
    tx
      .select({ id: attachment.id })
      .from(attachment)
      .where(and(inArray(attachment.id, ids), eq(attachment.enteId, enteId))),
  );
  return {
    phases: new Map(
      phases.map((r) => [
        r.id,
        {
          id: r.id,
          objectiveId: r.objectiveId,
          areaId: r.areaId,
          status: asStatus(r.status),
          percent: r.percent,
          updatedBy: r.updatedBy,
          objectiveState: r.objectiveState === null ? null : asState(r.objectiveState),
        },
      ]),
    ),
    objectives: new Map(objectives.map((r) => [r.id, { areaId: r.areaId }])),
    noteIds: new Set(notes.map((r) => r.id)),
    attachmentIds: new Set(attachments.map((r) => r.id)),
  };
}
