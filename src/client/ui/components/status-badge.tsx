import type { PhaseStatus } from '../../../domain/plan.ts';
import { useT } from '../../i18n/use-t.ts';
import { Icon, type IconName } from './icons.tsx';

const ICON: Record<PhaseStatus, IconName> = {
  not_started: 'circle',
  in_progress: 'play',
  done: 'check',
  blocked: 'block',
  cancelled: 'cross',
};

/** A phase's status as icon + text (never by colour alone); `late` adds a second badge. */
export function StatusBadge({ status, late = false }: { status: PhaseStatus; late?: boolean }) {
  const { t } = useT();
  return (
    <span className="badges">
      <span className={`badge badge-${status}`}>
        <Icon name={ICON[status]} />
        {t(`status.${status}`)}
      </span>
      {late && (
        <span className="badge badge-late">
          <Icon name="alert" />
          {t('status.late')}
        </span>
      )}
    </span>
  );
}

export const STATUS_ICON = ICON;
