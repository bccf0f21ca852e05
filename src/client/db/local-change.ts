/**
 * The write API of the UI: every change of the plan's progress made on this device.
 *
 * Each operation is ONE rw transaction over the entity rows, the outbox, `bases` and `meta`: the
 * optimistic effect, the outbox entry (seq allocated inside, so tabs share one sequence) and the
 * server copy needed to roll it back are written together or not at all. All work offline; the sync
 * engine sends the outbox later. Input errors, rules the change breaks and a full disk come back as
 * `{ ok: false, code }`, never as exceptions; nothing is half-written (the transaction aborts).
 */
import type { z } from 'zod';
import {
  NOTE_MAX_LENGTH,
  isMutationName,
  mutationArgsSchemas,
  type MutationName,
} from '../../shared/mutations.ts';
import type { PhaseStatus } from '../../domain/plan.ts';
import { applyMutation, touchedRows, type RowLookup } from '../sync/apply-mutation.ts';
import { allocateSeq, readClientIdentity } from './meta.ts';
import {
  Refusal,
  fail,
  run,
  type ChangeUser,
  type LocalChangeCode,
  type LocalChangeError,
  type Queued,
} from './change-transaction.ts';
import { changeUserOf, queuePlan } from './plan-changes.ts';
import { recordBases } from './rebase.ts';
import type {
  AttachmentRecord,
  NoteRecord,
  ObjectiveRecord,
  OutboxEntry,
  PhaseRecord,
  TraguardiDb,
} from './schema.ts';

export type { ChangeUser, LocalChangeCode, LocalChangeError, Queued } from './change-transaction.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTOS_MAX = 20;

/** Inside a transaction: appends a mutation and applies it optimistically, or throws a Refusal. */
async function queue(
  db: TraguardiDb,
  name: MutationName,
  args: unknown,
  userId: string,
  now: Date,
): Promise<Queued> {
  const entry: OutboxEntry = {
    seq: await allocateSeq(db),
    id: crypto.randomUUID(),
    name,
    args,
    clientTime: now.toISOString(),
  };
  await recordBases(db, entry);
  const phases = new Map<string, PhaseRecord>();
  const objectives = new Map<string, ObjectiveRecord>();
  const notes = new Map<string, NoteRecord>();
  for (const { table, id } of touchedRows(entry)) {
    if (table === 'notes') {
      const note = await db.notes.get(id);
      if (note) notes.set(note.id, note);
      continue;
    }
    const phase = await db.phases.get(id);
    if (!phase) continue;
    phases.set(phase.id, phase);
    const objective = await db.objectives.get(phase.objectiveId);
    if (objective) objectives.set(objective.id, objective);
  }
  if (name === 'note.add') {
    const objective = await db.objectives.get((args as { objectiveId: string }).objectiveId);
    if (objective) objectives.set(objective.id, objective);
  }
  // A closed plan takes no change: refused here, as the server would (`locked`), so nothing waits
  // in the outbox only to come back rejected.
  for (const objective of objectives.values()) {
    const area = await db.areas.get(objective.areaId);
    const plan = area ? await db.plans.get(area.planId) : undefined;
    if (plan?.status === 'closed') throw new Refusal('locked', `plan ${plan.id} is closed`);
  }
  const lookup: RowLookup = {
    phase: (id) => phases.get(id),
    objective: (id) => objectives.get(id),
    note: (id) => notes.get(id),
  };
  const r = applyMutation(lookup, { name, args, clientTime: entry.clientTime }, userId);
  if (!r.ok) throw new Refusal(r.code, r.message);
  for (const e of r.effects) {
    if (e.table === 'phases') await db.phases.put(e.row);
    else await db.notes.put(e.row);
  }
  await db.outbox.add(entry);
  return { ok: true, mutationId: entry.id, seq: entry.seq };
}

async function currentPhase(db: TraguardiDb, phaseId: string): Promise<PhaseRecord> {
  const phase = await db.phases.get(phaseId);
  if (!phase) throw new Refusal('not_found', `phase ${phaseId} is not on this device`);
  return phase;
}

function codeOf(error: z.ZodError): LocalChangeCode {
  const issue = error.issues[0];
  if (issue?.path[0] === 'text' && issue.code === 'too_big') return 'too_long';
  if (issue?.path[0] === 'text' && issue.code === 'too_small') return 'empty';
  return 'invalid';
}

/** Sets a phase's status; `from` is the status shown on this device. Queued for the server. */
export async function setPhaseStatus(
  db: TraguardiDb,
  p: { phaseId: string; to: PhaseStatus; user: ChangeUser; now: Date },
): Promise<Queued | LocalChangeError> {
  const check = mutationArgsSchemas['phase.setStatus'].safeParse({
    phaseId: p.phaseId,
    from: p.to,
    to: p.to,
  });
  if (!check.success) return fail('invalid', check.error.message);
  return run(db, async () => {
    const phase = await currentPhase(db, p.phaseId);
    return queue(
      db,
      'phase.setStatus',
      { phaseId: p.phaseId, from: phase.status, to: p.to },
      p.user.id,
      p.now,
    );
  });
}

