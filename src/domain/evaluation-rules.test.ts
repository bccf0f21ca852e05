import { describe, expect, it } from 'vitest';
import {
  assessmentGate,
  closeGate,
  reopenGate,
  sameScoring,
  scoringGate,
  storedVerdictReason,
} from './evaluation-rules.ts';

describe('assessmentGate', () => {
  it('takes evaluation only on an approved plan, of an objective that counts, of a phase not removed', () => {
    expect(assessmentGate('approved', { objectiveState: 'active' })).toEqual({ ok: true });
    expect(assessmentGate('approved', { objectiveState: 'modified', phaseRemoved: false })).toEqual({
      ok: true,
    });
    expect(assessmentGate('closed', { objectiveState: 'active' })).toMatchObject({
      code: 'locked',
      key: 'plan_locked',
    });
    expect(assessmentGate('draft', { objectiveState: 'active' })).toMatchObject({
      code: 'illegal_transition',
      key: 'plan_draft',
    });
    expect(assessmentGate('approved', { objectiveState: 'removed' })).toMatchObject({
      code: 'illegal_transition',
      key: 'objective_taken_out',
      params: { state: 'removed' },
    });
    expect(assessmentGate('approved', { objectiveState: 'replaced' })).toMatchObject({
      key: 'objective_taken_out',
    });
    expect(assessmentGate('approved', { objectiveState: 'active', phaseRemoved: true })).toMatchObject({
      code: 'illegal_transition',
      key: 'phase_removed',
    });
  });

  it('says locked before any wrong state: a closed plan is locked whatever is asked of it', () => {
    expect(assessmentGate('closed', { objectiveState: 'removed', phaseRemoved: true })).toMatchObject({
      code: 'locked',
    });
  });
});

describe('the close of the year', () => {
  it('closes an approved plan, leaves a closed one as it is, refuses a draft', () => {
    expect(closeGate('approved')).toEqual({ ok: true, changes: true });
    expect(closeGate('closed')).toEqual({ ok: true, changes: false });
    expect(closeGate('draft')).toMatchObject({ code: 'illegal_transition', key: 'plan_draft' });
  });

  it('reopens only a closed plan', () => {
    expect(reopenGate('closed')).toEqual({ ok: true });
    expect(reopenGate('approved')).toMatchObject({ key: 'plan_not_closed', params: { status: 'approved' } });
    expect(reopenGate('draft')).toMatchObject({ key: 'plan_not_closed', params: { status: 'draft' } });
  });

  it('changes the scoring method until the plan is closed', () => {
    expect(scoringGate('draft')).toEqual({ ok: true });
    expect(scoringGate('approved')).toEqual({ ok: true });
    expect(scoringGate('closed')).toMatchObject({ code: 'locked' });
  });
});

describe('sameScoring and storedVerdictReason', () => {
  it('compares methods by kind and threshold', () => {
    expect(sameScoring({ kind: 'linear' }, { kind: 'linear' })).toBe(true);
    expect(sameScoring({ kind: 'threshold', threshold: 60 }, { kind: 'threshold', threshold: 60 })).toBe(
      true,
    );
    expect(sameScoring({ kind: 'threshold', threshold: 60 }, { kind: 'threshold', threshold: 50 })).toBe(
      false,
    );
    expect(sameScoring({ kind: 'linear' }, { kind: 'threshold', threshold: 60 })).toBe(false);
    expect(sameScoring({ kind: 'threshold', threshold: 60 }, { kind: 'linear' })).toBe(false);
  });

  it('keeps a reason trimmed, none when empty or when the verdict is cleared', () => {
    expect(storedVerdictReason('contested', '  Manca l’atto  ')).toBe('Manca l’atto');
    expect(storedVerdictReason('validated', '   ')).toBeNull();
    expect(storedVerdictReason('validated', undefined)).toBeNull();
    expect(storedVerdictReason(null, 'ignorata')).toBeNull();
  });
});
