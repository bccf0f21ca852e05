/**
 * The Italian messages of Impostazioni › Promemoria: a catalog apart from it.ts, so they ship with the
 * lazily loaded settings page and not in the first chunk (reminders-en.ts must have every key). What
 * Il mio lavoro and the navigation say about reminders is in it.ts, which they already load.
 */
export const remindersIt = {
  'settings.reminders': 'Promemoria',
  'settings.remindersIntro':
    'Le fasi delle tue aree in ritardo o in scadenza, calcolate ogni giorno su questo dispositivo, anche senza rete. Le scelte valgono per questo dispositivo.',
  'settings.remindersEnabled': 'Mostra i promemoria in Il mio lavoro e il numero sull’icona',
  'settings.remindersNoAreas': 'Il tuo ruolo non ha aree proprie: non ci sono promemoria da mostrare.',
  'settings.reminderDays': 'Giorni di anticipo',
  'settings.reminderDaysHint':
    'Da {min} a {max}: una fase è in scadenza se scade entro questi giorni da oggi (0: solo oggi).',
  'settings.reminderDaysSave': 'Salva i giorni',
  'settings.reminderDaysSaved': 'Salvato: le fasi in scadenza {window}.',
  'settings.reminderDaysError.not_whole_number': 'Scrivi un numero intero di giorni, da {min} a {max}.',
  'settings.reminderDaysError.out_of_range': 'I giorni di anticipo vanno da {min} a {max}.',
  'settings.reminderNotify': 'Una notifica di sistema al giorno',
  'settings.reminderNotifyHint':
    'Al più una al giorno, quando apri l’app o la tieni aperta: non passa dal server. Il browser chiede il permesso la prima volta.',
  'settings.notifyDenied':
    'Il browser blocca le notifiche di questo sito: consentile dalle impostazioni del browser, poi riprova.',
  'settings.notifyNotGranted': 'Permesso non concesso: nessuna notifica.',
  'settings.notifyUnsupported': 'Questo browser non mostra notifiche di sistema.',
} as const;

export type ReminderSettingsMessageKey = keyof typeof remindersIt;
