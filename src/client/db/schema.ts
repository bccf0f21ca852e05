/**
 * The device database (IndexedDB through Dexie): the plan and its progress as last pulled plus the
 * local changes not yet acknowledged, the outbox of pending mutations, and sync bookkeeping.
 * The only module (with its siblings in client/db) that imports Dexie.
 *
 * Invariants:
 * - Schema changes only through new `version(n)` entries with an `.upgrade()` when data changes; a
 *   shipped version is never edited and user data (outbox, notes, attachments) is never dropped.
 * - A local change writes its entity rows and its outbox entry in ONE transaction (see local-change.ts).
 */
import { Dexie, type EntityTable } from 'dexie';
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
}

/** A mutation waiting for the server; `seq` is the client's monotonically increasing sequence. */
export interface OutboxEntry {
  seq: number;
  id: string;
  name: MutationName;
  args: unknown;
  clientTime: string;
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

  constructor(name = 'traguardi') {
    super(name);
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
