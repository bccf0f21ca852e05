import { useMemo } from 'react';
import type { MessageKey } from '../../../i18n/it.ts';
import { layeredT } from '../../../i18n/layered-t.ts';
import { remindersEn } from '../../../i18n/reminders-en.ts';
import { remindersIt, type ReminderSettingsMessageKey } from '../../../i18n/reminders-it.ts';
import { useT } from '../../../i18n/use-t.ts';

export type ReminderSettingsKey = ReminderSettingsMessageKey | MessageKey;

const CATALOGS = { it: remindersIt, en: remindersEn };

/**
 * useT() with the catalog of Impostazioni › Promemoria (reminders-it.ts / reminders-en.ts) on top:
 * `t` takes keys of either. Only the lazily loaded settings page imports it, so neither catalog is
 * in the first chunk.
 */
export function useReminderSettingsT() {
  const tr = useT();
  return useMemo(() => ({ ...tr, t: layeredT(CATALOGS, tr) }), [tr]);
}
