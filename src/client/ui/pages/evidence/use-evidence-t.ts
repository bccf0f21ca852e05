import { useMemo } from 'react';
import { evidenceEn } from '../../../i18n/evidence-en.ts';
import { evidenceIt, type EvidenceMessageKey } from '../../../i18n/evidence-it.ts';
import { layeredT } from '../../../i18n/layered-t.ts';
import { useReportT, type ReportKey } from '../reports/use-report-t.ts';

export type EvidenceKey = EvidenceMessageKey | ReportKey;

const CATALOGS = { it: evidenceIt, en: evidenceEn };

/**
 * useReportT() (the reports' catalog, dayDate, pct, the print bar's words) with the evidence pack's
 * catalog on top (evidence-it.ts / evidence-en.ts). Both live in the lazily loaded chunks that import
 * this, never in the first one.
 */
export function useEvidenceT() {
  const tr = useReportT();
  return useMemo(() => ({ ...tr, t: layeredT(CATALOGS, tr) }), [tr]);
}

export type EvidenceT = ReturnType<typeof useEvidenceT>;
