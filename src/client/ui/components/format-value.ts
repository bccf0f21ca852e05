import { PHASE_STATUSES } from '../../../domain/plan.ts';
import type { Translator } from '../../i18n/translate.ts';

/** A status or percent value from a history or conflict row, in words. */
export function formatFieldValue(tr: Translator, field: 'status' | 'percent', value: unknown): string {
  if (field === 'status') {
    const status = PHASE_STATUSES.find((s) => s === value);
    return status ? tr.t(`status.${status}`) : '—';
  }
  return typeof value === 'number' ? tr.percent(value) : '—';
}
