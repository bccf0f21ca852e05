/**
 * note.add: append-only, idempotent by noteId (an existing id, in the database or added earlier in the
 * same push, changes nothing and answers applied), so one note results whatever the retries, even
 * through a new clientId. Decided in memory on the batch's state (mutation-context.ts), read with the
 * ente locked (push.ts). Attachments must already be uploaded to this ente. Checks come in this
 * order: args (apply-mutation.ts), role, existing id, objective, phase, area, the plan (approved),
 * attachments.
 */
import type { NoteAddArgs } from '../../shared/mutations.ts';
import type { MutationContext, MutationOutcome } from './mutation-context.ts';
import { canAddNotes, worksInArea } from './permissions.ts';
import { Rejection, requireProgressOpen } from './rejection.ts';

/** The note's time: when the device says it was written (offline, hours ago), never in the future. */
function noteTime(clientTime: string, now: Date): Date {
  const t = Date.parse(clientTime);
  return Number.isFinite(t) && t <= now.getTime() ? new Date(t) : now;
}

export function addNote(ctx: MutationContext, args: NoteAddArgs): MutationOutcome {
  const { user, state } = ctx;
  if (!canAddNotes(user.role)) throw new Rejection('forbidden', 'role_forbidden');
  if (state.noteIds.has(args.noteId)) return { conflict: false, versionOffset: null };

  const obj = state.objectives.get(args.objectiveId);
  if (!obj) throw new Rejection('not_found', 'objective_not_found');
  if (args.phaseId !== undefined) {
    const ph = state.phases.get(args.phaseId);
    if (!ph) throw new Rejection('not_found', 'phase_not_found');
    if (ph.objectiveId !== args.objectiveId) throw new Rejection('invalid', 'phase_not_of_objective');
  }
  if (!worksInArea(user, obj.areaId)) throw new Rejection('forbidden', 'area_forbidden');
  requireProgressOpen(obj.planStatus);

  const attachmentIds = [...new Set(args.attachmentIds ?? [])];
  const missing = attachmentIds.find((id) => !state.attachmentIds.has(id));
  if (missing) throw new Rejection('invalid', 'attachment_invalid', { id: missing });

  const versionOffset = ctx.effects.takeVersion();
  ctx.effects.notes.push({
    id: args.noteId,
    objectiveId: args.objectiveId,
    phaseId: args.phaseId ?? null,
    areaId: obj.areaId,
    text: args.text,
    createdAt: noteTime(ctx.clientTime, ctx.now),
    attachmentIds,
    versionOffset,
  });
  state.noteIds.add(args.noteId);
  return { conflict: false, versionOffset };
}
