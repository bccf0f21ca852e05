import { useT } from '../../i18n/use-t.ts';

/** What the bar's fill and its marker mean; the bars themselves also say it in words. */
export function ProgressLegend() {
  const { t } = useT();
  return (
    <p className="progress-legend small" aria-hidden="true">
      <span className="legend-item">
        <span className="legend-fill" />
        {t('progress.actualShort')}
      </span>
      <span className="legend-item">
        <span className="legend-marker" />
        {t('progress.expectedShort')}
      </span>
    </p>
  );
}
