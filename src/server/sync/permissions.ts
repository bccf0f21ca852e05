/**
 * Who may do what (the contract's table): admins everything in their ente; heads and officers the
 * phases and notes of their areas; evaluators notes anywhere in their ente (not phases); viewers
 * nothing. Reading: the plan and progress for every role; notes for admins, evaluators and users of
 * the note's area.
 */
import type { Role, SessionUser } from '../../shared/auth.ts';

export function canChangePhases(role: Role): boolean {
  return role === 'admin' || role === 'head' || role === 'officer';
}

export function canAddNotes(role: Role): boolean {
  return role !== 'viewer';
}

/** Whether the user may add notes in (or change the phases of) an area, once the role allows it. */
export function worksInArea(user: SessionUser, areaId: string): boolean {
  return user.role === 'admin' || user.role === 'evaluator' || user.areaIds.includes(areaId);
}

/** Whether the user reads every note of the ente (otherwise only those of their areas). */
export function seesAllNotes(role: Role): boolean {
  return role === 'admin' || role === 'evaluator';
}

/** Whether the user reads the Nucleo's figures of every open plan (the area's head reads their own). */
export function seesOpenEvaluations(role: Role): boolean {
  return role === 'admin' || role === 'evaluator';
}
