import type { PhaseCounts } from '../../../domain/deadlines.ts';
import { useT } from '../../i18n/use-t.ts';
import { Icon } from './icons.tsx';

/** Phases neither done nor cancelled: every bucket of phaseCounts but those two. */
export function notCompleted(counts: PhaseCounts): number {
  return counts.late + counts.inProgress + counts.notStarted + counts.blocked;
}

/**
 * "Anno chiuso il 31/12/2022: 29 fasi non completate": the plan's year is over and the page shows it
 * as of its last day. `counts` come from the domain's phaseCounts as of that day.
 */
export function YearClosedNotice({ closedOn, counts }: { closedOn: string; counts: PhaseCounts }) {
  const { tn } = useT();
  // Written as the comune writes the year's end ("31/12/2022"), in both languages.
  const day = closedOn.split('-').reverse().join('/');
  return (
    <div className="alert year-closed" role="note">
      <Icon name="info" />
      <p>{tn('plan.yearClosed', notCompleted(counts), { date: day })}</p>
    </div>
  );
}
