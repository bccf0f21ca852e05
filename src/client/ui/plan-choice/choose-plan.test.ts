import { describe, expect, it } from 'vitest';
import { choosePlan, planAsOf, visiblePlans, type PlanChoiceInput } from './choose-plan.ts';

const plan = (id: string, year: number, status: PlanChoiceInput['status']): PlanChoiceInput => ({
  id,
  year,
  years: [year, year + 1, year + 2],
  status,
});

const old = plan('p2022', 2022, 'approved');
const current = plan('p2025', 2025, 'approved');
const draft = plan('d2026', 2026, 'draft');
const currentDraft = plan('d2025', 2025, 'draft');

describe('choosePlan', () => {
  it('takes the plan of the current year', () => {
    expect(choosePlan([old, current, draft], null, '2025-06-01', true)?.id).toBe('p2025');
  });

  it('prefers the approved plan of the current year to a draft of the same year', () => {
    expect(choosePlan([currentDraft, old, current], null, '2025-06-01', true)?.id).toBe('p2025');
  });

  it('else the latest approved plan, not a newer draft', () => {
    expect(choosePlan([old, draft], null, '2025-06-01', true)?.id).toBe('p2022');
  });

  it('keeps the stored choice while that plan is on the device', () => {
    expect(choosePlan([old, current], 'p2022', '2025-06-01', false)?.id).toBe('p2022');
    expect(choosePlan([old, current], 'gone', '2025-06-01', false)?.id).toBe('p2025');
  });

  it('offers a draft to admins only, even when it was the stored choice', () => {
    expect(choosePlan([old, draft], 'd2026', '2025-06-01', true)?.id).toBe('d2026');
    expect(choosePlan([old, draft], 'd2026', '2025-06-01', false)?.id).toBe('p2022');
    expect(choosePlan([draft], null, '2026-06-01', false)).toBeNull();
    expect(visiblePlans([old, draft, current], false).map((p) => p.id)).toEqual(['p2025', 'p2022']);
  });

  it('a plan without status (protocol v1) counts as approved; its year is the first of its years', () => {
    const v1: PlanChoiceInput = { id: 'v1', years: [2024, 2025, 2026] };
    expect(choosePlan([v1, draft], null, '2024-03-01', false)?.id).toBe('v1');
  });
});

describe('planAsOf', () => {
  it('is today during the plan’s year and before it', () => {
    expect(planAsOf(current, '2025-12-31')).toBe('2025-12-31');
    expect(planAsOf(current, '2024-05-01')).toBe('2024-05-01');
  });

  it('is 31/12 of the plan’s year once the year is over', () => {
    expect(planAsOf(old, '2025-06-01')).toBe('2022-12-31');
    expect(planAsOf(old, '2023-01-01')).toBe('2022-12-31');
  });

  it('is today without a plan', () => {
    expect(planAsOf(null, '2025-06-01')).toBe('2025-06-01');
  });
});
