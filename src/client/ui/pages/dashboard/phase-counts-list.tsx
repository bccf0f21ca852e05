import type { PhaseCounts } from '../../../../domain/deadlines.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Icon, type IconName } from '../../components/icons.tsx';

const ORDER: { key: keyof PhaseCounts; icon: IconName; cls: string }[] = [
  { key: 'done', icon: 'check', cls: 'done' },
  { key: 'inProgress', icon: 'play', cls: 'in_progress' },
  { key: 'late', icon: 'alert', cls: 'late' },
  { key: 'notStarted', icon: 'circle', cls: 'not_started' },
  { key: 'blocked', icon: 'block', cls: 'blocked' },
];

/** Done / in progress / late / not started (and blocked when any), each as icon + number + word. */
export function PhaseCountsList({ counts, compact = false }: { counts: PhaseCounts; compact?: boolean }) {
  const { t, number } = useT();
  return (
    <ul className={compact ? 'counts counts-compact' : 'counts'}>
      {ORDER.filter(({ key }) => key !== 'blocked' || counts.blocked > 0).map(({ key, icon, cls }) => (
        <li key={key} className={`count count-${cls}`}>
          <Icon name={icon} />
          <strong>{number(counts[key])}</strong> {t(`dashboard.count.${key}`)}
        </li>
      ))}
    </ul>
  );
}
