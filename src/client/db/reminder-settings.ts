/**
 * The reminders' settings and the day their last system notification was shown, kept on the device
 * in `meta` (per device, not synced, like the language: whether a phone may buzz is the phone
 * owner's choice). Stored values are read tolerantly: a field missing or of the wrong type falls back
 * to its default, so an older or damaged entry never breaks Il mio lavoro.
 */
import { REMINDER_DAYS_DEFAULT, REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from '../../domain/reminders.ts';
import type { TraguardiDb } from './schema.ts';

export const REMINDER_SETTINGS_KEY = 'reminders';
export const REMINDER_NOTIFIED_KEY = 'remindersNotified';

export interface ReminderSettings {
  /** Reminders in Il mio lavoro and the badge; off hides them and stops the notification. */
  enabled: boolean;
  /** A phase is due when its deadline is within this many days from today. */
  days: number;
  /** A system notification once a day (the browser's permission is asked on the user's gesture). */
  notify: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  days: REMINDER_DAYS_DEFAULT,
  notify: false,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Pure: the settings a stored value stands for. */
export function reminderSettingsFrom(value: unknown): ReminderSettings {
  const stored = isRecord(value) ? value : {};
  const { enabled, days, notify } = stored;
  const validDays =
    typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= REMINDER_DAYS_MIN &&
    days <= REMINDER_DAYS_MAX;
  return {
    enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_REMINDER_SETTINGS.enabled,
    days: validDays ? days : DEFAULT_REMINDER_SETTINGS.days,
    notify: typeof notify === 'boolean' ? notify : DEFAULT_REMINDER_SETTINGS.notify,
  };
}

export async function readReminderSettings(db: TraguardiDb): Promise<ReminderSettings> {
  return reminderSettingsFrom((await db.meta.get(REMINDER_SETTINGS_KEY))?.value);
}

/** Changes some settings, keeping the others as stored (two tabs editing different fields both win). */
export async function updateReminderSettings(
  db: TraguardiDb,
  changes: Partial<ReminderSettings>,
): Promise<ReminderSettings> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await readReminderSettings(db)), ...changes };
    await db.meta.put({ key: REMINDER_SETTINGS_KEY, value: next });
    return next;
  });
}

/** The day (YYYY-MM-DD) the last notification was shown to `userId` on this device, or null. */
export async function readLastNotifiedOn(db: TraguardiDb, userId: string): Promise<string | null> {
  const value = (await db.meta.get(REMINDER_NOTIFIED_KEY))?.value;
  return isRecord(value) && value.userId === userId && typeof value.day === 'string' ? value.day : null;
}

/**
 * Takes today's notification for `userId` if `due(lastNotifiedOn)` says it is still to be shown, in
 * one readwrite transaction: IndexedDB runs those one at a time, so of two tabs opened together only
 * one gets true and shows it. Another user signing in on the device gets their own.
 */
export async function claimReminderNotification(
  db: TraguardiDb,
  userId: string,
  today: string,
  due: (lastNotifiedOn: string | null) => boolean,
): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    if (!due(await readLastNotifiedOn(db, userId))) return false;
    await db.meta.put({ key: REMINDER_NOTIFIED_KEY, value: { userId, day: today } });
    return true;
  });
}
