/**
 * Rolling a plan over to a new year: a new plan with the objectives the admin picks, each with its
 * phases, weights and offices, every deadline moved by the years between the two plans (29 February
 * becomes 28 February). Comuni carry objectives over (the sample's SUAP objective 1 continues a 2021
 * one); what was removed or replaced is not carried. Every area is kept, so its people keep their
 * rights in the new year (an area of the same name), even where no objective of it is carried yet.
 * Progress does not carry: the new plan starts from zero, as a draft.
 */
import type { TableArea } from './plan-table/write-plan-table.ts';
import type { ParsedPlan } from './plan-text/parsed-plan.ts';
import type { IsoDate } from './plan.ts';
import { objectiveCounts } from './plan-structure.ts';

export function shiftYears(date: IsoDate | null, years: number): IsoDate | null {
  if (date === null) return null;
  const [y = '0', m = '01', d = '01'] = date.split('-');
  const year = Number(y) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === '02' && d === '29' && !leap ? '28' : d;
  return `${String(year).padStart(4, '0')}-${m}-${day}`;
}

export function rollOver(areas: readonly TableArea[], pick: ReadonlySet<string>, years: number): ParsedPlan {
  let line = 0;
  return {
    ente: null,
    acts: [],
    areas: areas.map((a) => ({
      name: a.name,
      heading: a.name,
      motivation: null,
      line: ++line,
      objectives: a.objectives
        .filter((o) => o.id !== undefined && pick.has(o.id) && objectiveCounts(o.state))
        .map((o) => {
          const phases = o.phases
            .filter((p) => p.status !== 'cancelled')
            .map((p) => ({
              number: p.number,
              indicator: p.indicator,
              subjects: p.subjects,
              description: p.description,
              weight: p.weight,
              weightUnit: p.weightUnit,
              deadline: shiftYears(p.deadline, years),
              line: ++line,
            }));
          const deadlines = phases.flatMap((p) => (p.deadline ? [p.deadline] : [])).sort();
          return {
            number: o.number,
            title: o.title,
            indicator: o.indicator,
            subjects: o.subjects,
            state: 'active' as const,
            motivation: null,
            deadline: deadlines.at(-1) ?? null,
            weights: o.weights,
            phases,
            line: ++line,
          };
        }),
    })),
  };
}
