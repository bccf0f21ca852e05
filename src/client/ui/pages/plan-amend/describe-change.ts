/**
 * An amendment's before/after in words, field by field, as the register and "what changed" print
 * them: "Titolo: «A» → «B»", each weight on its own line, deadlines as 28/09/2022, states and units
 * by name. Pure: the translator comes in.
 */
import type { AmendKey } from './use-amend-t.ts';
import type { Params } from '../../../i18n/translate.ts';

export interface FieldLine {
  /** The field's name in words. */
  label: string;
  before: string;
  after: string;
}

export interface DescribeDeps {
  t: (key: AmendKey, params?: Params) => string;
  dayDate: (isoDate: string) => string;
  number: (n: number, maximumFractionDigits?: number) => string;
}

const LABELS: Record<string, AmendKey> = {
  number: 'amend.field.number',
  title: 'amend.field.title',
  indicator: 'amend.field.indicator',
  subjects: 'amend.field.subjects',
  description: 'amend.field.description',
  weight: 'amend.field.weight',
  weightUnit: 'amend.field.weightUnit',
  deadline: 'amend.field.deadline',
  name: 'amend.field.name',
  head: 'amend.field.head',
  position: 'amend.field.position',
  state: 'amend.field.state',
  motivation: 'amend.field.motivation',
  replaces: 'amend.field.replaces',
  removed: 'amend.field.removed',
};

const WEIGHT_LABELS = {
  head: 'amend.field.weight.head',
  giunta: 'amend.field.weight.giunta',
  nucleo: 'amend.field.weight.nucleo',
} as const satisfies Record<string, AmendKey>;

const STATES: Record<string, AmendKey> = {
  active: 'objectiveState.active',
  modified: 'objectiveState.modified',
  replaced: 'objectiveState.replaced',
  removed: 'objectiveState.removed',
};

const UNITS: Record<string, AmendKey> = { percent: 'amend.unit.percent', points: 'amend.unit.points' };

/** One value in words; texts in «», the empty ones as "vuoto". */
export function formatValue(field: string, value: unknown, deps: DescribeDeps): string {
  if (value === null || value === undefined || value === '') return deps.t('amend.empty');
  if (typeof value === 'boolean') return deps.t(value ? 'amend.yes' : 'amend.no');
  if (typeof value === 'number') return deps.number(value, 2);
  if (typeof value === 'string') {
    if (field === 'deadline' || field === 'date') return deps.dayDate(value);
    if (field === 'state' && STATES[value]) return deps.t(STATES[value]);
    if (field === 'weightUnit' && UNITS[value]) return deps.t(UNITS[value]);
    return `«${value}»`;
  }
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * The lines of one field change. `weights` (an object of three) becomes one line per weight that
 * changed, so "Peso Giunta: 10 → 15" reads on its own.
 */
export function describeField(
  field: string,
  before: unknown,
  after: unknown,
  deps: DescribeDeps,
): FieldLine[] {
  if (field === 'weights') {
    const b = asRecord(before) ?? {};
    const a = asRecord(after) ?? {};
    return (Object.keys(WEIGHT_LABELS) as (keyof typeof WEIGHT_LABELS)[])
      .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
      .map((k) => ({
        label: deps.t(WEIGHT_LABELS[k]),
        before: formatValue('weight', b[k], deps),
        after: formatValue('weight', a[k], deps),
      }));
  }
  const label = LABELS[field];
  return [
    {
      label: label ? deps.t(label) : field,
      before: formatValue(field, before, deps),
      after: formatValue(field, after, deps),
    },
  ];
}

/** Every changed field of an amendment's before/after records (fields only in one side included). */
export function describeFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  deps: DescribeDeps,
): FieldLine[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null))
    .flatMap((f) => describeField(f, before?.[f], after?.[f], deps));
}

/** "Delibera di Giunta n. 154 del 28/09/2022", or null without an act. */
export function describeAct(
  act: { body: string; number: string; date: string | null } | null | undefined,
  deps: DescribeDeps,
): string | null {
  if (!act) return null;
  const body = ['giunta', 'consiglio', 'sindaco', 'dirigente'].includes(act.body) ? act.body : 'altro';
  return deps.t(`amend.actText.${body}` as AmendKey, {
    number: act.number,
    date: act.date ? deps.dayDate(act.date) : '—',
  });
}
