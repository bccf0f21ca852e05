import { useEffect, useId, useRef, useState } from 'react';
import type { PlanRecord } from '../../../db/schema.ts';
import { Icon } from '../../components/icons.tsx';
import { useSelectedPlan } from '../../hooks/use-selected-plan.ts';
import { useSync } from '../../hooks/use-sync.ts';
import { useToday } from '../../hooks/use-today.ts';
import { planYear } from '../../plan-choice/choose-plan.ts';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/routes.ts';
import { useFailureText } from '../admin-common/admin-shell.tsx';
import { useAdminAuth } from '../admin-common/use-admin-auth.ts';
import { rollOverPlan } from './plan-rollover-api.ts';
import { RolloverAreaFieldset } from './rollover-area-fieldset.tsx';
import { useRolloverChoices } from './use-rollover-choices.ts';
import { usePlanT } from './use-plan-t.ts';

/** The year after the plan's, or the current year once that is later (a plan rolled over late). */
function defaultRolloverYear(plan: Pick<PlanRecord, 'years' | 'year'>, today: string): number {
  return Math.max((planYear(plan) ?? 0) + 1, Number(today.slice(0, 4)));
}

function validYear(text: string): number | null {
  const year = Number(text);
  return /^\d{4}$/.test(text.trim()) && year >= 2000 && year <= 2100 ? year : null;
}

/**
 * "Riporta al nuovo anno": the admin picks the year, a title and the objectives (those that count,
 * checked by default), and the server makes a draft (plan-rollover-api.ts). Online only: offline the
 * section says so. The new plan's id is made once per form, so sending again after a lost answer
 * returns the same draft. On success the draft is selected and its page opened.
 */
export function RolloverForm({ plan }: { plan: PlanRecord }) {
  const { t } = usePlanT();
  const auth = useAdminAuth();
  const failureText = useFailureText();
  const { status, syncNow } = useSync();
  const selected = useSelectedPlan();
  const today = useToday();
  const choices = useRolloverChoices(plan.id);
  const ids = { year: useId(), yearError: useId(), title: useId(), titleHint: useId() };
  const [newPlanId] = useState(() => crypto.randomUUID());
  const [year, setYear] = useState(() => String(defaultRolloverYear(plan, today)));
  const [title, setTitle] = useState('');
  // What the admin took out, rather than what is in: objectives that count start checked, including
  // any a sync brings while the form is open.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const yearRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const carried = (choices ?? []).flatMap((c) => c.objectives.filter((o) => o.carried));
  const picked = new Set(carried.map((o) => o.objective.id).filter((id) => !excluded.has(id)));
  const yearValue = validYear(year);
  const pick = (objectiveIds: string[], on: boolean) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      for (const id of objectiveIds) {
        if (on) next.delete(id);
        else next.add(id);
      }
      return next;
    });

  const submit = async () => {
    setTried(true);
    setError(null);
    if (yearValue === null) {
      yearRef.current?.focus();
      return;
    }
    if (!selected) return;
    setBusy(true);
    try {
      const trimmed = title.trim();
      const result = await rollOverPlan(auth, plan.id, {
        newPlanId,
        year: yearValue,
        ...(trimmed ? { title: trimmed } : {}),
        objectiveIds: [...picked],
      });
      const id = result.planId ?? newPlanId;
      await selected.select(id);
      syncNow();
      // The new page's title takes the focus (PageTitle), which announces the result.
      navigate(paths.plan(id));
    } catch (e) {
      setError(t('rollover.failed', { message: failureText(e) }));
      setBusy(false);
    }
  };

  return (
    <section className="section card rollover" aria-labelledby="rollover-title">
      <h2 id="rollover-title">{t('rollover.title')}</h2>
      {!status.online ? (
        <div className="alert alert-warning" role="status">
          <Icon name="cloudOff" />
          <p>{t('rollover.offline')}</p>
        </div>
      ) : (
        <>
          <p>{t('rollover.intro')}</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="field">
              <label htmlFor={ids.year}>{t('rollover.year')}</label>
              <input
                ref={yearRef}
                id={ids.year}
                className="input import-year"
                inputMode="numeric"
                value={year}
                required
                aria-invalid={tried && yearValue === null ? true : undefined}
                aria-describedby={tried && yearValue === null ? ids.yearError : undefined}
                onChange={(e) => setYear(e.target.value)}
              />
              {tried && yearValue === null && (
                <p id={ids.yearError} className="field-error">
                  {t('rollover.yearInvalid')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={ids.title}>{t('rollover.titleField')}</label>
              <input
                id={ids.title}
                className="input"
                value={title}
                maxLength={500}
                aria-describedby={ids.titleHint}
                onChange={(e) => setTitle(e.target.value)}
              />
              <p id={ids.titleHint} className="hint">
                {t('rollover.titleHint', { year: String(yearValue ?? year) })}
              </p>
            </div>
            <h3>{t('rollover.objectives')}</h3>
            <p className="hint">{t('rollover.objectivesHint')}</p>
            {choices === undefined ? (
              <p className="page-loading">{t('app.loading')}</p>
            ) : (
              choices.map((choice) => (
                <RolloverAreaFieldset key={choice.area.id} choice={choice} picked={picked} onPick={pick} />
              ))
            )}
            <div className="form-actions">
              <button type="submit" className="btn" disabled={busy || choices === undefined}>
                {busy ? t('rollover.submitting') : t('rollover.submit')}
              </button>
            </div>
          </form>
          <div role="alert" className="import-error">
            {error && (
              <p ref={errorRef} tabIndex={-1} className="alert alert-danger">
                <Icon name="alert" />
                <span>{error}</span>
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
