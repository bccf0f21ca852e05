import { describe, expect, it } from 'vitest';
import type { TableArea } from './plan-table/write-plan-table.ts';
import { rollOver, shiftYears } from './plan-rollover.ts';

const phase = (
  id: string,
  deadline: string | null,
  status: 'done' | 'cancelled' | 'in_progress' = 'done',
) => ({
  id,
  number: Number(id.slice(1)),
  description: `Fase ${id}`,
  indicator: '',
  subjects: 'Ufficio',
  weight: 50,
  weightUnit: 'percent' as const,
  deadline,
  status,
  percent: 100,
});

const areas: TableArea[] = [
  {
    name: 'SUAP',
    motivation: 'cambiata',
    objectives: [
      {
        id: 'o1',
        number: '1',
        title: 'Sportello digitale',
        indicator: 'Pratiche online',
        subjects: '',
        state: 'modified',
        motivation: 'motivo 2022',
        weights: { head: 10, giunta: 12, nucleo: null },
        phases: [
          phase('p1', '2024-02-29'),
          phase('p2', '2024-12-31', 'in_progress'),
          phase('p3', null, 'cancelled'),
        ],
      },
      {
        id: 'o2',
        number: '2',
        title: 'Stralciato',
        indicator: '',
        subjects: '',
        state: 'removed',
        motivation: 'x',
        weights: { head: null, giunta: null, nucleo: null },
        phases: [],
      },
      {
        id: 'o3',
        number: '3',
        title: 'Non scelto',
        indicator: '',
        subjects: '',
        state: 'active',
        motivation: null,
        weights: { head: null, giunta: null, nucleo: null },
        phases: [],
      },
    ],
  },
  { name: 'Tributi', motivation: null, objectives: [] },
];

describe('rolling a plan over to a new year', () => {
  it('moves deadlines by the years between the plans, 29 February to 28', () => {
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(shiftYears('2022-06-30', 4)).toBe('2026-06-30');
    expect(shiftYears(null, 1)).toBeNull();
  });

  it('carries the picked objectives that count, as active drafts without progress, and every area', () => {
    const plan = rollOver(areas, new Set(['o1', 'o2']), 1);
    expect(plan.areas.map((a) => [a.name, a.objectives.length])).toEqual([
      ['SUAP', 1],
      ['Tributi', 0],
    ]);
    expect(plan.areas[0]?.objectives[0]).toMatchObject({
      number: '1',
      state: 'active',
      motivation: null,
      weights: { head: 10, giunta: 12, nucleo: null },
      deadline: '2025-12-31',
      phases: [
        { number: 1, deadline: '2025-02-28', weight: 50, weightUnit: 'percent', subjects: 'Ufficio' },
        { number: 2, deadline: '2025-12-31' },
      ],
    });
  });
});
