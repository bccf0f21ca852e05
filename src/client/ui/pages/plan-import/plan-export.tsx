import { useState } from 'react';
import { useSync } from '../../hooks/use-sync.ts';
import { useFailureText } from '../admin-common/admin-shell.tsx';
import { useAdminAuth } from '../admin-common/use-admin-auth.ts';
import { fetchPlanFile, saveBlob } from './plan-files-api.ts';
import { usePlanT } from './use-plan-t.ts';

type State = 'idle' | 'busy' | 'done' | { error: string };

type ExportFile = 'csv' | 'xlsx' | 'openData';

// The server names the file (Content-Disposition); the fallback is for a header it could not read.
const FILES = {
  csv: { path: 'export.csv', fallbackName: 'piano.csv', label: 'planPage.exportCsv' },
  xlsx: { path: 'export.xlsx', fallbackName: 'piano.xlsx', label: 'planPage.exportXlsx' },
  openData: {
    path: 'open-data.csv',
    fallbackName: 'dati-aperti-performance.csv',
    label: 'planPage.openDataCsv',
  },
} as const;

/**
 * CSV and XLSX of the plan with its progress, and its open data for Amministrazione Trasparente
 * (docs/open-data.md), for every role that sees the plan: fetched with the bearer token and handed
 * over as a Blob (the CSP allows no data: or cross-origin downloads).
 */
export function PlanExport({ planId }: { planId: string }) {
  const { t } = usePlanT();
  const auth = useAdminAuth();
  const failureText = useFailureText();
  const { status } = useSync();
  const [state, setState] = useState<State>('idle');
  const get = async (file: ExportFile) => {
    setState('busy');
    try {
      const path = `/api/plans/${encodeURIComponent(planId)}/${FILES[file].path}`;
      const { blob, name } = await fetchPlanFile(auth, path, FILES[file].fallbackName);
      saveBlob(blob, name);
      setState('done');
    } catch (e) {
      setState({ error: t('planPage.exportFailed', { message: failureText(e) }) });
    }
  };
  return (
    <section className="section" aria-labelledby="plan-export-title">
      <h2 id="plan-export-title">{t('planPage.export')}</h2>
      {!status.online && <p className="muted">{t('planPage.exportOffline')}</p>}
      <div className="button-row">
        {(['csv', 'xlsx'] as const).map((file) => (
          <button
            key={file}
            type="button"
            className="btn btn-outline"
            disabled={state === 'busy' || !status.online}
            onClick={() => void get(file)}
          >
            {t(FILES[file].label)}
          </button>
        ))}
      </div>
      <h3 id="plan-open-data-title">{t('planPage.openData')}</h3>
      <p className="muted" id="plan-open-data-hint">
        {t('planPage.openDataHint')}
      </p>
      <button
        type="button"
        className="btn btn-outline"
        aria-describedby="plan-open-data-hint"
        disabled={state === 'busy' || !status.online}
        onClick={() => void get('openData')}
      >
        {t(FILES.openData.label)}
      </button>
      <div role="status" aria-live="polite">
        {state === 'busy' && <p>{t('planPage.exporting')}</p>}
        {state === 'done' && <p className="alert alert-success">{t('planPage.exported')}</p>}
        {typeof state === 'object' && <p className="alert alert-danger">{state.error}</p>}
      </div>
    </section>
  );
}
