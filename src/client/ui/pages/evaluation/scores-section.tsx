import { useMemo } from 'react';
import { useSession } from '../../hooks/use-session.ts';
import { useWeightSet } from '../../hooks/use-weight-set.ts';
import { seesAllEvaluations } from '../../permissions.ts';
import { Link } from '../../components/link.tsx';
import { paths } from '../../router/routes.ts';
import { computeScores, type AreaScoreLine } from './scores-model.ts';
import { scoringLabel } from './scoring-form.tsx';
import { useEvalT, type EvalT } from './use-eval-t.ts';
import { usePlanScoreRows } from './use-plan-scores.ts';
import './evaluation.css';

function scoreText(tr: EvalT, score: number | null): string {
  return score === null ? tr.t('eval.notEvaluated') : tr.number(score, 1);
}

/**
 * The Nucleo's scores on the dashboard (the ente and every area) or on an area page (the area and
 * its objectives), under the chosen weight set and the plan's scoring method; NV where nothing is
 * evaluated. Shown to who holds evaluations on the device: an admin or the evaluator, everyone once
 * the plan is closed, a head their own areas' while it is open (then no ente score: it would count
 * only the areas they see).
 */
export function ScoresSection({ planId, areaId }: { planId: string | null | undefined; areaId?: string }) {
  const tr = useEvalT();
  const { t } = tr;
  const { user } = useSession();
  const [weightSet] = useWeightSet();
  const rows = usePlanScoreRows(planId);
  const scores = useMemo(
    () =>
      rows
        ? computeScores(
            {
              areas: rows.areas,
              objectives: rows.objectives,
              achievements: rows.achievements,
              scoring: rows.plan.scoring,
            },
            weightSet,
          )
        : null,
    [rows, weightSet],
  );
  if (!rows || !scores) return null;
  const status = rows.plan.status ?? 'approved';
  if (status === 'draft') return null;
  const seesAll = status === 'closed' || seesAllEvaluations(user);
  if (!seesAll && !scores.anyEvaluation) return null;
  const intro = t('scores.intro', {
    weights: t(`dashboard.weightSet.${weightSet}`),
    method: scoringLabel(tr, rows.plan.scoring),
  });
  const area = areaId ? scores.areas.find((a) => a.id === areaId) : undefined;
  if (areaId) {
    if (!area || (!seesAll && area.objectives.every((o) => o.achievement === undefined))) return null;
    return (
      <section className="card section scores" aria-labelledby="scores-title">
        <h2 id="scores-title">{t('scores.title')}</h2>
        <p className="hint">{intro}</p>
        <p className="scores-ente">
          <span>{area.name}</span>
          <strong className="eval-figure">{scoreText(tr, area.score)}</strong>
        </p>
        <ObjectiveScores tr={tr} area={area} />
      </section>
    );
  }
  // A head while the plan is open: only the areas whose evaluations the device holds.
  const shown = seesAll
    ? scores.areas
    : scores.areas.filter((a) => a.objectives.some((o) => o.achievement !== undefined));
  return (
    <section className="card section scores" aria-labelledby="scores-title">
      <h2 id="scores-title">{t('scores.title')}</h2>
      <p className="hint">{intro}</p>
      {seesAll ? (
        <p className="scores-ente">
          <span>{t('scores.ente')}</span>
          <strong className="eval-figure">{scoreText(tr, scores.ente)}</strong>
        </p>
      ) : (
        <p className="hint">{t('scores.ownAreas')}</p>
      )}
      {!scores.anyEvaluation && <p className="muted">{t('scores.none')}</p>}
      <table className="scores-table">
        <caption>{t('scores.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scores.area')}</th>
            <th scope="col" className="num">
              {t('scores.evaluated')}
            </th>
            <th scope="col" className="num">
              {t('scores.score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={paths.area(a.id)}>{a.name}</Link>
              </th>
              <td className="num">
                {t('scores.evaluatedCount', { evaluated: a.evaluated, total: a.total })}
              </td>
              <td className="num">
                <strong>{scoreText(tr, a.score)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** An area's objectives with the Nucleo's achievement (NV) and the score it gives. */
function ObjectiveScores({ tr, area }: { tr: EvalT; area: AreaScoreLine }) {
  const { t } = tr;
  return (
    <table className="scores-table">
      <caption>{t('dashboard.objectives')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scores.objective')}</th>
          <th scope="col" className="num">
            {t('eval.achievement')}
          </th>
          <th scope="col" className="num">
            {t('scores.score')}
          </th>
        </tr>
      </thead>
      <tbody>
        {area.objectives.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <Link href={paths.objective(o.id)}>{t('objective.label', { number: o.number })}</Link>
            </th>
            <td className="num">
              {o.achievement === undefined
                ? '—'
                : o.achievement === null
                  ? t('eval.notEvaluated')
                  : tr.percent(o.achievement)}
            </td>
            <td className="num">
              <strong>{scoreText(tr, o.score)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
