/**
 * A plan as a table: one row per phase, and one per objective without phases, under the template's
 * header (table-columns.ts) followed by the export-only columns (ids, status, percent). Reading the
 * table back with readPlanTable gives the same areas, objectives, states, phases, weights and
 * deadlines. Cells are strings, numbers or null; the CSV and XLSX writers format them.
 */
import type { IsoDate, ObjectiveState, ObjectiveWeights, PhaseStatus, WeightUnit } from '../plan.ts';
import { EXPORT_ONLY_COLUMNS, STATE_WORDS, TABLE_COLUMNS, type ExportColumnKey } from './table-columns.ts';

export interface TablePhase {
  id?: string;
  number: number;
  description: string;
  indicator: string;
  subjects: string;
  weight: number | null;
  weightUnit: WeightUnit | null;
  deadline: IsoDate | null;
  status?: PhaseStatus;
  percent?: number;
}
export interface TableObjective {
  id?: string;
  number: string;
  title: string;
  indicator: string;
  subjects: string;
  state: ObjectiveState;
  motivation: string | null;
  weights: ObjectiveWeights;
  phases: readonly TablePhase[];
}
export interface TableArea {
  id?: string;
  name: string;
  motivation: string | null;
  objectives: readonly TableObjective[];
}

export type OutCell = string | number | null;

/** dd/mm/yyyy, as an Italian spreadsheet shows a date. */
export function italianDate(iso: IsoDate | null): string | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function planTableRows(
  areas: readonly TableArea[],
  options: { language?: 'it' | 'en'; withProgress?: boolean } = {},
): OutCell[][] {
  const language = options.language ?? 'it';
  const columns: { key: ExportColumnKey; it: string; en: string }[] = [
    ...TABLE_COLUMNS,
    ...(options.withProgress === false ? [] : EXPORT_ONLY_COLUMNS),
  ];
  const rows: OutCell[][] = [columns.map((c) => c[language])];
  for (const area of areas) {
    for (const objective of area.objectives) {
      const phases: readonly (TablePhase | null)[] = objective.phases.length > 0 ? objective.phases : [null];
      for (const phase of phases) {
        const values: Record<ExportColumnKey, OutCell> = {
          area: area.name,
          area_motivation: area.motivation,
          objective_number: objective.number,
          objective_title: objective.title,
          objective_indicator: objective.indicator,
          objective_subjects: objective.subjects,
          state: STATE_WORDS[objective.state],
          motivation: objective.motivation,
          weight_head: objective.weights.head,
          weight_giunta: objective.weights.giunta,
          weight_nucleo: objective.weights.nucleo,
          phase_number: phase?.number ?? null,
          phase_description: phase?.description ?? null,
          phase_indicator: phase?.indicator ?? null,
          phase_subjects: phase?.subjects ?? null,
          phase_weight: phase?.weight ?? null,
          phase_weight_unit:
            phase?.weightUnit === 'percent' ? '%' : phase?.weightUnit === 'points' ? 'punti' : null,
          deadline: italianDate(phase?.deadline ?? null),
          area_id: area.id ?? null,
          objective_id: objective.id ?? null,
          phase_id: phase?.id ?? null,
          status: phase?.status ?? null,
          percent: phase?.percent ?? null,
        };
        rows.push(columns.map((c) => values[c.key]));
      }
    }
  }
  return rows;
}

/**
 * The template: the header and one example objective with two phases of the year `year`, so that
 * the template as downloaded reads without a warning (weights adding up to 100 %, deadlines inside
 * the plan's year).
 */
export function templateRows(language: 'it' | 'en' = 'it', year = 2026): OutCell[][] {
  return planTableRows(
    [
      {
        name: 'Servizi alla persona',
        motivation: null,
        objectives: [
          {
            number: '1',
            title: 'Digitalizzazione delle iscrizioni ai servizi scolastici',
            indicator: 'Rispetto delle scadenze',
            subjects: '',
            state: 'active',
            motivation: null,
            weights: { head: 20, giunta: 20, nucleo: null },
            phases: [
              {
                number: 1,
                description: 'Attivazione del modulo di iscrizione online',
                indicator: 'Modulo attivo',
                subjects: 'Ufficio scuola',
                weight: 50,
                weightUnit: 'percent',
                deadline: `${year}-06-30`,
              },
              {
                number: 2,
                description: 'Verifica delle iscrizioni ricevute',
                indicator: 'Verifica conclusa',
                subjects: 'Ufficio scuola',
                weight: 50,
                weightUnit: 'percent',
                deadline: `${year}-11-30`,
              },
            ],
          },
        ],
      },
    ],
    { language, withProgress: false },
  );
}
