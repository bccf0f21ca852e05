/**
 * Loads, in one query, every row a push's mutations may read (mutation-context.ts's BatchState). Called by push.ts inside the push transaction AFTER the client and ente locks are taken,
 * so what it reads is the latest committed state and no other writer of the ente can change it before
 * the commit. The filters are those the per-mutation queries had: phases and objectives of the user's
 * ente and not deleted (a phase's objective joined for its state), note ids in any ente, attachments of
 * the user's ente.
 */
import { sql } from 'drizzle-orm';
import type { ObjectiveState, PhaseStatus } from '../../domain/plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES } from '../../domain/plan.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { asPlanStatus } from './plan-context.ts';
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

/** A set of ids as ONE array parameter (`= ANY($n::text[])`), whatever its size. */
const ids = (set: Set<string>) => sql`${sql.param([...set])}::text[]`;

interface StateRows {
  /** [id, objectiveId, areaId, status, percent, updatedBy, removed, objectiveState, planStatus] */
  phases: [string, string, string, string, number, string | null, boolean, string | null, string | null][];
  /** [id, areaId, planStatus] */
  objectives: [string, string, string | null][];
  notes: string[];
  attachments: string[];
}

/**
 * Everything in ONE query (one round trip): each table's rows as a JSON array, sent back as text and
 * parsed here (the same on PGlite and node-postgres, whatever their JSON parsing).
 */
export async function loadBatchState(tx: Tx, enteId: string, refs: BatchReferences): Promise<BatchState> {
  const [row] = rowsOf<{ state: string }>(
    await tx.execute(sql`SELECT json_build_object(
      'phases', (SELECT coalesce(json_agg(json_build_array(p.id, p.objective_id, p.area_id, p.status,
                   p.percent, p.updated_by, p.removed, o.state, pl.status)), '[]'::json)
                 FROM phase p
                 LEFT JOIN objective o ON o.id = p.objective_id
                 LEFT JOIN area a ON a.id = p.area_id
                 LEFT JOIN plan pl ON pl.id = a.plan_id
                 WHERE p.id = ANY(${ids(refs.phases)}) AND p.ente_id = ${enteId} AND NOT p.deleted),
      'objectives', (SELECT coalesce(json_agg(json_build_array(o.id, o.area_id, pl.status)), '[]'::json)
                 FROM objective o
                 LEFT JOIN area a ON a.id = o.area_id
                 LEFT JOIN plan pl ON pl.id = a.plan_id
                 WHERE o.id = ANY(${ids(refs.objectives)}) AND o.ente_id = ${enteId} AND NOT o.deleted),
      'notes', (SELECT coalesce(json_agg(n.id), '[]'::json) FROM note n WHERE n.id = ANY(${ids(refs.notes)})),
      'attachments', (SELECT coalesce(json_agg(t.id), '[]'::json) FROM attachment t
                 WHERE t.id = ANY(${ids(refs.attachments)}) AND t.ente_id = ${enteId})
    )::text AS state`),
  );
  const state = JSON.parse(row?.state ?? '{}') as Partial<StateRows>;
  return {
    phases: new Map(
      (state.phases ?? []).map(
        ([id, objectiveId, areaId, status, percent, updatedBy, removed, objectiveState, planStatus]) => [
          id,
          {
            id,
            objectiveId,
            areaId,
            status: asStatus(status),
            percent,
            updatedBy,
            objectiveState: objectiveState === null ? null : asState(objectiveState),
            planStatus: planStatus === null ? null : asPlanStatus(planStatus),
            removed,
          },
        ],
      ),
    ),
    objectives: new Map(
      (state.objectives ?? []).map(([id, areaId, planStatus]) => [
        id,
        { areaId, planStatus: planStatus === null ? null : asPlanStatus(planStatus) },
      ]),
    ),
    noteIds: new Set(state.notes ?? []),
    attachmentIds: new Set(state.attachments ?? []),
  };
}
