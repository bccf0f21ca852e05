import { useT } from '../../i18n/use-t.ts';
import { useReminderAlerts } from '../hooks/use-reminder-alerts.ts';
import type { RemindersView } from '../hooks/use-reminders.ts';
import './reminders.css';

/**
 * The count of reminders on the "Il mio lavoro" navigation item. The digits are for the eye; the
 * link's accessible name carries the words ("Il mio lavoro (3 promemoria)"), so colour and a bare
 * number are never the only signal.
 */
export function ReminderBadge({ count }: { count: number }) {
  const { tn } = useT();
  if (count === 0) return null;
  return (
    <span className="nav-badge reminder-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{` (${tn('reminders.badge', count)})`}</span>
    </span>
  );
}

/** Renders nothing: runs the reminders' effects outside the page (useReminderAlerts), once per shell. */
export function ReminderAlerts({ view }: { view: RemindersView | undefined }) {
  useReminderAlerts(view);
  return null;
}
