/**
 * Reads from IndexedDB the rows a set of queued mutations may read or change into a RowSet (the
 * working set of the pure appliers, client/apply): for a plan mutation the rows its args name and
 * what its checks look at (the plan's areas, the area's objectives, the objective's phases, the ente
 * row, the objective's evaluation and self-assessment, the phase's verdict, a snapshot with its plan
 * and the monitoring report its args name); for a v1 mutation its phase with the phase's objective,
 * or its note. Runs inside the caller's transaction over
 * rebaseTables(); reads only through indexes (planId, areaId, objectiveId) and ids.
 */
import { isMutationName } from '../../shared/mutations.ts';
import { monitoringReportId } from '../../shared/rows.ts';
import type { RowSet } from '../apply/plan-row-set.ts';
import type { TraguardiDb } from './schema.ts';

function put<T extends { id: string }>(map: Map<string, T>, rows: readonly (T | undefined)[]): void {
  for (const row of rows) if (row && !map.has(row.id)) map.set(row.id, row);
}

class ScopeLoader {
  private done = new Set<string>();
  constructor(
    private db: TraguardiDb,
    private set: RowSet,
  ) {}

  private once(key: string): boolean {
    if (this.done.has(key)) return false;
    this.done.add(key);
    return true;
  }

  async ente(): Promise<void> {
    if (this.once('ente')) put(this.set.ente, await this.db.ente.toArray());
  }

  async plan(id: string): Promise<void> {
    if (!this.once(`plan:${id}`)) return;
    put(this.set.plans, [await this.db.plans.get(id)]);
    put(this.set.areas, await this.db.areas.where('planId').equals(id).toArray());
  }

  async area(id: string): Promise<void> {
    if (!this.once(`area:${id}`)) return;
    const area = await this.db.areas.get(id);
    put(this.set.areas, [area]);
    if (area) await this.plan(area.planId);
    put(this.set.objectives, await this.db.objectives.where('areaId').equals(id).toArray());
  }

  async objective(id: string): Promise<void> {
    if (!this.once(`objective:${id}`)) return;
    const objective = await this.db.objectives.get(id);
    put(this.set.objectives, [objective]);
    if (objective) await this.area(objective.areaId);
    put(this.set.phases, await this.db.phases.where('objectiveId').equals(id).toArray());
    // The Nucleo's and the head's figures on it (their id is the objectiveId).
    put(this.set.evaluations, [await this.db.evaluations.get(id)]);
    put(this.set.selfAssessments, [await this.db.selfAssessments.get(id)]);
  }

  async phase(id: string): Promise<void> {
    if (!this.once(`phase:${id}`)) return;
    const phase = await this.db.phases.get(id);
    put(this.set.phases, [phase]);
    if (phase) await this.objective(phase.objectiveId);
    put(this.set.phaseVerdicts, [await this.db.phaseVerdicts.get(id)]);
  }

  /** A snapshot with its plan (the round's close checks the plan's life). */
  async snapshot(id: string): Promise<void> {
    if (!this.once(`snapshot:${id}`)) return;
    const snapshot = await this.db.snapshots.get(id);
    put(this.set.snapshots, [snapshot]);
    if (snapshot) await this.plan(snapshot.planId);
  }

  async monitoringReport(id: string): Promise<void> {
    if (this.once(`monitoringReport:${id}`))
      put(this.set.monitoringReports, [await this.db.monitoringReports.get(id)]);
  }

  async amendment(id: string): Promise<void> {
    if (!this.once(`amendment:${id}`)) return;
    const amendment = await this.db.amendments.get(id);
    put(this.set.amendments, [amendment]);
    if (amendment) await this.plan(amendment.planId);
  }
}

function text(args: Record<string, unknown>, key: string): string | null {
  const v = args[key];
  return typeof v === 'string' ? v : null;
}

/**
 * The rows of v1 mutations, as the rebase always read them: each phase with its objective, each note,
 * in three bulk reads (the field loop's outbox may hold hundreds of these: no per-row queries).
 */
async function loadProgressRows(db: TraguardiDb, set: RowSet, phaseIds: string[], noteIds: string[]) {
  const phases = await db.phases.bulkGet(phaseIds);
  put(set.phases, phases);
  const objectiveIds = phases.flatMap((p) => (p ? [p.objectiveId] : []));
  put(set.objectives, await db.objectives.bulkGet(objectiveIds));
  put(set.notes, await db.notes.bulkGet(noteIds));
}

/** Adds to `set` the rows each mutation needs (rows already in the set are kept as they are). */
export async function loadScope(
  db: TraguardiDb,
  set: RowSet,
  mutations: readonly { name: string; args: unknown }[],
): Promise<void> {
  const load = new ScopeLoader(db, set);
  const phaseIds: string[] = [];
  const noteIds: string[] = [];
  for (const m of mutations) {
    const args = typeof m.args === 'object' && m.args !== null ? (m.args as Record<string, unknown>) : {};
    if (isMutationName(m.name)) {
      const noteId = text(args, 'noteId');
      const phaseId = text(args, 'phaseId');
      if (noteId) noteIds.push(noteId);
      else if (phaseId) phaseIds.push(phaseId);
      continue;
    }
    await load.ente();
    const planId = text(args, 'planId');
    if (planId) await load.plan(planId);
    const areaId = text(args, 'areaId');
    if (areaId) await load.area(areaId);
    const objectiveId = text(args, 'objectiveId');
    if (objectiveId) await load.objective(objectiveId);
    const phaseId = text(args, 'phaseId');
    if (phaseId) await load.phase(phaseId);
    const snapshotId = text(args, 'snapshotId');
    if (snapshotId) await load.snapshot(snapshotId);
    if (snapshotId && objectiveId) await load.monitoringReport(monitoringReportId(snapshotId, objectiveId));
    const amendmentId = text(args, 'amendmentId');
    if (amendmentId) await load.amendment(amendmentId);
    const replacement = args.replacement;
    if (typeof replacement === 'object' && replacement !== null) {
      const id = text(replacement as Record<string, unknown>, 'objectiveId');
      if (id) put(set.objectives, [await db.objectives.get(id)]);
    }
  }
  await loadProgressRows(db, set, phaseIds, noteIds);
}
