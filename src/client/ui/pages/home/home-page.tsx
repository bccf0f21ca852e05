import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../i18n/it.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Icon, type IconName } from '../../components/icons.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PhaseCard } from '../../components/phase-card.tsx';
import { SearchPanel } from '../../components/search-panel.tsx';
import type { PhaseFact } from '../../../db/facts.ts';
import { useMyWork, useWorkItems } from '../../hooks/use-my-work.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useSelectedPlan } from '../../hooks/use-selected-plan.ts';
import { YearClosedNotice } from '../../components/year-closed-notice.tsx';
import { worksOnOwnAreas } from '../../permissions.ts';
import { RemindersSection } from './reminders-section.tsx';

const PAGE = 8;

function WorkSection({
  title,
  empty,
  icon,
  items,
  today,
  locked,
}: {
  title: MessageKey;
  empty: MessageKey;
  icon: IconName;
  items: PhaseFact[];
  today: string;
  /** A closed plan takes no change: its cards show no quick controls. */
  locked: boolean;
}) {
  const { t } = useT();
  const [shown, setShown] = useState(PAGE);
  const headingId = `work-${title}`;
  const cards = useWorkItems(useMemo(() => items.slice(0, shown), [items, shown]));
  return (
    <section className="section work-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        <Icon name={icon} />
        {t(title)} <span className="count-pill">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t(empty)}</p>
      ) : (
        <>
          <ul className="plain-list">
            {cards.map(({ phase, objective }) => (
              <li key={phase.id}>
                <PhaseCard phase={phase} objective={objective} today={today} locked={locked} />
              </li>
            ))}
          </ul>
          {items.length > shown && (
            <button type="button" className="btn btn-outline" onClick={() => setShown((n) => n + PAGE * 2)}>
              {t('home.showMore', { count: Math.min(PAGE * 2, items.length - shown) })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * "Il mio lavoro": the user's reminders (their areas, the days they chose), the late, due-soon and
 * in-progress phases of the selected plan, and an offline search.
 */
export function HomePage() {
  const { t } = useT();
  const { user } = useSession();
  const selected = useSelectedPlan();
  // The plan's as-of day: today, or 31/12 of its year once that is over.
  const today = selected?.asOf;
  const work = useMyWork(user, today, selected?.areaIds);
  const locked = selected?.plan?.status === 'closed';
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p className="lead">
        {t('home.greeting', { name: user.displayName })}.{' '}
        {worksOnOwnAreas(user) ? t('home.scopeMine') : t('home.scopeAll')}
      </p>
      {work && !work.hasPlan && (
        <div className="alert">
          <Icon name="info" />
          <p>{t('home.noData')}</p>
        </div>
      )}
      {work && selected?.closedOn && <YearClosedNotice closedOn={selected.closedOn} counts={work.counts} />}
      <RemindersSection />
      <div className="card search-card">
        <SearchPanel headingLevel={3} />
      </div>
      {work === undefined || today === undefined ? (
        <p className="page-loading">{t('app.loading')}</p>
      ) : (
        <>
          <WorkSection
            title="home.late"
            empty="home.noneLate"
            icon="alert"
            items={work.late}
            today={today}
            locked={locked}
          />
          <WorkSection
            title="home.dueSoon"
            empty="home.noneDueSoon"
            icon="clock"
            items={work.dueSoon}
            today={today}
            locked={locked}
          />
          <WorkSection
            title="home.inProgress"
            empty="home.noneInProgress"
            icon="play"
            items={work.inProgress}
            today={today}
            locked={locked}
          />
        </>
      )}
    </>
  );
}
