import { useMemo } from 'react';
import { layeredT, type Catalogs } from '../../../i18n/layered-t.ts';
import { monEn } from '../../../i18n/mon-en.ts';
import { monIt, type MonMessageKey } from '../../../i18n/mon-it.ts';
import { useReportT, type ReportKey } from '../reports/use-report-t.ts';

export type MonKey = MonMessageKey | ReportKey;

/** Also what the reused evaluation forms read through ExtraCatalogContext. */
export const MON_CATALOG: Catalogs<MonMessageKey> = { it: monIt, en: monEn };

/**
 * useReportT() (dayDate, pct, the print bar's words) with the monitoring catalog on top. Both live
 * in the lazy monitoring chunks that import this, never in the first one.
 */
export function useMonT() {
  const tr = useReportT();
  return useMemo(() => ({ ...tr, t: layeredT(MON_CATALOG, tr) }), [tr]);
}

export type MonT = ReturnType<typeof useMonT>;
