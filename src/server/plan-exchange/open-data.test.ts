import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { TableArea } from '../../domain/plan-table/write-plan-table.ts';
import { OPEN_DATA_COLUMNS, openDataCsv, openDataRows, romeDay, type OpenDataInput } from './open-data.ts';

const phase = (
  id: string,
  status: 'done' | 'in_progress' | 'cancelled' | 'not_started',
  deadline: string | null,
) => ({
  id,
  number: 1,
  description: 'Fase',
  indicator: '',
  subjects: 'Ufficio tecnico',
  weight: null,
  weightUnit: null,
  deadline,
  status,
  percent: status === 'in_progress' ? 50 : 0,
});

const areas: TableArea[] = [
  {
    name: 'Servizi alla persona',
    motivation: null,
    objectives: [
      {
        id: 'o1',
        number: '1',
        title: 'Progetto "Fondo Cultura", 1^ annualità',
        indicator: 'Rispetto\ndelle scadenze',
        subjects: '',
        state: 'active',
        motivation: null,
        weights: { head: 10, giunta: 20, nucleo: null },
        phases: [
          phase('p1', 'done', '2022-06-30'),
          phase('p2', 'in_progress', '2022-12-31'),
          phase('p3', 'cancelled', '2022-03-31'),
          phase('p4', 'not_started', '2022-06-30'),
        ],
      },
      {
        id: 'o2',
        number: '3bis',
        title: 'Stralciato',
        indicator: '',
        subjects: '',
        state: 'removed',
        motivation: 'Mancanza di fondi',
        weights: { head: null, giunta: null, nucleo: 5 },
        phases: [],
      },
    ],
  },
];

const input = (over: Partial<OpenDataInput> = {}): OpenDataInput => ({
  enteName: 'Città di Asola',
  year: 2022,
  closed: false,
  closedOn: null,
  scoring: { kind: 'linear' },
  areas,
  achievements: new Map([['o1', 72.5]]),
  publishedOn: '2023-04-30',
  ...over,
});

describe('openDataRows', () => {
  it('gives each objective its weight (Nucleo first), counting deadlines, progress and state', () => {
    const [first, removed] = openDataRows(input());
    expect(first).toMatchObject({
      numero_obiettivo: '1',
      peso: 20,
      scadenze: '2022-06-30;2022-12-31',
      scadenza_finale: '2022-12-31',
      stato_obiettivo: 'attivo',
      avanzamento_percentuale: 50, // (100 + 50 + 0) / 3
      stato_valutazione: null,
      raggiungimento_percentuale: null,
      punteggio: null,
      data_chiusura: null,
    });
    expect(removed).toMatchObject({
      numero_obiettivo: '3bis',
      peso: 5,
      scadenze: null,
      avanzamento_percentuale: null,
    });
  });

  it('fills the achievement only once closed, scored under the method; a removed objective does not count', () => {
    const [first, removed] = openDataRows(
      input({ closed: true, closedOn: '2023-03-15', scoring: { kind: 'threshold', threshold: 80 } }),
    );
    expect(first).toMatchObject({
      stato_valutazione: 'valutato',
      raggiungimento_percentuale: 72.5,
      punteggio: 0,
      metodo_punteggio: 'soglia 80',
      data_chiusura: '2023-03-15',
    });
    expect(removed).toMatchObject({ stato_valutazione: 'non_incide', raggiungimento_percentuale: null });
    const [nv] = openDataRows(input({ closed: true, achievements: new Map([['o1', null]]) }));
    expect(nv).toMatchObject({ stato_valutazione: 'non_valutato', punteggio: null });
  });
});

describe('openDataCsv', () => {
  it('writes RFC 4180: the header, quotes where needed, CRLF, empty cells for no value', async () => {
    const csv = await openDataCsv(openDataRows(input()));
    expect(csv.startsWith(`${OPEN_DATA_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Progetto ""Fondo Cultura"", 1^ annualità"');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data[0]?.indicatore).toBe('Rispetto\ndelle scadenze');
    expect(parsed.data[1]?.avanzamento_percentuale).toBe('');
  });

  it('dates the file by the Italian calendar', () => {
    expect(romeDay(new Date('2022-12-31T23:30:00Z'))).toBe('2023-01-01');
    expect(romeDay(new Date('2022-07-01T21:59:00Z'))).toBe('2022-07-01');
  });
});
