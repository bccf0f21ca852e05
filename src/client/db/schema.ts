/**
 * The device database (IndexedDB through Dexie): the plan and its progress as last pulled plus the
 * local changes not yet acknowledged, the outbox of pending mutations, and sync bookkeeping.
 * The only module (with its siblings in client/db) that imports Dexie.
 *
 * Invariants:
 * - Schema changes only through new `version(n)` entries with an `.upgrade()` when data changes; a
 *   shipped version is never edited and user data (outbox, notes, attachments) is never dropped.
 * - A local change writes its entity rows and its outbox entry in ONE transaction (see local-change.ts).
 * - `phaseFacts` and `objectiveFacts` are the projections of `phases` and `objectives` on the fields
 *   the progress calculations read, written only by the middleware of facts.ts in the same
 *   transaction as every write of their source rows.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type {
  AmendmentRow,
  AreaRow,
  ConflictRow,
  EnteRow,
  EvaluationRow,
  MonitoringReportRow,
  NoteRow,
  ObjectiveRow,
  PhaseHistoryRow,
  PhaseRow,
  PhaseVerdictRow,
  PlanRow,
  SelfAssessmentRow,
  SnapshotRow,
  UserRow,
} from '../../shared/rows.ts';
import type { MutationName } from '../../shared/mutations.ts';
import type { PlanMutationName } from '../../shared/plan-mutations.ts';
import type { RejectionReason } from '../../shared/errors.ts';
import { factsMiddleware, objectiveFact, phaseFact, type ObjectiveFact, type PhaseFact } from './facts.ts';
import { searchLogMiddleware, type SearchLogEntry } from './search-log.ts';

/** Every synced row keeps its id and the server version it was last seen at (0 = local only). */
type Synced<T> = T & { id: string; version: number };

export type EnteRecord = Synced<EnteRow>;
export type PlanRecord = Synced<PlanRow>;
export type AreaRecord = Synced<AreaRow>;
export type ObjectiveRecord = Synced<ObjectiveRow>;
export type PhaseRecord = Synced<PhaseRow>;
/** `pending` marks a note written on this device and not yet acknowledged by the server. */
export type NoteRecord = Synced<NoteRow> & { pending?: boolean };
export type ConflictRecord = Synced<ConflictRow> & { dismissed?: boolean };
export type PhaseHistoryRecord = Synced<PhaseHistoryRow>;
export type UserRecord = Synced<UserRow>;
/** `pending` marks an amendment made on this device and not yet pulled back from the server. */
export type AmendmentRecord = Synced<AmendmentRow> & { pending?: boolean };
/** The Nucleo's figures, the head's own assessment, snapshots and monitoring reports (Part 2). */
export type EvaluationRecord = Synced<EvaluationRow>;
export type PhaseVerdictRecord = Synced<PhaseVerdictRow>;
export type SelfAssessmentRecord = Synced<SelfAssessmentRow>;
/**
 * `pending` marks a snapshot taken on this device and not yet pulled back: it has no frozen rows
 * (the freeze is the server's), so it is shown as waiting for sync, without figures.
 */
export type SnapshotRecord = Synced<SnapshotRow> & { pending?: boolean };
export type MonitoringReportRecord = Synced<MonitoringReportRow>;

/** A photo kept on the device until uploaded (and afterwards as the offline copy). */
export interface AttachmentRecord {
  id: string;
  noteId: string | null;
  mime: string;
  blob: Blob;
  size: number;
  uploaded: boolean;
  createdAt: string;
  /**
   * Set when the server refused the upload for good; the engine stops retrying it: `quota:user` or
   * `quota:ente` (a storage bound), else `HTTP <status>` (type or size).
   */
  uploadError?: string;
}

/** Every mutation name the device queues: protocol v1's and the plan mutations of v2. */
export type QueuedName = MutationName | PlanMutationName;

/** A mutation waiting for the server; `seq` is the client's monotonically increasing sequence. */
export interface OutboxEntry {
  seq: number;
  id: string;
  name: QueuedName;
  args: unknown;
  clientTime: string;
  /**
   * Plan mutations: the `bases` keys of the rows its optimistic effect changed (which rows depends on
   * the rows held, e.g. the phases of a removed objective, so they are recorded, not derived).
   */
  touched?: string[];
  /**
   * True once a push answered `applied` (or a duplicate of an applied one). The entry stays until a
   * pull's lastSeq covers it, so its effect never disappears between push and pull; an entry covered
   * by lastSeq but never confirmed is pushed again to learn its outcome (it may have been rejected).
   */
  confirmed?: boolean;
}

/**
 * The server's copy of a row that pending mutations have changed optimistically (`row` null: the
 * server has no such row, e.g. a note written here). Lets a rejection or a pull roll the optimistic
 * effect back and re-apply what is still pending (rebase.ts). Exists exactly while some outbox entry
 * touches the row.
 */
export interface BaseEntry {
  key: string;
  table:
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
  id: string;
  row:
    | EnteRecord
    | PlanRecord
    | AreaRecord
    | ObjectiveRecord
    | PhaseRecord
    | NoteRecord
    | AmendmentRecord
    | EvaluationRecord
    | PhaseVerdictRecord
    | SelfAssessmentRecord
    | SnapshotRecord
    | MonitoringReportRecord
    | null;
}

