import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../../shared/auth.ts';
import {
  areaRemovalError,
  canAmend,
  EMPTY_AMENDMENT,
  readAmendment,
  readObjective,
  readPhase,
} from './amend-rules.ts';

const user = (role: SessionUser['role'], areaIds: string[] = []): SessionUser =>
  ({ id: 'u', username: 'u', displayName: 'U', role, areaIds }) as SessionUser;

const objective = { number: '1', title: 'T', indicator: '', subjects: '', head: '', giunta: '', nucleo: '' };
const phase = {
  number: '2',
  description: 'D',
  indicator: '',
  subjects: '',
  weight: '',
  weightUnit: '' as const,
  deadline: '',
};

describe('plan editing rules in the forms', () => {
  it('lets the admin amend, a head only on own areas when the ente allows it, nobody a closed plan', () => {
    expect(canAmend(user('admin'), 'approved', false, 'a1')).toBe(true);
    expect(canAmend(user('head', ['a1']), 'approved', true, 'a1')).toBe(true);
    expect(canAmend(user('head', ['a1']), 'approved', false, 'a1')).toBe(false);
    expect(canAmend(user('head', ['a1']), 'approved', true, 'a2')).toBe(false);
    expect(canAmend(user('officer', ['a1']), 'approved', true, 'a1')).toBe(false);
    expect(canAmend(user('admin'), 'closed', true, 'a1')).toBe(false);
  });

  it('requires the motivation on an approved plan only, and a whole act once begun', () => {
    expect(readAmendment({ ...EMPTY_AMENDMENT, motivation: '  ' }, 'approved')).toEqual({
      ok: false,
      errors: { motivation: { key: 'amend.error.motivationRequired' } },
    });
    expect(readAmendment(EMPTY_AMENDMENT, 'draft')).toEqual({ ok: true, amendment: undefined });
    expect(
      readAmendment({ ...EMPTY_AMENDMENT, motivation: 'Perché', actBody: 'giunta' }, 'approved'),
    ).toMatchObject({
      ok: false,
      errors: { actNumber: { key: 'amend.error.actIncomplete' }, actDate: { key: 'amend.error.date' } },
    });
    expect(
      readAmendment(
        { motivation: ' Perché ', actBody: 'giunta', actNumber: '154', actDate: '2022-09-28' },
        'approved',
      ),
    ).toEqual({
      ok: true,
      amendment: { motivation: 'Perché', act: { body: 'giunta', number: '154', date: '2022-09-28' } },
    });
  });

  it('refuses an objective number already taken in the area by an objective that counts', () => {
    const others = [
      { id: 'o1', number: '1', state: 'active' as const },
      { id: 'o2', number: '2', state: 'removed' as const },
    ];
    expect(readObjective(objective, others, null)).toMatchObject({
      ok: false,
      errors: { number: { key: 'amend.error.numberTaken', params: { number: '1' } } },
    });
    expect(readObjective(objective, others, 'o1').ok).toBe(true);
    expect(readObjective({ ...objective, number: '2' }, others, null).ok).toBe(true);
    expect(readObjective({ ...objective, number: '3', giunta: 'x' }, others, null)).toMatchObject({
      ok: false,
      errors: { giunta: { key: 'amend.error.weight' } },
    });
  });

  it('refuses a deadline outside the plan year and a phase number taken', () => {
    expect(readPhase({ ...phase, deadline: '2023-01-15' }, [], null, 2022)).toMatchObject({
      ok: false,
      errors: { deadline: { key: 'amend.error.deadlineYear', params: { year: '2022' } } },
    });
    expect(readPhase({ ...phase, deadline: '2022-12-31', weight: '2,5' }, [], null, 2022)).toMatchObject({
      ok: true,
      values: { number: 2, weight: 2.5, deadline: '2022-12-31' },
    });
    expect(readPhase(phase, [{ id: 'p1', number: 2 }], null, 2022)).toMatchObject({
      ok: false,
      errors: { number: { key: 'amend.error.phaseNumberTaken' } },
    });
    expect(readPhase(phase, [{ id: 'p1', number: 2, removed: true }], null, 2022).ok).toBe(true);
  });

  it('keeps an area with objectives in the plan', () => {
    expect(areaRemovalError(2)).toEqual({ key: 'amend.error.areaHasObjectives', params: { count: 2 } });
    expect(areaRemovalError(0)).toBeNull();
  });
});
