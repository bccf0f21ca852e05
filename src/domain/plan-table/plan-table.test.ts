import { describe, expect, it } from 'vitest';
import { SAMPLE_PLAN } from '../plan-text/sample-plan.fixture.ts';
import type { ParsedPlan } from '../plan-text/parsed-plan.ts';
import { planWarnings } from '../plan-warnings.ts';
import { readPlanTable, type TableCell } from './read-plan-table.ts';
import { TABLE_COLUMNS } from './table-columns.ts';
import { planTableRows, templateRows } from './write-plan-table.ts';

/** What a table carries of a plan: everything but line numbers, headings and the document's ente/acts. */
function content(plan: ParsedPlan) {
  return plan.areas.map((a) => ({
    name: a.name,
    motivation: a.motivation,
    objectives: a.objectives.map(({ line: _line, phases, ...o }) => ({
      ...o,
      phases: phases.map(({ line: _l, ...p }) => p),
    })),
  }));
}

function read(rows: readonly (readonly TableCell[])[]): ParsedPlan {
  const result = readPlanTable(rows);
  if (!result.ok) throw new Error(result.error.message);
  return result.plan;
}

const header = TABLE_COLUMNS.map((c) => c.it);
function row(values: Partial<Record<(typeof TABLE_COLUMNS)[number]['key'], string>>): string[] {
  return TABLE_COLUMNS.map((c) => values[c.key] ?? '');
}

describe('plan tables', () => {
  it('read back the sample as written, objectives without phases and removed ones included', () => {
    const rows = planTableRows(SAMPLE_PLAN.areas).map((r) => r.map((c) => (c === null ? '' : String(c))));
    expect(content(read(rows))).toEqual(content(SAMPLE_PLAN));
    expect(read(rows).areas.map((a) => a.objectives.length)).toEqual([7, 7, 8]);
  });

  it('read the template: its header and one example objective with two phases', () => {
    const plan = read(templateRows('it'));
    expect(plan.areas).toHaveLength(1);
    expect(plan.areas[0]?.objectives[0]).toMatchObject({
      number: '1',
      state: 'active',
      weights: { head: 20, giunta: 20, nucleo: null },
      phases: [
        { number: 1, weight: 50, weightUnit: 'percent', deadline: '2026-06-30' },
        { number: 2, weight: 50, weightUnit: 'percent', deadline: '2026-11-30' },
      ],
    });
    expect(read(templateRows('it', 2031)).areas[0]?.objectives[0]?.phases[1]?.deadline).toBe('2031-11-30');
    expect(content(read(templateRows('en')))).toEqual(content(plan));
  });

  it('find the header below title rows, by label or key whatever the case and accents', () => {
    const rows = [
      ['Piano della performance 2026'],
      [],
      ['AREA', 'n. obiettivo', 'OBIETTIVO', 'scadenza', 'fase', 'Peso fase'],
      ['Tributi', '2bis', 'Recupero evasione', '2026-09-30', 'Avvisi', '40%'],
      ['Tributi', '2bis', '', '31/12/2026', 'Riscossione', '60 %'],
      ['', '', '', '', '', ''],
    ];
    const plan = read(rows);
    expect(plan.areas[0]).toMatchObject({ name: 'Tributi', line: 4 });
    expect(plan.areas[0]?.objectives[0]).toMatchObject({
      number: '2bis',
      title: 'Recupero evasione',
      deadline: '2026-12-31',
      line: 4,
      phases: [
        {
          number: 1,
          description: 'Avvisi',
          weight: 40,
          weightUnit: 'percent',
          deadline: '2026-09-30',
          line: 4,
        },
        {
          number: 2,
          description: 'Riscossione',
          weight: 60,
          weightUnit: 'percent',
          deadline: '2026-12-31',
          line: 5,
        },
      ],
    });
  });

  it.each([
    [[], 'empty_table', null, null, 'il file non contiene righe'],
    [
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      'no_header',
      null,
      null,
      'manca la riga di intestazione',
    ],
    [[['Area', 'Obiettivo']], 'missing_column', 1, null, 'riga 1: manca la colonna "N. obiettivo"'],
    [
      [header, row({ area: 'A', objective_number: '1', objective_title: 'T', deadline: '31/13/2026' })],
      'invalid_deadline',
      2,
      'R',
      'riga 2, colonna R (Scadenza): scadenza non valida "31/13/2026"',
    ],
    [
      [header, row({ area: 'A', objective_number: '1', objective_title: 'T', weight_giunta: 'molto' })],
      'invalid_weight',
      2,
      'J',
      'riga 2, colonna J (Peso Giunta): peso non valido "molto"',
    ],
    [
      [header, row({ area: 'A', objective_number: '1', objective_title: 'T', state: 'sospeso' })],
      'invalid_state',
      2,
      'G',
      'stato non valido "sospeso"',
    ],
    [
      [header, row({ area: 'A', objective_number: '1' })],
      'objective_without_title',
      2,
      'D',
      'obiettivo "1" senza titolo',
    ],
    [
      [header, row({ objective_number: '1', objective_title: 'T' })],
      'area_without_name',
      2,
      'A',
      "manca il nome dell'area",
    ],
    [
      [
        header,
        row({
          area: 'A',
          objective_number: '1',
          objective_title: 'T',
          phase_number: '1',
          phase_description: 'x',
        }),
        row({ area: 'A', objective_number: '1', phase_number: '1', phase_description: 'y' }),
      ],
      'duplicate_phase_number',
      3,
      'L',
      'la fase "1" compare due volte',
    ],
  ] as const)(
    'refuse unreadable input naming the row and column: %1$s',
    (rows, code, rowNo, column, text) => {
      const result = readPlanTable(rows);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code, row: rowNo, column });
      expect(result.error.message).toContain(text);
      expect(result.error.messageEn).not.toBe(result.error.message);
    },
  );
});

