import { useMemo } from 'react';
import type { MessageKey } from '../../../i18n/it.ts';
import { dayDateOf, layeredT } from '../../../i18n/layered-t.ts';
import { reportEn } from '../../../i18n/report-en.ts';
import { reportIt, type ReportMessageKey } from '../../../i18n/report-it.ts';
import { useT } from '../../../i18n/use-t.ts';

export type ReportKey = ReportMessageKey | MessageKey;

const CATALOGS = { it: reportIt, en: reportEn };

/**
 * useT() with the reports' catalog on top (report-it.ts / report-en.ts), plus `dayDate` (a calendar
 * day as the plan prints it, "30/06/2022") and `pct` (a percentage rounded to a whole number, or
 * "—" when there is none). Both catalogs live in the lazily loaded report chunks that import this,
 * never in the first one.
 */
export function useReportT() {
  const tr = useT();
  return useMemo(() => {
    const t = layeredT(CATALOGS, tr);
    const pct = (value: number | null | undefined): string =>
      value === null || value === undefined
        ? t('report.none')
        : t('report.percent', { value: Math.round(value) });
    return { ...tr, t, dayDate: dayDateOf(tr.locale), pct };
  }, [tr]);
}

export type ReportT = ReturnType<typeof useReportT>;
