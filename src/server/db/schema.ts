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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ApprovingAct } from '../../domain/plan.ts';
import { ts, versionColumns } from './columns.ts';

export interface EnteSettings {
  headsMayAmend: boolean;
}

/** How the Nucleo's achievement becomes a score (domain/scores.ts ScoringMethod). */
export type PlanScoring = { kind: 'linear' } | { kind: 'threshold'; threshold: number };

export interface PlanEvent {
  kind: 'approved' | 'closed' | 'reopened';
  at: string;
  userId: string;
  reason?: string;
}

/** bytea as Uint8Array (pg gives a Buffer, which is one; PGlite gives a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

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
  /** The ente's settings (protocol Part 2 `ente.setSettings`): `{ headsMayAmend }`. */
  settings: jsonb('settings').$type<EnteSettings>().notNull().default({ headsMayAmend: false }),
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
    /** false: signed out everywhere and unable to sign in; everything they wrote stays. */
    active: boolean('active').notNull().default(true),
    /**
     * The oldest cursor this user's pulls may continue from: set to the version of the change when
     * an admin changes their role or areas, so their next pull answers resync (the device drops what
     * it may no longer hold and receives what it may now see). 0: never changed.
     */
    visibleFrom: bigint('visible_from', { mode: 'number' }).notNull().default(0),
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
    /**
     * The handle an admin lists and revokes a session by (GET/DELETE /api/admin/sessions): random,
     * so it says nothing about the token (the token hash must never leave the server).
     */
    id: text('id')
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    enteId: text('ente_id').notNull(),
    userId: text('user_id').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull(),
    /** Updated at most once a minute per session (a write per request would cost every request). */
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [
    index('session_user_idx').on(t.userId),
    uniqueIndex('session_id_idx').on(t.id),
    index('session_ente_idx').on(t.enteId),
  ],
);

/**
 * The audit trail (protocol Part 2, "Audit trail"): every sign-in, sign-out, failed sign-in and
 * change of a user, later every applied mutation. Append-only.
 *
 * `auth.login_failed` entries are also what the sign-in limit counts (auth/login-limit.ts), in the
 * database so that every server process sees the same count: `username` (as tried, lower-cased) and
 * `address` are set on auth entries only, and the partial index serves the limit's queries.
 * A failure for an unknown username has `ente_id` '' (there is no ente to give it; it is counted all
 * the same, or an attacker could probe usernames by whether they get limited) and no user_id.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    at: ts('at').notNull(),
    /** Who did it (the admin for user.*, the user for auth.*); null for an unknown username. */
    userId: text('user_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    clientId: text('client_id'),
    address: text('address'),
    username: text('username'),
  },
  (t) => [
    index('audit_entry_ente_at_idx').on(t.enteId, t.at),
    index('audit_entry_login_idx')
      .on(t.username, t.at)
      .where(sql`${t.username} is not null`),
  ],
);

export const plan = pgTable(
  'plan',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    title: text('title').notNull(),
    years: jsonb('years').$type<number[]>().notNull(),
    acts: jsonb('acts').$type<ApprovingAct[]>().notNull().default([]),
    /** The performance year its objectives belong to (`years` keeps the PIAO's three). */
    year: integer('year').notNull(),
    /** draft → approved → closed (domain/plan-structure.ts). */
    status: text('status').notNull().default('approved'),
    events: jsonb('events').$type<PlanEvent[]>().notNull().default([]),
    /** The scoring method of the ente's SMVP for this plan (plan.setScoring). */
    scoring: jsonb('scoring').$type<PlanScoring>().notNull().default({ kind: 'linear' }),
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
    /** The objective this one replaces (objective.replace), null otherwise. */
    replaces: text('replaces'),
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
    /** Taken out of an approved plan (phase.remove): cancelled for good, counts no more. */
    removed: boolean('removed').notNull().default(false),
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

/**
 * A structural change of an approved plan (protocol Part 2 "amendment" rows): the changed fields
 * before and after, the motivation and the act. Seen by every role that sees the plan; never edited
 * but for its act (amendment.setAct), which the Giunta often adopts weeks later.
 */
export const amendment = pgTable(
  'amendment',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    planId: text('plan_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The objective the change belongs to (itself, or a phase's), for the per-objective register. */
    objectiveId: text('objective_id'),
    kind: text('kind').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    motivation: text('motivation').notNull(),
    act: jsonb('act'),
    userId: text('user_id').notNull(),
    mutationId: text('mutation_id'),
    createdAt: ts('created_at').notNull(),
    ...versionColumns,
  },
  (t) => [
    index('amendment_ente_version_idx').on(t.enteId, t.version),
    index('amendment_plan_idx').on(t.planId),
  ],
);

// The tables of the cycle after approval: the Nucleo's evaluation, self-assessments, snapshots.
export * from './cycle-schema.ts';
