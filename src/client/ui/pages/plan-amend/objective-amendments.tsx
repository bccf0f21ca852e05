import { useLiveQuery } from 'dexie-react-hooks';
import type { ObjectiveRecord } from '../../../db/schema.ts';
import { Link } from '../../components/link.tsx';
import { useDb } from '../../hooks/use-db.ts';
import { paths } from '../../router/routes.ts';
import { AmendmentList } from './amendment-list.tsx';
import { useAmendments } from './use-amendments.ts';
import { useAmendT } from './use-amend-t.ts';

/**
 * The objective page's register section (its own chunk): the links between a replaced objective and
 * its replacement, then every amendment of the objective and its phases.
 */
export function ObjectiveAmendments({ objective }: { objective: ObjectiveRecord }) {
  const { t } = useAmendT();
  const db = useDb();
  const data = useAmendments({ objectiveId: objective.id });
  const links = useLiveQuery(async () => {
    const replacedBy = await db.objectives
      .where('areaId')
      .equals(objective.areaId)
      .filter((o) => o.replaces === objective.id)
      .toArray();
    const replaces = objective.replaces ? await db.objectives.get(objective.replaces) : undefined;
    return { replacedBy, replaces };
  }, [db, objective.id, objective.areaId, objective.replaces]);
  const name = (o: ObjectiveRecord) => `${t('objective.label', { number: o.number })} — ${o.title}`;
  return (
    <section className="section" aria-labelledby="amendments-title">
      <h2 id="amendments-title">{t('amend.register.objectiveTitle')}</h2>
      {links && (links.replaces || links.replacedBy.length > 0) && (
        <ul className="plain-list">
          {links.replaces && (
            <li>
              <Link href={paths.objective(links.replaces.id)}>
                {t('amend.replacesLink', { title: name(links.replaces) })}
              </Link>
            </li>
          )}
          {links.replacedBy.map((o) => (
            <li key={o.id}>
              <Link href={paths.objective(o.id)}>{t('amend.replacedBy', { title: name(o) })}</Link>
            </li>
          ))}
        </ul>
      )}
      {data === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : data === null ? null : (
        <>
          <AmendmentList data={data} linkObjectives={false} />
          <p>
            <Link href={paths.planAmendments(data.plan.id)}>{t('amend.register.link')}</Link> ·{' '}
            <Link href={paths.planChanges(data.plan.id)}>{t('amend.changes.link')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
