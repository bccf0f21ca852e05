import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { phaseReminders, reminderCount } from '../../../domain/reminders.ts';
import type { PhaseFact } from '../../db/facts.ts';
import { readReminderSettings, type ReminderSettings } from '../../db/reminder-settings.ts';
import type { AreaRecord } from '../../db/schema.ts';
import type { WorkItem } from './use-my-work.ts';
import { areaSetKey, useAreaFacts } from './use-area-facts.ts';
import { useCoreStored } from './use-core-stored.ts';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';
import { useToday } from './use-today.ts';

/** A reminder as the list shows it: the phase's row and its objective's (useWorkItems). */
export type ReminderItem = WorkItem;

export interface RemindersView {
  settings: ReminderSettings;
  /** The device's calendar day they were computed for. */
  today: string;
  /** The phases' facts; the list reads the rows of those it shows (useWorkItems). */
  late: PhaseFact[];
  dueSoon: PhaseFact[];
  /** late + due soon; 0 when reminders are off. */
  count: number;
}

/**
 * The signed-in user's reminders (domain/reminders.ts) from the device's rows: the phases of their
 * own areas, in every plan on the device that takes progress now — not only the plan selected for
 * viewing, since a head looking back at last year still has this year's deadlines. Recomputed when
 * the rows or the settings change and when the day changes (useToday), so a device left open
 * overnight moves on by itself. Undefined while loading.
 *
 * The phases are read as facts, by the serial live read Il mio lavoro's lists share (useAreaFacts):
 * a liveQuery of the full rows restarted at every page of a first sync and tracked every key it
 * read. The settings, the plans and the areas are small liveQueries of their own.
 */
export function useReminders(): RemindersView | undefined {
  const db = useDb();
  const { user } = useSession();
  const today = useToday();
  const areaKey = areaSetKey(user.areaIds);
  const settings = useLiveQuery(() => readReminderSettings(db), [db]);
  // Off, or no areas of one's own: nothing to read.
  const wanted = settings?.enabled === true && areaKey !== '';
  // Read once a first sync's core is stored (useCoreStored); until then there are none to show.
  const coreStored = useCoreStored();
  const facts = useAreaFacts(wanted && coreStored ? areaKey : undefined);
  const plan = useLiveQuery(async () => {
    if (!wanted) return null;
    const [plans, areas] = await Promise.all([db.plans.toArray(), db.areas.bulkGet(areaKey.split(','))]);
    return { plans, areas: areas.filter((a): a is AreaRecord => a !== undefined) };
  }, [db, areaKey, wanted]);
  return useMemo(() => {
    if (!settings) return undefined;
    if (!wanted || coreStored === false) return { settings, today, late: [], dueSoon: [], count: 0 };
    if (!facts || !plan) return undefined;
    const reminders = phaseReminders({ ...plan, ...facts }, user.areaIds, today, settings.days);
    return { settings, today, ...reminders, count: reminderCount(reminders) };
  }, [settings, wanted, coreStored, facts, plan, today, user.areaIds]);
}
