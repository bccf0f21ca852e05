/**
 * note.add: append-only, idempotent by noteId (an existing id changes nothing and answers applied),
 * so one note results whatever the retries, even through a new clientId. Runs in the mutation's
 * savepoint with the ente locked (push.ts). Attachments must already be uploaded to this ente.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { noteAddArgsSchema } from '../../shared/mutations.ts';
import { attachment, note, objective, phase } from '../db/schema.ts';
import type { MutationContext, MutationOutcome } from './mutation-context.ts';
import { canAddNotes, worksInArea } from './permissions.ts';
import { parseArgs, Rejection } from './rejection.ts';
import { allocateVersions } from './versions.ts';

/** The note's time: when the device says it was written (offline, hours ago), never in the future. */
function noteTime(clientTime: string, now: Date): Date {
  const t = Date.parse(clientTime);
  return Number.isFinite(t) && t <= now.getTime() ? new Date(t) : now;
}

export async function addNote(ctx: MutationContext, rawArgs: unknown): Promise<MutationOutcome> {
  const args = parseArgs(noteAddArgsSchema, rawArgs);
  const { tx, user } = ctx;
  if (!canAddNotes(user.role)) throw new Rejection('forbidden', 'role_forbidden');
  const [existing] = await tx.select({ id: note.id }).from(note).where(eq(note.id, args.noteId));
  if (existing) return { conflict: false, version: null };

  const [obj] = await tx
    .select({ areaId: objective.areaId })
    .from(objective)
    .where(
      and(
        eq(objective.id, args.objectiveId),
        eq(objective.enteId, user.enteId),
        eq(objective.deleted, false),
      ),
    );
  if (!obj) throw new Rejection('not_found', 'objective_not_found');
  if (args.phaseId !== undefined) {
    const [ph] = await tx
      .select({ objectiveId: phase.objectiveId })
      .from(phase)
      .where(and(eq(phase.id, args.phaseId), eq(phase.enteId, user.enteId), eq(phase.deleted, false)));
    if (!ph) throw new Rejection('not_found', 'phase_not_found');
    if (ph.objectiveId !== args.objectiveId) throw new Rejection('invalid', 'phase_not_of_objective');
  }
  if (!worksInArea(user, obj.areaId)) throw new Rejection('forbidden', 'area_forbidden');

  const attachmentIds = [...new Set(args.attachmentIds ?? [])];
  if (attachmentIds.length > 0) {
    const found = await tx
      .select({ id: attachment.id })
      .from(attachment)
      .where(and(inArray(attachment.id, attachmentIds), eq(attachment.enteId, user.enteId)));
    const have = new Set(found.map((r) => r.id));
    const missing = attachmentIds.find((id) => !have.has(id));
    if (missing) throw new Rejection('invalid', 'attachment_invalid', { id: missing });
  }

  const version = await allocateVersions(tx, user.enteId);
  await tx.insert(note).values({
    id: args.noteId,
    enteId: user.enteId,
    objectiveId: args.objectiveId,
    phaseId: args.phaseId ?? null,
    areaId: obj.areaId,
    authorId: user.id,
    text: args.text,
    createdAt: noteTime(ctx.clientTime, ctx.now),
    receivedAt: ctx.now,
    attachmentIds,
    version,
  });
  return { conflict: false, version };
}
