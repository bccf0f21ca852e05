import { useT } from '../../i18n/use-t.ts';

/**
 * What the bar's fill and its marker mean; the bars themselves also say it in words. `closedOn` is
 * the last day of a plan whose year is over: the marker is then computed as of that day, not today
 * (useSelectedPlan's asOf), and the legend names it.
 */
export function ProgressLegend({ closedOn = null }: { closedOn?: string | null }) {
  const { t } = useT();
  // dd/mm/yyyy in both languages, as the year-closed notice writes the same day.
  const day = closedOn?.split('-').reverse().join('/');
  return (
    <p className="progress-legend small" aria-hidden="true">
      <span className="legend-item">
        <span className="legend-fill" />
        {t('progress.actualShort')}
      </span>
      <span className="legend-item">
        <span className="legend-marker" />
        {day ? t('progress.expectedAtEnd', { date: day }) : t('progress.expectedShort')}
      </span>
    </p>
  );
}
