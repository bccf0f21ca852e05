import type { Translator } from '../../i18n/translate.ts';

/** "entro 7 giorni", "entro 1 giorno", "oggi" (0 days ahead is today only). */
export function reminderWindow({ t, tn }: Pick<Translator, 't' | 'tn'>, days: number): string {
  return days === 0 ? t('reminders.windowToday') : tn('reminders.window', days);
}

/**
 * The reminders in one sentence, for Il mio lavoro and the notification's body: "2 fasi in ritardo e
 * 3 fasi in scadenza entro 7 giorni", or that there are none.
 */
export function reminderSummary(
  translator: Pick<Translator, 't' | 'tn'>,
  counts: { late: number; dueSoon: number; days: number },
): string {
  const { t, tn } = translator;
  const within = reminderWindow(translator, counts.days);
  const late = counts.late > 0 ? tn('reminders.late', counts.late) : null;
  const due = counts.dueSoon > 0 ? tn('reminders.due', counts.dueSoon, { window: within }) : null;
  if (late && due) return t('reminders.and', { first: late, second: due });
  return late ?? due ?? t('reminders.none', { window: within });
}
