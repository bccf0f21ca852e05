import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/use-t.ts';
import { DeadlineLabel } from '../../components/deadline-label.tsx';
import { Icon } from '../../components/icons.tsx';
import { Link } from '../../components/link.tsx';
import { reminderSummary } from '../../components/reminder-summary.ts';
import { useWorkItems } from '../../hooks/use-my-work.ts';
import { useReminders, type ReminderItem } from '../../hooks/use-reminders.ts';
import { useSession } from '../../hooks/use-session.ts';
import { paths } from '../../router/routes.ts';
import './reminders-section.css';

const PAGE = 5;

function ReminderRow({ item: { phase, objective }, today }: { item: ReminderItem; today: string }) {
  const { t } = useT();
  const title = phase.description || phase.indicator || t('phase.label', { number: phase.number });
  const where = objective
    ? `${t('objective.label', { number: objective.number })}, ${t('phase.label', { number: phase.number })}`
    : t('phase.label', { number: phase.number });
  return (
    <li className="reminder">
      <Link href={paths.phase(phase.id)} className="reminder-title">
        {title}
      </Link>
      <span className="reminder-meta small">
        <span className="muted">{where}</span>
        <DeadlineLabel phase={phase} today={today} />
      </span>
    </li>
  );
}

/**
 * "Promemoria" at the top of Il mio lavoro: the user's late phases and those due within the days they
 * chose (Impostazioni), in one sentence and a short list, worked out on the device (useReminders).
 * Absent when reminders are off or the user has no areas of their own.
 */
export function RemindersSection() {
  const { t, tn } = useT();
  const { user } = useSession();
  const view = useReminders();
  const [shown, setShown] = useState(PAGE);
  // Late first (oldest deadline first), then due (soonest first): what needs action comes first.
  const items = useMemo(() => (view ? [...view.late, ...view.dueSoon] : []), [view]);
  const rows = useWorkItems(useMemo(() => items.slice(0, shown), [items, shown]));
  if (!view || !view.settings.enabled || user.areaIds.length === 0) return null;
  const summary = reminderSummary(
    { t, tn },
    { late: view.late.length, dueSoon: view.dueSoon.length, days: view.settings.days },
  );
  return (
    <section className="card section reminders-card" aria-labelledby="reminders-title">
      <h2 id="reminders-title" className="section-title">
        <Icon name="clock" />
        {t('reminders.title')} <span className="count-pill">{view.count}</span>
      </h2>
      <p className="reminders-summary">{summary}</p>
      {items.length > 0 && (
        <ul className="plain-list reminder-list" aria-label={t('reminders.listLabel')}>
          {rows.map((item) => (
            <ReminderRow key={item.phase.id} item={item} today={view.today} />
          ))}
        </ul>
      )}
      {items.length > shown && (
        <button type="button" className="btn btn-outline" onClick={() => setShown((n) => n + PAGE * 2)}>
          {t('home.showMore', { count: Math.min(PAGE * 2, items.length - shown) })}
        </button>
      )}
      <p className="small muted reminders-foot">
        {t('reminders.lead')} <Link href={paths.settings()}>{t('reminders.settingsLink')}</Link>
      </p>
    </section>
  );
}
