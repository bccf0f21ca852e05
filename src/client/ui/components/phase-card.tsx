import { isLate } from '../../../domain/deadlines.ts';
import type { ObjectiveRecord, PhaseRecord } from '../../db/schema.ts';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../hooks/use-session.ts';
import { canEditPhase } from '../permissions.ts';
import { paths } from '../router/routes.ts';
import { DeadlineLabel } from './deadline-label.tsx';
import { Link } from './link.tsx';
import { PhaseControls } from './phase-controls.tsx';
import { StatusBadge } from './status-badge.tsx';

/** A phase in a list: where it belongs, deadline, status, percent, and one-tap updates. */
export function PhaseCard({
  phase,
  objective,
  today,
  showObjective = true,
  locked = false,
}: {
  phase: PhaseRecord;
  objective: ObjectiveRecord | undefined;
  today: string;
  showObjective?: boolean;
  /** The phase's plan is closed: no controls (the page says why). */
  locked?: boolean;
}) {
  const { t, percent } = useT();
  const { user } = useSession();
  const title = phase.description || phase.indicator || t('phase.label', { number: phase.number });
  const label = objective
    ? `${t('objective.label', { number: objective.number })}, ${t('phase.label', { number: phase.number })}`
    : t('phase.label', { number: phase.number });
  return (
    <article className="card phase-card">
      <p className="phase-card-kicker small muted">
        {label}
        {showObjective && objective && <> · {objective.title}</>}
      </p>
      <h3 className="phase-card-title">
        <Link href={paths.phase(phase.id)}>{title}</Link>
      </h3>
      <div className="phase-card-meta">
        <StatusBadge status={phase.status} late={isLate(phase, today)} />
        <span className="phase-card-percent">{percent(phase.percent)}</span>
        <DeadlineLabel phase={phase} today={today} />
      </div>
      {!locked && canEditPhase(user, phase.areaId) && (
        <PhaseControls
          phase={phase}
          objectiveState={objective?.state ?? 'active'}
          variant="quick"
          label={label}
        />
      )}
    </article>
  );
}
