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
