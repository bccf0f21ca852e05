import { describe, expect, it } from 'vitest';
import {
  changedFields,
  deadlineInYear,
  objectiveNumberTaken,
  progressGate,
  stateAfterUpdate,
  structureGate,
} from './plan-structure.ts';

describe("a plan's structure through its life", () => {
  it('a draft changes freely, an approved plan by amendment only, a closed one not at all', () => {
    expect(structureGate('draft', false)).toEqual({ ok: true, amending: false });
    expect(structureGate('draft', true)).toEqual({ ok: true, amending: false });
    expect(structureGate('approved', true)).toEqual({ ok: true, amending: true });
    expect(structureGate('approved', false)).toEqual({
      ok: false,
      code: 'invalid',
      key: 'amendment_required',
    });
    expect(structureGate('closed', true)).toEqual({ ok: false, code: 'locked', key: 'plan_locked' });
  });

  it('progress only on an approved plan', () => {
    expect(progressGate('approved')).toEqual({ ok: true });
    expect(progressGate('draft')).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(progressGate('closed')).toMatchObject({ ok: false, code: 'locked' });
  });

  it('an objective number is taken once per area among the objectives that count', () => {
    const objectives = [
      { id: 'a', number: '1', state: 'active' as const },
      { id: 'b', number: '2bis', state: 'modified' as const },
      { id: 'c', number: '3', state: 'removed' as const },
    ];
    expect(objectiveNumberTaken(objectives, '1', null)).toBe(true);
    expect(objectiveNumberTaken(objectives, ' 2BIS ', null)).toBe(true);
    expect(objectiveNumberTaken(objectives, '3', null)).toBe(false);
    expect(objectiveNumberTaken(objectives, '1', 'a')).toBe(false);
  });

  it("a deadline falls within the plan's year", () => {
    expect(deadlineInYear('2022-12-31', 2022)).toBe(true);
    expect(deadlineInYear('2023-01-01', 2022)).toBe(false);
    expect(deadlineInYear(null, 2022)).toBe(true);
  });

  it('an amended objective becomes modified; a removed or replaced one does not change', () => {
    expect(stateAfterUpdate('active', true)).toBe('modified');
    expect(stateAfterUpdate('active', false)).toBe('active');
    expect(stateAfterUpdate('removed', true)).toBeNull();
    expect(stateAfterUpdate('replaced', false)).toBeNull();
  });

  it('records only the fields that change, null clearing', () => {
    const current = { title: 'A', indicator: 'x', weights: { head: 1, giunta: 2, nucleo: null } };
    expect(
      changedFields(current, { title: 'A', indicator: null, weights: { head: 1, giunta: 3, nucleo: null } }),
    ).toEqual({
      before: { indicator: 'x', weights: { head: 1, giunta: 2, nucleo: null } },
      after: { indicator: null, weights: { head: 1, giunta: 3, nucleo: null } },
      next: { title: 'A', indicator: null, weights: { head: 1, giunta: 3, nucleo: null } },
    });
    expect(changedFields(current, { title: 'A' })).toEqual({ before: {}, after: {}, next: current });
  });
});
