/**
 * Who may do what, as the server checks it (../shared/protocol.md), so the UI offers only the actions
 * the server will accept. The server stays the authority: a refused change shows up for review.
 */
import type { SessionUser } from '../../shared/auth.ts';

/** phase.setStatus / phase.setProgress: admin; head and officer of the phase's area. */
export function canEditPhase(user: SessionUser, areaId: string): boolean {
  if (user.role === 'admin') return true;
  return (user.role === 'head' || user.role === 'officer') && user.areaIds.includes(areaId);
}

/** note.add: as above, and the evaluator. */
export function canAddNote(user: SessionUser, areaId: string): boolean {
  return user.role === 'evaluator' || canEditPhase(user, areaId);
}

/** Heads and officers work on their own areas; everyone else looks at the whole ente. */
export function worksOnOwnAreas(user: SessionUser): boolean {
  return user.role === 'head' || user.role === 'officer';
}

/** Users, sessions and the audit trail: the ente's admins only (the server answers others 403). */
export function canAdminister(user: SessionUser): boolean {
  return user.role === 'admin';
}

/** The routes only an admin may open: others see a notice, the page's chunk is never loaded. */
export const ADMIN_ROUTES = ['adminUsers', 'adminAudit', 'planImport'] as const;

/** evaluation.setObjective / evaluation.setPhaseVerdict: the evaluator (the Nucleo) only. */
export function canEvaluate(user: SessionUser): boolean {
  return user.role === 'evaluator';
}

/** plan.close: the evaluator or an admin. */
export function canClosePlan(user: SessionUser): boolean {
  return user.role === 'evaluator' || user.role === 'admin';
}

/** plan.reopen and plan.setScoring: an admin. */
export function canReopenPlan(user: SessionUser): boolean {
  return user.role === 'admin';
}

/** selfAssessment.set: the head of the objective's area, or an admin. */
export function canSelfAssess(user: SessionUser, areaId: string): boolean {
  return user.role === 'admin' || (user.role === 'head' && user.areaIds.includes(areaId));
}

/**
 * Whether the device holds every evaluation of an open plan (admin, evaluator): others hold only
 * their own areas' (a head) or none until the close, so an ente-wide score would mislead them.
 */
export function seesAllEvaluations(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'evaluator';
}
