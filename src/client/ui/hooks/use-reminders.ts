import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { phaseReminders, reminderCount } from '../../../domain/reminders.ts';
import { readReminderSettings, type ReminderSettings } from '../../db/reminder-settings.ts';
import type { ObjectiveRecord, PhaseRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';
import { useToday } from './use-today.ts';
import { rowsOfKeys } from '../../db/rows-of-keys.ts';

export interface ReminderItem {
  phase: PhaseRecord;
  objective: ObjectiveRecord | undefined;
}

export interface RemindersView {
  settings: ReminderSettings;
  /** The device's calendar day they were computed for. */
  today: string;
  late: ReminderItem[];
  dueSoon: ReminderItem[];
  /** late + due soon; 0 when reminders are off. */
  count: number;
}

/**
 * The signed-in user's reminders (domain/reminders.ts) from the device's rows: the phases of their
 * own areas, in every plan on the device that takes progress now — not only the plan selected for
 * viewing, since a head looking back at last year still has this year's deadlines. Recomputed when
 * the rows or the settings change (live queries) and when the day changes (useToday), so a device
 * left open overnight moves on by itself. Undefined while loading.
 */
export function useReminders(): RemindersView | undefined {
  const db = useDb();
  const { user } = useSession();
  const today = useToday();
  // A string key, so the query re-runs when the areas change, not when the array's identity does.
  const areaKey = [...user.areaIds].sort().join(',');
  const data = useLiveQuery(async () => {
    const settings = await readReminderSettings(db);
    const areaIds = areaKey ? areaKey.split(',') : [];
    // Off, or no areas of one's own: nothing to read.
    if (!settings.enabled || areaIds.length === 0) return { settings, rows: null };
    const [plans, areas, objectives, phases] = await Promise.all([
      db.plans.toArray(),
      db.areas.bulkGet(areaIds),
      rowsOfKeys(db.objectives, 'areaId', areaIds),
      rowsOfKeys(db.phases, 'areaId', areaIds),
    ]);
    return {
      settings,
      rows: { plans, areas: areas.filter((a) => a !== undefined), objectives, phases },
    };
  }, [db, areaKey]);
  return useMemo(() => {
    if (!data) return undefined;
    const { settings, rows } = data;
    if (!rows) return { settings, today, late: [], dueSoon: [], count: 0 };
    const reminders = phaseReminders(rows, user.areaIds, today, settings.days);
    const objectiveOf = new Map(rows.objectives.map((o) => [o.id, o]));
    const item = (phase: PhaseRecord): ReminderItem => ({
      phase,
      objective: objectiveOf.get(phase.objectiveId),
    });
    return {
      settings,
      today,
      late: reminders.late.map(item),
      dueSoon: reminders.dueSoon.map(item),
      count: reminderCount(reminders),
    };
  }, [data, today, user.areaIds]);
}
