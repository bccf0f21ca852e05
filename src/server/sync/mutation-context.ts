/**
 * What a mutation handler receives and answers. Handlers are pure: they read the batch's in-memory
 * state (batch-state.ts, loaded once per push with the ente locked) and record their effects in the
 * batch's `Effects`; push.ts writes every effect in bulk afterwards (batch-write.ts).
 *
 * Invariants:
 * - A handler either throws a Rejection BEFORE it records anything, or records all its effects and
 *   returns: a rejected mutation leaves no trace (what the per-mutation savepoint used to guarantee).
 * - A handler that changes something takes the next version offset (`effects.takeVersion()`), so the
 *   applied mutations of a push get consecutive versions in seq order; an offset is turned into a
 *   version (base + offset) once the batch's versions are allocated in one UPDATE.
 * - State changes (phase status/percent, notes added) are carried in memory from one mutation to the
 *   next, exactly as the database would have shown them to the next mutation.
 */
import type { PlanStatus } from '../../domain/plan-structure.ts';
import type { ObjectiveState, PhaseStatus } from '../../domain/plan.ts';
import type { SessionUser } from '../../shared/auth.ts';

/** A phase as the batch sees it: the latest committed row, then each applied change of the batch. */
export interface PhaseState {
  id: string;
  objectiveId: string;
  areaId: string;
  status: PhaseStatus;
  percent: number;
  updatedBy: string | null;
  /** The objective's state, or null when the phase's objective row does not exist. */
  objectiveState: ObjectiveState | null;
  /** The status of the phase's plan (progress only on an approved plan); null when not found. */
  planStatus: PlanStatus | null;
  /** Taken out of an approved plan (phase.remove): no more progress. */
  removed: boolean;
}

/** Every row a batch's mutations may reference, loaded in one query per table (batch-state.ts). */
export interface BatchState {
  /** Phases of the user's ente, not deleted. */
  phases: Map<string, PhaseState>;
  /** Objectives of the user's ente, not deleted: their area and the status of their plan. */
  objectives: Map<string, { areaId: string; planStatus: PlanStatus | null }>;
  /** Note ids that exist (in any ente) or were added earlier in this batch. */
  noteIds: Set<string>;
  /** Attachments uploaded to the user's ente. */
  attachmentIds: Set<string>;
}

export interface HistoryDraft {
  id: string;
  phaseId: string;
  areaId: string;
  field: 'status' | 'percent';
  before: unknown;
  after: unknown;
  conflict: boolean;
  mutationId: string;
  versionOffset: number;
}

export interface ConflictDraft {
  id: string;
  phaseId: string;
  areaId: string;
  field: 'status' | 'percent';
  overwritten: unknown;
  winner: unknown;
  userIds: string[];
  versionOffset: number;
}

export interface NoteDraft {
  id: string;
  objectiveId: string;
  phaseId: string | null;
  areaId: string;
  text: string;
  createdAt: Date;
  attachmentIds: string[];
  versionOffset: number;
}

/** The batch's writes, accumulated in seq order. */
export class Effects {
  versionCount = 0;
  /** Phases changed by the batch, with the offset of their last change (their final version). */
  readonly phases = new Map<string, { state: PhaseState; versionOffset: number }>();
  readonly history: HistoryDraft[] = [];
  readonly conflicts: ConflictDraft[] = [];
  readonly notes: NoteDraft[] = [];

  takeVersion(): number {
    const offset = this.versionCount;
    this.versionCount += 1;
    return offset;
  }
}

export interface MutationContext {
  user: SessionUser;
  now: Date;
  mutationId: string;
  clientTime: string;
  newId: () => string;
  state: BatchState;
  effects: Effects;
}

export interface MutationOutcome {
  conflict: boolean;
  /** The version offset the changed rows got; null when nothing changed (an idempotent no-op). */
  versionOffset: number | null;
}
