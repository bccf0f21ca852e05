import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type FormEvent } from 'react';
import { parseReminderDays, REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from '../../../../domain/reminders.ts';
import {
  readReminderSettings,
  updateReminderSettings,
  type ReminderSettings,
} from '../../../db/reminder-settings.ts';
import {
  notificationPermission,
  requestNotificationPermission,
  type NotificationPermissionState,
} from '../../../pwa/reminder-notification.ts';
import { Icon } from '../../components/icons.tsx';
import { reminderWindow } from '../../components/reminder-summary.ts';
import { useDb } from '../../hooks/use-db.ts';
import { useSession } from '../../hooks/use-session.ts';
import './reminder-settings.css';
import { useReminderSettingsT, type ReminderSettingsKey } from './use-reminder-settings-t.ts';

const BOUNDS = { min: REMINDER_DAYS_MIN, max: REMINDER_DAYS_MAX };

interface Ticks {
  on: ReminderSettings | undefined;
  enabled?: boolean;
  notify?: boolean;
}

/**
 * "Promemoria" in Impostazioni: on/off, the days ahead (checked at the field, the stored value kept
 * until a valid one is saved) and the daily system notification. The browser's permission is asked
 * only when the user ticks that box (a gesture), never on load; a refusal is said in words beside it.
 * Everything is stored on this device (reminder-settings.ts) and works offline.
 */
export function ReminderSettingsSection() {
  const { t, tn } = useReminderSettingsT();
  const db = useDb();
  const { user } = useSession();
  const id = useId();
  const settings = useLiveQuery(() => readReminderSettings(db), [db]);
  const daysRef = useRef<HTMLInputElement>(null);
  // null while the field shows the stored value; the text as typed once the user edits it.
  const [daysText, setDaysText] = useState<string | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  const [savedDays, setSavedDays] = useState<number | null>(null);
  const [permission, setPermission] = useState<NotificationPermissionState>(notificationPermission);
  const [notifyNote, setNotifyNote] = useState<ReminderSettingsKey | null>(null);
  const [asking, setAsking] = useState(false);
  // A ticked box shows ticked at once, before the write and the live query come back (which takes
  // a moment on a busy phone). The ticks hold only against the settings they were made on: the
  // next stored settings (this write, or another tab's) take over by themselves.
  const [ticks, setTicks] = useState<Ticks>({ on: undefined });
  if (!settings) return null;
  const tick = (change: Omit<Ticks, 'on'>) =>
    setTicks((o) => ({ ...(o.on === settings ? o : {}), ...change, on: settings }));
  const ticked: Omit<Ticks, 'on'> = ticks.on === settings ? ticks : {};

  const setEnabled = async (wanted: boolean) => {
    tick({ enabled: wanted });
    await updateReminderSettings(db, { enabled: wanted });
  };

  const saveDays = async (event: FormEvent) => {
    event.preventDefault();
    setSavedDays(null);
    const checked = parseReminderDays(daysText ?? String(settings.days));
    if (!checked.ok) {
      setDaysError(t(`settings.reminderDaysError.${checked.reason}`, BOUNDS));
      daysRef.current?.focus();
      return;
    }
    setDaysError(null);
    await updateReminderSettings(db, { days: checked.days });
    setDaysText(null);
    setSavedDays(checked.days);
  };

  const setNotify = async (wanted: boolean) => {
    setNotifyNote(null);
    tick({ notify: wanted });
    if (!wanted) {
      await updateReminderSettings(db, { notify: false });
      return;
    }
    // Asked here, inside the click's handling, as browsers require (and users expect).
    let answer = notificationPermission();
    if (answer === 'default') {
      setAsking(true);
      answer = await requestNotificationPermission();
      setAsking(false);
    }
    setPermission(answer);
    if (answer === 'granted') {
      await updateReminderSettings(db, { notify: true });
      return;
    }
    tick({ notify: false });
    if (answer === 'denied') setNotifyNote('settings.notifyDenied');
    else if (answer === 'unsupported') setNotifyNote('settings.notifyUnsupported');
    else setNotifyNote('settings.notifyNotGranted');
  };

  const unsupported = permission === 'unsupported';
  const enabled = ticked.enabled ?? settings.enabled;
  const notifyOn = ticked.notify ?? (settings.notify && permission === 'granted');
  const describedBy = [`${id}-days-hint`, daysError ? `${id}-days-error` : null].filter(Boolean).join(' ');
  return (
    <section className="card section reminder-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.reminders')}</h2>
      <p className="muted">{t('settings.remindersIntro')}</p>
      {user.areaIds.length === 0 && <p className="hint">{t('settings.remindersNoAreas')}</p>}

      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => void setEnabled(e.target.checked)} />
        <span>{t('settings.remindersEnabled')}</span>
      </label>

      <form className="reminder-days" onSubmit={(e) => void saveDays(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('settings.reminderDays')}</label>
          <input
            ref={daysRef}
            id={`${id}-days`}
            className="input reminder-days-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            disabled={!enabled}
            value={daysText ?? String(settings.days)}
            aria-invalid={daysError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setDaysText(e.target.value);
              setSavedDays(null);
            }}
          />
          <p id={`${id}-days-hint`} className="hint">
            {t('settings.reminderDaysHint', BOUNDS)}
          </p>
          {daysError && (
            <p id={`${id}-days-error`} className="field-error">
              {daysError}
            </p>
          )}
        </div>
        <button type="submit" className="btn btn-outline" disabled={!enabled}>
          {t('settings.reminderDaysSave')}
        </button>
        <p role="status" className="reminder-saved">
          {savedDays !== null && (
            <>
              <Icon name="check" />{' '}
              {t('settings.reminderDaysSaved', { window: reminderWindow({ t, tn }, savedDays) })}
            </>
          )}
        </p>
      </form>

      <label className="check">
        <input
          type="checkbox"
          checked={notifyOn}
          disabled={!enabled || unsupported || asking}
          aria-describedby={`${id}-notify-hint ${id}-notify-note`}
          onChange={(e) => void setNotify(e.target.checked)}
        />
        <span>{t('settings.reminderNotify')}</span>
      </label>
      <p id={`${id}-notify-hint`} className="hint">
        {t('settings.reminderNotifyHint')}
      </p>
      <p id={`${id}-notify-note`} role="status">
        {(notifyNote ?? (unsupported ? 'settings.notifyUnsupported' : null)) && (
          <span className="alert alert-warning">
            <Icon name="alert" />
            <span>{t(notifyNote ?? 'settings.notifyUnsupported')}</span>
          </span>
        )}
      </p>
    </section>
  );
}
