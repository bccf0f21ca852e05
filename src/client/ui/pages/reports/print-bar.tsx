import type { ReportT } from './use-report-t.ts';

/**
 * The print button and how to get the PDF: the PDF is the printed page (the browser's "Salva come
 * PDF"), so it needs no library and works offline. Not printed itself.
 */
export function PrintBar({ tr }: { tr: ReportT }) {
  return (
    <div className="report-print-bar">
      <button type="button" className="btn" onClick={() => window.print()}>
        {tr.t('report.print.button')}
      </button>
      <p className="muted">{tr.t('report.print.help')}</p>
    </div>
  );
}
