/**
 * The rows a plan mutation reads and writes on the device, as an in-memory working set: loaded from
 * IndexedDB by client/db (plan-scope.ts), changed here by the pure appliers, written back by the
 * caller. Pure: no I/O, no clock.
 */
import type {
  AmendmentRecord,
  AreaRecord,
  EnteRecord,
  EvaluationRecord,
  NoteRecord,
  ObjectiveRecord,
  PhaseRecord,
  PhaseVerdictRecord,
  MonitoringReportRecord,
  PlanRecord,
  SelfAssessmentRecord,
  SnapshotRecord,
} from '../db/schema.ts';

/** The tables whose rows a pending mutation may change optimistically (and so may have a base). */
export type BaseTable =
  | 'ente'
  | 'plans'
  | 'areas'
  | 'objectives'
  | 'phases'
  | 'notes'
  | 'amendments'
  | 'evaluations'
  | 'phaseVerdicts'
  | 'selfAssessments'
  | 'snapshots'
  | 'monitoringReports';

export interface RecordOf {
  ente: EnteRecord;
  plans: PlanRecord;
  areas: AreaRecord;
  objectives: ObjectiveRecord;
  phases: PhaseRecord;
  notes: NoteRecord;
  amendments: AmendmentRecord;
  evaluations: EvaluationRecord;
  phaseVerdicts: PhaseVerdictRecord;
  selfAssessments: SelfAssessmentRecord;
  snapshots: SnapshotRecord;
  monitoringReports: MonitoringReportRecord;
}

export type RowSet = { [T in BaseTable]: Map<string, RecordOf[T]> };

/** One row written (`row`) or deleted (`row` null: on a draft a removal leaves no trace). */
export type RowEffect = { [T in BaseTable]: { table: T; id: string; row: RecordOf[T] | null } }[BaseTable];

export function emptyRowSet(): RowSet {
  return {
    ente: new Map(),
    plans: new Map(),
    areas: new Map(),
    objectives: new Map(),
    phases: new Map(),
    notes: new Map(),
    amendments: new Map(),
    evaluations: new Map(),
    phaseVerdicts: new Map(),
    selfAssessments: new Map(),
    snapshots: new Map(),
    monitoringReports: new Map(),
  };
}

/** The key of a row in the `bases` table. */
export function rowKey(table: BaseTable, id: string): string {
  return `${table}:${id}`;
}

/** Folds effects into the set, so the next mutation sees them. */
export function applyEffects(set: RowSet, effects: readonly RowEffect[]): void {
  for (const e of effects) {
    const table = set[e.table] as Map<string, RowEffect['row']>;
    if (e.row) table.set(e.id, e.row);
    else table.delete(e.id);
  }
}

/** Only the last effect on each row counts (the row's final state after several mutations). */
export function lastEffects(effects: readonly RowEffect[]): RowEffect[] {
  const byKey = new Map<string, RowEffect>();
  for (const e of effects) byKey.set(rowKey(e.table, e.id), e);
  return [...byKey.values()];
}
