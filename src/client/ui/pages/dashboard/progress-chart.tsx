/**
 * The area page's chart of progress over the plan year (its own lazy chunk, with its catalog): the
 * area's phase history read from the device, the months rebuilt by the domain (progress-over-time.ts)
 * with the area page's weight set and day, so the last point is the figure the page shows above.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { areaProgressOverTime } from '../../../../domain/progress-over-time.ts';
import type { WeightSet } from '../../../../domain/plan.ts';
import type { ObjectiveFact, PhaseFact } from '../../../db/facts.ts';
import type { PhaseHistoryRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';
import { localIsoDate } from '../../hooks/use-today.ts';
import { ProgressChartView } from './progress-chart-view.tsx';

/** The history of these phases, live (a pull brings new rows). */
function usePhasesHistory(phaseIds: readonly string[]): PhaseHistoryRecord[] | undefined {
  const db = useDb();
  // The ids' content, not the array's identity: a re-read of the same phases is the same query.
  const key = phaseIds.join('|');
  return useLiveQuery(
    () => (key === '' ? [] : db.phaseHistory.where('phaseId').anyOf(key.split('|')).toArray()),
    [db, key],
  );
}

// A change's day is the device's calendar day, as "today" is (use-today.ts).
const localDay = (at: string) => localIsoDate(new Date(at));

interface Props {
  objectives: readonly ObjectiveFact[];
  phases: readonly PhaseFact[];
  weightSet: WeightSet;
  year: number;
  /** The day the page is seen as of (today, or 31/12 of a year that is over). */
  asOf: string;
  planEnd: string;
  closed: boolean;
}

export function AreaProgressChart({ objectives, phases, weightSet, year, asOf, planEnd, closed }: Props) {
  const history = usePhasesHistory(useMemo(() => phases.map((p) => p.id), [phases]));
  const points = useMemo(
    () =>
      history === undefined
        ? undefined
        : areaProgressOverTime({ objectives, phases, history }, weightSet, year, asOf, planEnd, localDay),
    [history, objectives, phases, weightSet, year, asOf, planEnd],
  );
  if (points === undefined) return null;
  return <ProgressChartView points={points} year={year} closedOn={closed ? asOf : null} />;
}
