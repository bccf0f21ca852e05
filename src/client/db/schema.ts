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
  AreaRow,
  ConflictRow,
  EnteRow,
  NoteRow,
  ObjectiveRow,
  PhaseHistoryRow,
  PhaseRow,
  PlanRow,
  UserRow,
} from '../../shared/rows.ts';
import type { MutationName } from '../../shared/mutations.ts';
import type { RejectionReason } from '../../shared/errors.ts';
import { factsMiddleware, objectiveFact, phaseFact, type ObjectiveFact, type PhaseFact } from './facts.ts';

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

/** A photo kept on the device until uploaded (and afterwards as the offline copy). */
export interface AttachmentRecord {
  id: string;
  noteId: string | null;
  mime: string;
  blob: Blob;
  size: number;
  uploaded: boolean;
  createdAt: string;
  /** Set when the server refused the upload for good (type or size); the engine stops retrying it. */
  uploadError?: string;
}

/** A mutation waiting for the server; `seq` is the client's monotonically increasing sequence. */
export interface OutboxEntry {
  seq: number;
  id: string;
  name: MutationName;
  args: unknown;
  clientTime: string;
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
  table: 'phases' | 'notes';
  id: string;
  row: PhaseRecord | NoteRecord | null;
}

/** A mutation the server refused for good, kept for the user to review ("needs attention"). */
export interface RejectedEntry {
  id: string;
  seq: number;
  name: MutationName;
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
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejected!: EntityTable<RejectedEntry, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  bases!: EntityTable<BaseEntry, 'key'>;
  /** Read-only for the app: maintained by facts.ts. */
  phaseFacts!: EntityTable<PhaseFact, 'id'>;
  objectiveFacts!: EntityTable<ObjectiveFact, 'id'>;

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
    // Every write of phases/objectives also writes their facts, in the same transaction.
    this.use(factsMiddleware);
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
} as const;
