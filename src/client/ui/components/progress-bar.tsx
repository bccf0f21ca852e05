import { useT } from '../../i18n/use-t.ts';

interface ProgressBarProps {
  /** 0–100, or null when nothing counts (removed objective, no phases). */
  value: number | null;
  /** Progress expected by today, 0–100; drawn as a marker on the bar. */
  expected?: number | null;
  label?: string;
  size?: 'normal' | 'large';
}

/**
 * A horizontal bar with the actual progress filled and the expected progress as a marker, drawn in
 * plain HTML/CSS. The values are also written out as text (never information by the bar alone), and the
 * gap is said in words: "indietro di 12 punti".
 */
export function ProgressBar({ value, expected = null, label, size = 'normal' }: ProgressBarProps) {
  const { t, percent, number } = useT();
  if (value === null) {
    return <p className="progress-text muted">{t('progress.notCounted')}</p>;
  }
  const actual = Math.round(value);
  const gap = expected === null ? null : Math.round(value - expected);
  const gapText =
    gap === null
      ? null
      : gap < 0
        ? t('progress.behind', { value: number(-gap) })
        : gap > 0
          ? t('progress.ahead', { value: number(gap) })
          : t('progress.onTrack');
  return (
    <div className={`progress progress-${size}`}>
      <p className="progress-text">
        {label && <span className="progress-label">{label}: </span>}
        <strong>{t('progress.actual', { value: percent(value) })}</strong>
        {expected !== null && (
          <>
            {' · '}
            {t('progress.expected', { value: percent(expected) })}
            {gapText && (
              <span className={gap !== null && gap < 0 ? 'progress-gap is-behind' : 'progress-gap'}>
                {' '}
                ({gapText})
              </span>
            )}
          </>
        )}
      </p>
      <div className="progress-track" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${actual}%` }} />
        {expected !== null && (
          <div className="progress-marker" style={{ left: `${Math.round(expected)}%` }} />
        )}
      </div>
    </div>
  );
}
