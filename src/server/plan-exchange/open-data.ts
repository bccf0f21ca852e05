/**
 * The plan as open data (protocol Part 2 "Open data"; columns documented in docs/open-data.md): the
 * file an ente publishes in Amministrazione Trasparente › Performance. One row per objective of the
 * plan (removed and replaced ones included, for the record), UTF-8 without BOM, `,`-separated, CRLF,
 * quoted where needed (RFC 4180), decimal points, dates as YYYY-MM-DD.
 *
 * Invariants:
 * - No personal data: no user names, ids or free texts written by people about people (the Nucleo's
 *   comments and the heads' notes stay out); only the plan's own words and the figures.
 * - The achievement columns (evaluation state, achievement, score, closing date) stay empty until the
 *   plan is closed: while it is open the Nucleo's figures are not final and not public.
 * - Progress and scores come from the same domain functions as the dashboard and the reports
 *   (domain/progress.ts, domain/scores.ts); the weight is the plan's, Nucleo first.
 */
import { and, eq } from 'drizzle-orm';
import { objectiveProgress, type PhaseProgressInput } from '../../domain/progress.ts';
import { DEFAULT_SCORING, objectiveScore, type ScoringMethod } from '../../domain/scores.ts';
import { STATE_WORDS } from '../../domain/plan-table/table-columns.ts';
import type { TableArea } from '../../domain/plan-table/write-plan-table.ts';
import { effectiveObjectiveWeight, objectiveIsCounted, phaseIsCounted } from '../../domain/weights.ts';
import type { Queryable } from '../db/database.ts';
import { ente, evaluation } from '../db/schema.ts';
import { readPlanTables, type StoredPlan } from '../plans/plan-reading.ts';

/** The columns, in order; docs/open-data.md describes each one. */
export const OPEN_DATA_COLUMNS = [
  'ente',
  'anno',
  'area',
  'numero_obiettivo',
  'titolo_obiettivo',
  'indicatore',
  'peso',
  'scadenze',
  'scadenza_finale',
  'stato_obiettivo',
  'avanzamento_percentuale',
  'stato_valutazione',
  'raggiungimento_percentuale',
  'punteggio',
  'metodo_punteggio',
  'data_chiusura',
  'data_pubblicazione',
] as const;
export type OpenDataColumn = (typeof OPEN_DATA_COLUMNS)[number];
export type OpenDataRow = Record<OpenDataColumn, string | number | null>;

export interface OpenDataInput {
  enteName: string;
  year: number;
  closed: boolean;
  /** The day of the plan's last close (YYYY-MM-DD), when it is closed. */
  closedOn: string | null;
  scoring: ScoringMethod;
  areas: readonly TableArea[];
  /** The Nucleo's achievement by objective id (null: not evaluated); read only for a closed plan. */
  achievements: ReadonlyMap<string, number | null>;
  /** The day the file is made, which is the day it is published (YYYY-MM-DD). */
  publishedOn: string;
}

function rounded(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function scoringWords(method: ScoringMethod): string {
  return method.kind === 'linear' ? 'lineare' : `soglia ${method.threshold}`;
}

/** The rows of the file, one per objective in the plan's order. Pure. */
export function openDataRows(input: OpenDataInput): OpenDataRow[] {
  const rows: OpenDataRow[] = [];
  for (const area of input.areas) {
    for (const o of area.objectives) {
      const phases: PhaseProgressInput[] = o.phases.map((p, i) => ({
        id: p.id ?? `${o.id ?? o.number}:${i}`,
        objectiveId: o.id ?? o.number,
        status: p.status ?? 'not_started',
        percent: p.percent ?? 0,
        weight: p.weight,
      }));
      const deadlines = [
        ...new Set(
          o.phases
            .filter((p) => phaseIsCounted({ status: p.status ?? 'not_started' }))
            .flatMap((p) => (p.deadline === null ? [] : [p.deadline])),
        ),
      ].sort();
      const counts = objectiveIsCounted(o);
      const progress = counts ? objectiveProgress({ id: o.id ?? o.number, state: o.state }, phases) : null;
      const achievement = input.closed && counts ? (input.achievements.get(o.id ?? '') ?? null) : null;
      const evaluationState = !input.closed
        ? null
        : !counts
          ? 'non_incide'
          : achievement === null
            ? 'non_valutato'
            : 'valutato';
      rows.push({
        ente: input.enteName,
        anno: input.year,
        area: area.name,
        numero_obiettivo: o.number,
        titolo_obiettivo: o.title,
        indicatore: o.indicator === '' ? null : o.indicator,
        peso: effectiveObjectiveWeight(o, 'nucleo'),
        scadenze: deadlines.length > 0 ? deadlines.join(';') : null,
        scadenza_finale: deadlines.at(-1) ?? null,
        stato_obiettivo: STATE_WORDS[o.state],
        avanzamento_percentuale: rounded(progress, 1),
        stato_valutazione: evaluationState,
        raggiungimento_percentuale: achievement,
        punteggio: rounded(objectiveScore(achievement, input.scoring), 2),
        metodo_punteggio: scoringWords(input.scoring),
        data_chiusura: input.closed ? input.closedOn : null,
        data_pubblicazione: input.publishedOn,
      });
    }
  }
  return rows;
}

export async function openDataCsv(rows: readonly OpenDataRow[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const cells = rows.map((r) => OPEN_DATA_COLUMNS.map((c) => (r[c] === null ? '' : String(r[c]))));
  return `${Papa.unparse({ fields: [...OPEN_DATA_COLUMNS], data: cells }, { delimiter: ',', newline: '\r\n' })}\r\n`;
}

/** A day as the comune's calendar has it (Italy), YYYY-MM-DD. */
export function romeDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(at);
}

/** Reads what the file needs of a stored plan (the caller checked that the user may see it). */
export async function readOpenData(q: Queryable, stored: StoredPlan, now: Date): Promise<OpenDataRow[]> {
  const [enteRow] = await q.select({ name: ente.name }).from(ente).where(eq(ente.id, stored.enteId));
  const closed = stored.status === 'closed';
  const achievements = new Map<string, number | null>();
  if (closed) {
    const rows = await q
      .select({ id: evaluation.id, percent: evaluation.percent })
      .from(evaluation)
      .where(and(eq(evaluation.planId, stored.id), eq(evaluation.deleted, false)));
    for (const r of rows) achievements.set(r.id, r.percent);
  }
  const lastClose = stored.events.filter((e) => e.kind === 'closed').at(-1);
  return openDataRows({
    enteName: enteRow?.name ?? '',
    year: stored.year,
    closed,
    closedOn: closed && lastClose ? romeDay(new Date(lastClose.at)) : null,
    scoring: stored.scoring ?? DEFAULT_SCORING,
    areas: await readPlanTables(q, stored.id),
    achievements,
    publishedOn: romeDay(now),
  });
}