/** A mutation the server refused for good, kept for the user to review ("needs attention"). */
export interface RejectedEntry {
  id: string;
  seq: number;
  name: QueuedName;
  args: unknown;
  clientTime: string;
  reason: RejectionReason;
  rejectedAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class TraguardiDb extends Dexie {
  ente!: EntityTable<EnteRecord, 'id'>;
  plans!: EntityTable<PlanRecord, 'id'>;
  areas!: EntityTable<AreaRecord, 'id'>;
  objectives!: EntityTable<ObjectiveRecord, 'id'>;
  phases!: EntityTable<PhaseRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  conflicts!: EntityTable<ConflictRecord, 'id'>;
  phaseHistory!: EntityTable<PhaseHistoryRecord, 'id'>;
  users!: EntityTable<UserRecord, 'id'>;
  amendments!: EntityTable<AmendmentRecord, 'id'>;
  evaluations!: EntityTable<EvaluationRecord, 'id'>;
  phaseVerdicts!: EntityTable<PhaseVerdictRecord, 'id'>;
  selfAssessments!: EntityTable<SelfAssessmentRecord, 'id'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;
  monitoringReports!: EntityTable<MonitoringReportRecord, 'id'>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejected!: EntityTable<RejectedEntry, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  bases!: EntityTable<BaseEntry, 'key'>;
  /** Read-only for the app: maintained by facts.ts. */
  phaseFacts!: EntityTable<PhaseFact, 'id'>;
  objectiveFacts!: EntityTable<ObjectiveFact, 'id'>;
  /** Written only by search-log.ts's middleware; read and pruned by the search index. */
  searchLog!: EntityTable<SearchLogEntry, 'seq'>;
  /** The search index's persisted snapshot and bookkeeping (client/db/search-store.ts). */
  searchIndex!: EntityTable<MetaEntry, 'key'>;

  /** `options` lets tests give each simulated device its own IndexedDB factory. */
  constructor(name = 'traguardi', options?: DexieOptions) {
    super(name, options);
    // v1 (2026-11-25): the first shipped schema.
    this.version(1).stores({
      ente: 'id',
      plans: 'id, enteId',
      areas: 'id, planId, position',
      objectives: 'id, areaId',
      phases: 'id, objectiveId, areaId, deadline, status',
      notes: 'id, objectiveId, phaseId, createdAt',
      conflicts: 'id, phaseId, createdAt',
      phaseHistory: 'id, phaseId, at',
      users: 'id',
      attachments: 'id, noteId, uploaded',
      outbox: 'seq, &id',
      rejected: 'id, seq',
      meta: 'key',
    });
    // v2 (2026-11-25): `bases`, the server copy of optimistically changed rows (rollback and rebase).
    // A new empty table: no data changes, so no upgrade function.
    this.version(2).stores({ bases: 'key' });
    // v3 (2026-11-25): `phaseFacts` and `objectiveFacts`, the progress fields of phases and objectives
    // (facts.ts), filled here from the existing rows.
    this.version(3)
      .stores({ phaseFacts: 'id, areaId', objectiveFacts: 'id, areaId' })
      .upgrade(async (tx) => {
        const phases = await tx.table<PhaseRecord, string>('phases').toArray();
        await tx.table<PhaseFact, string>('phaseFacts').bulkPut(phases.map(phaseFact));
        const objectives = await tx.table<ObjectiveRecord, string>('objectives').toArray();
        await tx.table<ObjectiveFact, string>('objectiveFacts').bulkPut(objectives.map(objectiveFact));
      });
    // Protocol v2 (2026-12-01): the amendments of approved plans (motivation, act, before/after).
    this.version(4).stores({ amendments: 'id, planId, objectiveId, createdAt' });
    // Protocol v2 (2026-12-02): the Nucleo's evaluations and phase verdicts, the heads' own
    // assessments, monitoring snapshots and the heads' monitoring reports. New empty tables.
    this.version(5).stores({
      evaluations: 'id, planId, areaId',
      phaseVerdicts: 'id, objectiveId, areaId',
      selfAssessments: 'id, planId, areaId',
      snapshots: 'id, planId, asOf',
      monitoringReports: 'id, snapshotId, objectiveId, areaId',
    });
    // v6 (2026-12-02, issue 10): `searchLog`, every write of objectives/phases/notes in order
    // (search-log.ts), and `searchIndex`, the search index's snapshot. New empty tables: the index
    // is built from the rows when it finds no snapshot, so no upgrade function.
    this.version(6).stores({ searchLog: '++seq', searchIndex: 'key' });
    // v7 (2026-12-03, issue 10): indexes nothing queries go, each one more index entry per row a
    // first sync writes: the phases' `deadline` and `status` (the lists read the facts), the notes'
    // `createdAt` and the history's `at` (both sorted in memory, per phase or objective). The phase
    // facts gain `removed` (Il mio lavoro and the reminders read the facts), re-derived here.
    this.version(7)
      .stores({
        phases: 'id, objectiveId, areaId',
        notes: 'id, objectiveId, phaseId',
        phaseHistory: 'id, phaseId',
      })
      .upgrade(async (tx) => {
        const phases = await tx.table<PhaseRecord, string>('phases').toArray();
        await tx.table<PhaseFact, string>('phaseFacts').bulkPut(phases.map(phaseFact));
      });
    // Every write of phases/objectives also writes their facts, in the same transaction.
    this.use(factsMiddleware);
    // Every write of objectives/phases/notes is logged for the search index, in the same transaction.
    this.use(searchLogMiddleware);
  }
}

/** Which table holds each pulled row type. */
export const TABLE_OF_ROW_TYPE = {
  ente: 'ente',
  plan: 'plans',
  area: 'areas',
  objective: 'objectives',
  phase: 'phases',
  note: 'notes',
  conflict: 'conflicts',
  phaseHistory: 'phaseHistory',
  user: 'users',
  amendment: 'amendments',
  evaluation: 'evaluations',
  phaseVerdict: 'phaseVerdicts',
  selfAssessment: 'selfAssessments',
  snapshot: 'snapshots',
  monitoringReport: 'monitoringReports',
} as const;
