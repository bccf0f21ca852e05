import { useState } from 'react';
import type { PlanImportResponse } from '../../../../shared/plan-import.ts';
import { Icon } from '../../components/icons.tsx';
import { useSelectedPlan } from '../../hooks/use-selected-plan.ts';
import { useSync } from '../../hooks/use-sync.ts';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/routes.ts';
import { AdminShell, useFailureText } from '../admin-common/admin-shell.tsx';
import { useAdminAuth } from '../admin-common/use-admin-auth.ts';
import { ImportForm, type ImportInput } from './import-form.tsx';
import { fetchPlanFile, importPlan, PlanProblem, saveBlob } from './plan-files-api.ts';
import { PlanPreview } from './plan-preview.tsx';
import { usePlanT } from './use-plan-t.ts';
import './plan-import.css';

type Busy = 'preview' | 'save' | null;

function TemplateLinks() {
  const { t } = usePlanT();
  const auth = useAdminAuth();
  const failureText = useFailureText();
  const [error, setError] = useState<string | null>(null);
  const get = async (ext: 'csv' | 'xlsx') => {
    setError(null);
    try {
      const { blob, name } = await fetchPlanFile(auth, `/api/plans/template.${ext}`, `modello-piano.${ext}`);
      saveBlob(blob, name);
    } catch (e) {
      setError(failureText(e));
    }
  };
  return (
    <section className="section" aria-labelledby="import-templates-title">
      <h2 id="import-templates-title">{t('import.templates')}</h2>
      <div className="button-row">
        <button type="button" className="btn btn-outline" onClick={() => void get('csv')}>
          {t('import.templateCsv')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => void get('xlsx')}>
          {t('import.templateXlsx')}
        </button>
      </div>
      <div role="status">{error && <p className="alert alert-danger">{error}</p>}</div>
    </section>
  );
}

/** "riga 12 del testo, colonna …": where the server found the problem, when it said. */
function useProblemText(): (problem: PlanProblem) => string {
  const { t } = usePlanT();
  return (problem) => {
    // Each place with the bare value the server's message would name it by ("12", "P").
    const where = [
      problem.line !== undefined
        ? ([t('import.where.line', { line: problem.line }), problem.line] as const)
        : null,
      problem.row !== undefined
        ? ([t('import.where.row', { row: problem.row }), problem.row] as const)
        : null,
      problem.column !== undefined
        ? ([t('import.where.column', { column: problem.column }), problem.column] as const)
        : null,
    ].filter((w) => w !== null);
    // The server's message usually names the place already; the fields are added when it does not.
    const message = problem.serverMessage;
    const words = new Set(message.split(/[^\p{L}\p{N}]+/u));
    const missing = where.filter(([, value]) => !words.has(String(value))).map(([text]) => text);
    return t('import.problem', {
      message: missing.length > 0 ? `${message} (${missing.join(', ')})` : message,
    });
  };
}

function ImportPlan() {
  const { t } = usePlanT();
  const auth = useAdminAuth();
  const failureText = useFailureText();
  const problemText = useProblemText();
  const selected = useSelectedPlan();
  const { syncNow } = useSync();
  // Made once on the device: saving again after a lost answer returns the same draft, never a second.
  const [planId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState<Busy>(null);
  const [preview, setPreview] = useState<{ input: ImportInput; result: PlanImportResponse } | null>(null);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (input: ImportInput | null) => {
    setError(null);
    if (!input) {
      setError(t('import.missingInput'));
      return;
    }
    setBusy('preview');
    try {
      const result = await importPlan(auth, { ...input, dryRun: true });
      setPreview({ input, result });
      setStale(false);
    } catch (e) {
      setPreview(null);
      setError(e instanceof PlanProblem ? problemText(e) : failureText(e));
    } finally {
      setBusy(null);
    }
  };
  const save = async () => {
    if (!preview || stale || !selected) return;
    setError(null);
    setBusy('save');
    try {
      const result = await importPlan(auth, { ...preview.input, planId });
      const id = result.planId ?? planId;
      await selected.select(id);
      syncNow();
      navigate(paths.plan(id));
    } catch (e) {
      setError(e instanceof PlanProblem ? problemText(e) : failureText(e));
      setBusy(null);
    }
  };
  return (
    <>
      <p className="lead">{t('import.intro')}</p>
      <TemplateLinks />
      <ImportForm
        busy={busy !== null}
        onPreview={(input) => void run(input)}
        onChange={() => setStale(true)}
      />
      <div role="alert" className="import-error">
        {error && (
          <p className="alert alert-danger">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
      </div>
      {preview && (
        <>
          <PlanPreview result={preview.result} />
          <div className="card import-save">
            {stale && <p className="alert alert-warning">{t('import.changed')}</p>}
            <button
              type="button"
              className="btn"
              disabled={busy !== null || stale}
              onClick={() => void save()}
            >
              {busy === 'save' ? t('import.saving') : t('import.save')}
            </button>
          </div>
        </>
      )}
    </>
  );
}

/** The admin brings a plan in: text or file, a preview of what was read, then a draft. Online only. */
export function PlanImportPage() {
  return (
    <AdminShell title="plan.importTab">
      <ImportPlan />
    </AdminShell>
  );
}
