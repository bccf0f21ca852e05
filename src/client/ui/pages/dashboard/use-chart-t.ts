import { useMemo } from 'react';
import { chartEn } from '../../../i18n/chart-en.ts';
import { chartIt, type ChartMessageKey } from '../../../i18n/chart-it.ts';
import type { MessageKey } from '../../../i18n/it.ts';
import { layeredT } from '../../../i18n/layered-t.ts';
import { useT } from '../../../i18n/use-t.ts';

export type ChartKey = ChartMessageKey | MessageKey;

const CATALOGS = { it: chartIt, en: chartEn };

/**
 * useT() with the chart and comparison catalog on top (chart-it.ts / chart-en.ts): imported only by
 * the lazily loaded chart and comparison chunks, so neither catalog enters the first one.
 */
export function useChartT() {
  const tr = useT();
  return useMemo(() => ({ ...tr, t: layeredT(CATALOGS, tr) }), [tr]);
}
