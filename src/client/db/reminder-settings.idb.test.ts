import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newBrowser, openTab } from '../../../test/helpers/device.ts';
import { reminderNotificationDue } from '../../domain/reminders.ts';
import {
  DEFAULT_REMINDER_SETTINGS,
  REMINDER_SETTINGS_KEY,
  claimReminderNotification,
  readLastNotifiedOn,
  readReminderSettings,
  reminderSettingsFrom,
  updateReminderSettings,
} from './reminder-settings.ts';

const due = (day: string) => (last: string | null) => reminderNotificationDue(1, last, day);

describe('reminder settings on the device', () => {
  it('default to on, 7 days, no notification; a damaged entry falls back field by field', async () => {
    const db = openTab(newBrowser());
    expect(await readReminderSettings(db)).toEqual({ enabled: true, days: 7, notify: false });
    await db.meta.put({ key: REMINDER_SETTINGS_KEY, value: { enabled: false, days: 'x', notify: 1 } });
    expect(await readReminderSettings(db)).toEqual({ enabled: false, days: 7, notify: false });
    expect(reminderSettingsFrom(null)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(reminderSettingsFrom({ days: 61 }).days).toBe(7);
    expect(reminderSettingsFrom({ days: 2.5 }).days).toBe(7);
    expect(reminderSettingsFrom({ days: 0 }).days).toBe(0);
  });

  it('an update changes only the fields given', async () => {
    const db = openTab(newBrowser());
    await updateReminderSettings(db, { days: 3 });
    await updateReminderSettings(db, { notify: true });
    expect(await readReminderSettings(db)).toEqual({ enabled: true, days: 3, notify: true });
  });

  it('one notification a day: of two tabs claiming at once only one wins; tomorrow is claimed again', async () => {
    const browser = newBrowser();
    const [a, b] = [openTab(browser), openTab(browser)];
    const claims = await Promise.all([
      claimReminderNotification(a, 'u-1', '2026-06-15', due('2026-06-15')),
      claimReminderNotification(b, 'u-1', '2026-06-15', due('2026-06-15')),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimReminderNotification(a, 'u-1', '2026-06-15', due('2026-06-15'))).toBe(false);
    expect(await readLastNotifiedOn(a, 'u-1')).toBe('2026-06-15');
    expect(await claimReminderNotification(b, 'u-1', '2026-06-16', due('2026-06-16'))).toBe(true);
  });

  it('another user signing in on the device gets their own notification that day', async () => {
    const db = openTab(newBrowser());
    expect(await claimReminderNotification(db, 'u-1', '2026-06-15', due('2026-06-15'))).toBe(true);
    expect(await readLastNotifiedOn(db, 'u-2')).toBeNull();
    expect(await claimReminderNotification(db, 'u-2', '2026-06-15', due('2026-06-15'))).toBe(true);
  });

  it('nothing to say claims nothing, so a reminder arriving later that day still notifies', async () => {
    const db = openTab(newBrowser());
    const nothing = (last: string | null) => reminderNotificationDue(0, last, '2026-06-15');
    expect(await claimReminderNotification(db, 'u-1', '2026-06-15', nothing)).toBe(false);
    expect(await claimReminderNotification(db, 'u-1', '2026-06-15', due('2026-06-15'))).toBe(true);
  });
});
