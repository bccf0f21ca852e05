/**
 * The server's tables (PostgreSQL dialect; PGlite embedded or a PostgreSQL server).
 *
 * Invariants:
 * - Every table carries `ente_id` (the `ente` table is keyed by it), and every transaction touches one
 *   ente, so the schema can be sharded by ente_id.
 * - Every synced row has `version` (taken from its ente's counter `ente.version` inside the writing
 *   transaction, so commit order and version order agree) and `deleted` (a tombstone, kept so pulls
 *   can hand it out).
 * - Ids are text (uuids in practice): a malformed id from a client is then simply "not found", never a
 *   database error.
 * - Migrations are generated from this file with `npm run db:generate` and are append-only.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ApprovingAct } from '../../domain/plan.ts';

/** bytea as Uint8Array (pg gives a Buffer, which is one; PGlite gives a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const versionColumns = {
  version: bigint('version', { mode: 'number' }).notNull(),
  deleted: boolean('deleted').notNull().default(false),
};
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ente = pgTable('ente', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /**
   * The per-ente version counter: the highest version handed to any row of this ente. Bumped with
   * `UPDATE ente SET version = version + 1 ... RETURNING`, which row-locks the ente until commit.
   */
  version: bigint('version', { mode: 'number' }).notNull(),
  /** The oldest cursor pulls can continue from; older (non-zero) cursors are told to resync. */
  minVersion: bigint('min_version', { mode: 'number' }).notNull(),
  /** The version of the ente row itself, as a pulled row. */
  rowVersion: bigint('row_version', { mode: 'number' }).notNull(),
  deleted: boolean('deleted').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const appUser = pgTable(
  'app_user',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    areaIds: text('area_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    ...versionColumns,
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_idx').on(t.username),
    index('app_user_ente_version_idx').on(t.enteId, t.version),
  ],
);

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the token, hex: the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    enteId: text('ente_id').notNull(),
    userId: text('user_id').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const plan = pgTable(
  'plan',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    title: text('title').notNull(),
    years: jsonb('years').$type<number[]>().notNull(),
    acts: jsonb('acts').$type<ApprovingAct[]>().notNull().default([]),
    ...versionColumns,
  },
  (t) => [index('plan_ente_version_idx').on(t.enteId, t.version)],
);

export const area = pgTable(
  'area',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    planId: text('plan_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    head: text('head'),
    motivation: text('motivation'),
    ...versionColumns,
  },
  (t) => [index('area_ente_version_idx').on(t.enteId, t.version)],
);

export const objective = pgTable(
  'objective',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    areaId: text('area_id').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    indicator: text('indicator').notNull(),
    subjects: text('subjects').notNull().default(''),
    state: text('state').notNull(),
    motivation: text('motivation'),
    weightHead: doublePrecision('weight_head'),
    weightGiunta: doublePrecision('weight_giunta'),
    weightNucleo: doublePrecision('weight_nucleo'),
    position: integer('position').notNull(),
    ...versionColumns,
  },
  (t) => [index('objective_ente_version_idx').on(t.enteId, t.version)],
);

export const phase = pgTable(
  'phase',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    objectiveId: text('objective_id').notNull(),
    areaId: text('area_id').notNull(),
    number: integer('number').notNull(),
    indicator: text('indicator').notNull(),
    subjects: text('subjects').notNull(),
    description: text('description').notNull(),
    weight: doublePrecision('weight'),
    weightUnit: text('weight_unit'),
    deadline: text('deadline'),
    status: text('status').notNull(),
    percent: integer('percent').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: ts('updated_at'),
    ...versionColumns,
  },
  (t) => [
    index('phase_ente_version_idx').on(t.enteId, t.version),
    index('phase_objective_idx').on(t.objectiveId),
  ],
);

export const note = pgTable(
  'note',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    objectiveId: text('objective_id').notNull(),
    phaseId: text('phase_id'),
    /** The objective's area, copied so visibility is one indexed comparison. */
    areaId: text('area_id').notNull(),
    authorId: text('author_id').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull(),
    receivedAt: ts('received_at').notNull(),
    attachmentIds: text('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...versionColumns,
  },
  (t) => [index('note_ente_version_idx').on(t.enteId, t.version)],
);

export const conflict = pgTable(
  'conflict',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    phaseId: text('phase_id').notNull(),
    areaId: text('area_id').notNull(),
    field: text('field').notNull(),
    overwritten: jsonb('overwritten').notNull(),
    winner: jsonb('winner').notNull(),
    userIds: text('user_ids').array().notNull(),
    createdAt: ts('created_at').notNull(),
    ...versionColumns,
  },
  (t) => [index('conflict_ente_version_idx').on(t.enteId, t.version)],
);

export const phaseHistory = pgTable(
  'phase_history',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    phaseId: text('phase_id').notNull(),
    areaId: text('area_id').notNull(),
    field: text('field').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    userId: text('user_id').notNull(),
    at: ts('at').notNull(),
    conflict: boolean('conflict').notNull(),
    mutationId: text('mutation_id'),
    ...versionColumns,
  },
  (t) => [index('phase_history_ente_version_idx').on(t.enteId, t.version)],
);

/** A device's push/pull identity: owned by its first user; lastSeq advances with each mutation. */
export const syncClient = pgTable('sync_client', {
  id: text('id').primaryKey(),
  enteId: text('ente_id').notNull(),
  userId: text('user_id').notNull(),
  lastSeq: integer('last_seq').notNull().default(0),
  createdAt: ts('created_at').notNull(),
});

/** The outcome of every mutation taken (applied or rejected), so a duplicate can report it. */
export const mutationResult = pgTable(
  'mutation_result',
  {
    enteId: text('ente_id').notNull(),
    clientId: text('client_id').notNull(),
    seq: integer('seq').notNull(),
    mutationId: text('mutation_id').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    reasonCode: text('reason_code'),
    /** The message key and its parameters (messages.ts), translated when answered. */
    reasonKey: text('reason_key'),
    reasonParams: jsonb('reason_params').$type<Record<string, string | number>>(),
    conflict: boolean('conflict').notNull().default(false),
    version: bigint('version', { mode: 'number' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.seq] })],
);

export const attachment = pgTable('attachment', {
  id: text('id').primaryKey(),
  enteId: text('ente_id').notNull(),
  ownerId: text('owner_id').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: ts('created_at').notNull(),
});
