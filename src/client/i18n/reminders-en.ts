import type { ReminderSettingsMessageKey } from './reminders-it.ts';

/** English messages of Impostazioni › Promemoria (every key of reminders-it.ts). */
export const remindersEn: Record<ReminderSettingsMessageKey, string> = {
  'settings.reminders': 'Reminders',
  'settings.remindersIntro':
    'The late and due phases of your areas, worked out every day on this device, also offline. These choices apply to this device.',
  'settings.remindersEnabled': 'Show reminders in My work and the count on the icon',
  'settings.remindersNoAreas': 'Your role has no areas of its own: there are no reminders to show.',
  'settings.reminderDays': 'Days ahead',
  'settings.reminderDaysHint':
    'From {min} to {max}: a phase is due when its deadline is within this many days from today (0: today only).',
  'settings.reminderDaysSave': 'Save the days',
  'settings.reminderDaysSaved': 'Saved: phases due {window}.',
  'settings.reminderDaysError.not_whole_number': 'Write a whole number of days, from {min} to {max}.',
  'settings.reminderDaysError.out_of_range': 'Days ahead go from {min} to {max}.',
  'settings.reminderNotify': 'One system notification a day',
  'settings.reminderNotifyHint':
    'At most one a day, when you open the app or keep it open: it does not go through the server. The browser asks for permission the first time.',
  'settings.notifyDenied':
    'The browser blocks notifications from this site: allow them in the browser’s settings, then try again.',
  'settings.notifyNotGranted': 'Permission not given: no notifications.',
  'settings.notifyUnsupported': 'This browser does not show system notifications.',
};
