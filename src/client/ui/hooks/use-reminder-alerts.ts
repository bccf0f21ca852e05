import { useEffect } from 'react';
import { reminderNotificationDue } from '../../../domain/reminders.ts';
import { claimReminderNotification } from '../../db/reminder-settings.ts';
import { useT } from '../../i18n/use-t.ts';
import {
  canShowNotification,
  closeReminderNotifications,
  setAppBadgeCount,
  showReminderNotification,
  subscribeNotificationOpen,
} from '../../pwa/reminder-notification.ts';
import { reminderSummary } from '../components/reminder-summary.ts';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import type { RemindersView } from './use-reminders.ts';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';

/**
 * What the reminders do outside the page, run by ONE component of the signed-in shell (the bottom
 * navigation, mounted on every page): the count on the installed app's icon, the day's system
 * notification when the user allowed it (at most one a day per user and device, whatever the tabs
 * and reloads: claimReminderNotification), closing it when there is nothing left to say or
 * reminders are turned off, and following a click on it that the service worker relays to this tab.
 */
export function useReminderAlerts(view: RemindersView | undefined): void {
  const db = useDb();
  const { user } = useSession();
  const { t, tn, lang } = useT();
  const loaded = view !== undefined;
  const count = view?.count ?? 0;
  const late = view?.late.length ?? 0;
  const dueSoon = view?.dueSoon.length ?? 0;
  const days = view?.settings.days ?? 0;
  const today = view?.today;
  const notify = view?.settings.enabled === true && view.settings.notify;

  useEffect(() => {
    if (loaded) void setAppBadgeCount(count);
  }, [loaded, count]);
  // Signing out (the shell goes) leaves no count on the icon.
  useEffect(() => () => void setAppBadgeCount(0), []);

  useEffect(() => {
    if (!loaded || today === undefined) return;
    if (!notify || count === 0) {
      void closeReminderNotifications();
      return;
    }
    let stale = false;
    void (async () => {
      if (!(await canShowNotification()) || stale) return;
      const claimed = await claimReminderNotification(db, user.id, today, (last) =>
        reminderNotificationDue(count, last, today),
      );
      // Once claimed it is shown, even if the figures moved meanwhile: the claim is today's only one.
      if (!claimed) return;
      await showReminderNotification({
        title: t('reminders.notificationTitle'),
        body: reminderSummary({ t, tn }, { late, dueSoon, days }),
        lang,
        url: paths.home(),
      });
    })();
    return () => {
      stale = true;
    };
  }, [db, user.id, loaded, today, notify, count, late, dueSoon, days, t, tn, lang]);

  useEffect(() => subscribeNotificationOpen((url) => navigate(url)), []);
}