describe('plan warnings', () => {
  it('warn, without refusing, of percent weights off 100, objectives without phases, phases without deadline', () => {
    const plan = read([
      header,
      row({
        area: 'A',
        objective_number: '1',
        objective_title: 'T',
        phase_description: 'a',
        phase_weight: '30%',
        deadline: '30/06/2026',
      }),
      row({ area: 'A', objective_number: '1', phase_description: 'b', phase_weight: '30%' }),
      row({ area: 'A', objective_number: '2', objective_title: 'Senza fasi' }),
      row({ area: 'A', objective_number: '3', objective_title: 'Stralciato', state: 'stralciato' }),
    ]);
    expect(planWarnings(plan).map((w) => [w.code, w.line])).toEqual([
      ['phase_weights_not_100', 2],
      ['phase_without_deadline', 3],
      ['objective_without_phases', 4],
    ]);
    expect(planWarnings(plan)[0]?.message).toBe(
      'A, obiettivo 1: i pesi delle fasi sommano a 60% invece di 100%',
    );
  });

  it("warn of deadlines outside the plan's year when the year is given", () => {
    const plan = read([
      header,
      row({
        area: 'A',
        objective_number: '1',
        objective_title: 'T',
        phase_description: 'a',
        deadline: '30/06/2025',
      }),
      row({ area: 'A', objective_number: '1', phase_description: 'b', deadline: '30/06/2026' }),
    ]);
    expect(planWarnings(plan).some((w) => w.code === 'deadline_outside_year')).toBe(false);
    expect(planWarnings(plan, 2026).filter((w) => w.code === 'deadline_outside_year')).toEqual([
      {
        code: 'deadline_outside_year',
        line: 2,
        message: "A, obiettivo 1, fase 1: scadenza 30/06/2025 fuori dall'anno 2026 del piano",
        messageEn: "A, objective 1, phase 1: deadline 30/06/2025 outside the plan's year 2026",
      },
    ]);
  });

  it("warn of the sample's phase without deadline", () => {
    expect(planWarnings(SAMPLE_PLAN).some((w) => w.code === 'phase_without_deadline')).toBe(true);
  });
});
