import { daysBetween } from '../../../domain/dates.ts';
import { isLate } from '../../../domain/deadlines.ts';
import type { Phase } from '../../../domain/plan.ts';
import { useT } from '../../i18n/use-t.ts';
import { Icon } from './icons.tsx';

/** "Scadenza 31 mar 2022 · in ritardo di 12 giorni", with an icon when late. */
export function DeadlineLabel({
  phase,
  today,
}: {
  phase: Pick<Phase, 'deadline' | 'status'>;
  today: string;
}) {
  const { t, tn, date } = useT();
  if (phase.deadline === null) return <span className="deadline muted">{t('phase.noDeadline')}</span>;
  const late = isLate(phase, today);
  const open = phase.status !== 'done' && phase.status !== 'cancelled';
  const days = daysBetween(today, phase.deadline);
  let relative: string | null = null;
  if (late) relative = tn('phase.daysLate', -days);
  else if (open && days === 0) relative = t('phase.dueToday');
  else if (open && days > 0 && days <= 30) relative = tn('phase.dueIn', days);
  return (
    <span className={late ? 'deadline is-late' : 'deadline'}>
      <Icon name={late ? 'alert' : 'clock'} />
      {t('phase.deadlineOn', { date: date(phase.deadline) })}
      {relative && <> · {relative}</>}
    </span>
  );
}
