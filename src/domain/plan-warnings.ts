/**
 * What an import preview warns about without refusing the plan: weights in percent that do not add
 * up to 100 within an objective, an objective without phases, a phase without a deadline. A comune's
 * document often has these (the sample has a phase with no deadline) and the plan is still theirs to
 * store; the preview says so, naming the line or row the warning is about.
 */
import type { ParsedPlan } from './plan-text/parsed-plan.ts';

export type PlanWarningCode =
  | 'phase_weights_not_100'
  | 'objective_without_phases'
  | 'phase_without_deadline'
  /** A line of pasted text the importer placed nowhere (see plan-text's unplacedLines). */
  | 'line_not_placed'
  /** A deadline in another year than the plan's (amendments then refuse to keep it). */
  | 'deadline_outside_year';

export interface PlanWarning {
  code: PlanWarningCode;
  /** The line (text) or row (table) the warning is about. */
  line: number;
  message: string;
  messageEn: string;
}

const SUM_TOLERANCE = 0.01;

function italian(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function format(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `year`: the plan's performance year, when known (deadlines in other years are then warned of). */
export function planWarnings(plan: ParsedPlan, year?: number): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const area of plan.areas) {
    for (const o of area.objectives) {
      if (o.state === 'removed' || o.state === 'replaced') continue;
      const label = `${area.name}, obiettivo ${o.number}`;
      const labelEn = `${area.name}, objective ${o.number}`;
      if (o.phases.length === 0) {
        warnings.push({
          code: 'objective_without_phases',
          line: o.line,
          message: `${label}: nessuna fase`,
          messageEn: `${labelEn}: no phases`,
        });
        continue;
      }
      const percents = o.phases.filter((p) => p.weightUnit === 'percent');
      if (percents.length === o.phases.length) {
        const sum = percents.reduce((s, p) => s + (p.weight ?? 0), 0);
        if (Math.abs(sum - 100) > SUM_TOLERANCE)
          warnings.push({
            code: 'phase_weights_not_100',
            line: o.line,
            message: `${label}: i pesi delle fasi sommano a ${format(sum)}% invece di 100%`,
            messageEn: `${labelEn}: the phase weights add up to ${format(sum)}% instead of 100%`,
          });
      }
      for (const p of o.phases) {
        if (year !== undefined && p.deadline !== null && !p.deadline.startsWith(`${year}-`))
          warnings.push({
            code: 'deadline_outside_year',
            line: p.line,
            message: `${label}, fase ${p.number}: scadenza ${italian(p.deadline)} fuori dall'anno ${year} del piano`,
            messageEn: `${labelEn}, phase ${p.number}: deadline ${italian(p.deadline)} outside the plan's year ${year}`,
          });
        if (p.deadline === null)
          warnings.push({
            code: 'phase_without_deadline',
            line: p.line,
            message: `${label}, fase ${p.number}: senza scadenza (conta come dovuta a fine anno)`,
            messageEn: `${labelEn}, phase ${p.number}: no deadline (counted as due at the year's end)`,
          });
      }
    }
  }
  return warnings.sort((a, b) => a.line - b.line);
}