/** Sets a phase's percent (integer 0–100); sends `from` = the percent shown on this device. */
export async function setPhaseProgress(
  db: TraguardiDb,
  p: { phaseId: string; percent: number; user: ChangeUser; now: Date },
): Promise<Queued | LocalChangeError> {
  const check = mutationArgsSchemas['phase.setProgress'].safeParse({
    phaseId: p.phaseId,
    percent: p.percent,
  });
  if (!check.success) return fail('invalid', check.error.message);
  return run(db, async () => {
    const phase = await currentPhase(db, p.phaseId);
    const args = { phaseId: p.phaseId, percent: p.percent, from: phase.percent };
    return queue(db, 'phase.setProgress', args, p.user.id, p.now);
  });
}

/**
 * Adds a note (and its photos, kept as Blobs until uploaded). The note shows at once, marked
 * `pending` until the server's copy arrives. The noteId makes it one note whatever the retries.
 */
export async function addNote(
  db: TraguardiDb,
  p: { objectiveId: string; phaseId?: string; text: string; photos?: Blob[]; user: ChangeUser; now: Date },
): Promise<(Queued & { noteId: string }) | LocalChangeError> {
  const photos = p.photos ?? [];
  if (photos.length > PHOTOS_MAX) return fail('too_many_photos', `at most ${PHOTOS_MAX} photos`);
  for (const photo of photos) {
    if (!(PHOTO_TYPES as readonly string[]).includes(photo.type)) return fail('photo_type', photo.type);
    if (photo.size > PHOTO_MAX_BYTES) return fail('photo_too_large', `${photo.size} bytes`);
  }
  const noteId = crypto.randomUUID();
  const attachments: AttachmentRecord[] = photos.map((blob) => ({
    id: crypto.randomUUID(),
    noteId,
    mime: blob.type,
    blob,
    size: blob.size,
    uploaded: false,
    createdAt: p.now.toISOString(),
  }));
  const parsed = mutationArgsSchemas['note.add'].safeParse({
    noteId,
    objectiveId: p.objectiveId,
    ...(p.phaseId !== undefined ? { phaseId: p.phaseId } : {}),
    text: p.text,
    ...(attachments.length ? { attachmentIds: attachments.map((x) => x.id) } : {}),
  });
  if (!parsed.success) {
    const code = codeOf(parsed.error);
    return fail(code, code === 'too_long' ? `at most ${NOTE_MAX_LENGTH} characters` : parsed.error.message);
  }
  return run(db, async () => {
    if (!(await db.objectives.get(p.objectiveId)))
      throw new Refusal('not_found', `objective ${p.objectiveId}`);
    if (attachments.length) await db.attachments.bulkAdd(attachments);
    const queued = await queue(db, 'note.add', parsed.data, p.user.id, p.now);
    return { ...queued, noteId };
  });
}

/** Removes a rejected mutation from the "needs attention" list (and photos of a note never sent). */
export async function dismissRejected(db: TraguardiDb, id: string): Promise<{ ok: true } | LocalChangeError> {
  return run(db, async () => {
    const entry = await db.rejected.get(id);
    if (!entry) return { ok: true as const };
    await db.rejected.delete(id);
    const note = mutationArgsSchemas['note.add'].safeParse(entry.args);
    if (entry.name === 'note.add' && note.success && !(await db.notes.get(note.data.noteId))) {
      await db.attachments.where('noteId').equals(note.data.noteId).delete();
    }
    return { ok: true as const };
  });
}

/**
 * Sends a rejected mutation again as a new one (new id and seq, same args; a phase change takes as
 * `from` what the device shows now, as the user saw it when retrying). Leaves the rejected list.
 */
export async function retryRejected(
  db: TraguardiDb,
  id: string,
  now: Date = new Date(),
): Promise<Queued | LocalChangeError> {
  return run(db, async () => {
    const entry = await db.rejected.get(id);
    if (!entry) throw new Refusal('not_found', `rejected mutation ${id}`);
    const userId = (await readClientIdentity(db))?.userId;
    if (!userId) throw new Refusal('no_session', 'no user signed in on this device');
    if (!isMutationName(entry.name)) {
      const queued = await queuePlan(db, await changeUserOf(db, userId), entry.name, entry.args, now);
      await db.rejected.delete(id);
      return queued;
    }
    let args = entry.args;
    if (entry.name === 'phase.setStatus' || entry.name === 'phase.setProgress') {
      const parsed = mutationArgsSchemas[entry.name].safeParse(entry.args);
      if (!parsed.success) throw new Refusal('invalid', parsed.error.message);
      const phase = await currentPhase(db, parsed.data.phaseId);
      args = { ...parsed.data, from: entry.name === 'phase.setStatus' ? phase.status : phase.percent };
    }
    const queued = await queue(db, entry.name, args, userId, now);
    await db.rejected.delete(id);
    return queued;
  });
}

/** Hides a conflict on this device only (the server keeps it); later pulls keep it hidden. */
export async function dismissConflict(db: TraguardiDb, id: string): Promise<{ ok: true } | LocalChangeError> {
  return run(db, async () => {
    await db.conflicts.update(id, { dismissed: true });
    return { ok: true as const };
  }, [db.conflicts]);
}
