/**
 * The dashboard's last figures, kept in localStorage with the fingerprint of the data they were
 * computed from (read-data-version.ts), the weight set and the day. When the app reopens and the
 * fingerprint is unchanged, the dashboard shows them at once — they are exactly what the domain
 * calculations gave for these very rows — while it reads the plan again; the fresh figures then
 * replace them. A changed fingerprint, day or weight set: not shown, nothing stale.
 */
import type { PhaseCounts } from '../../../../domain/deadlines.ts';
import type { WeightSet } from '../../../../domain/plan.ts';
import type { PlanData } from '../../hooks/use-plan-data.ts';
import type { DashboardFigures } from './dashboard-model.ts';

export interface SnapshotFigures {
  progress: number | null;
  expected: number | null;
  counts: PhaseCounts;
}

export interface DashboardSnapshot {
  enteName: string | null;
  planTitle: string | null;
  plan: SnapshotFigures;
  areas: (SnapshotFigures & { id: string; name: string; head: string | null })[];
}

interface Stored {
  version: string;
  weightSet: WeightSet;
  today: string;
  snapshot: DashboardSnapshot;
}

const KEY = 'traguardi.dashboard';

export function toSnapshot(data: PlanData, figures: DashboardFigures): DashboardSnapshot {
  const figuresOf = ({ progress, expected, counts }: SnapshotFigures) => ({ progress, expected, counts });
  return {
    enteName: data.enteName,
    planTitle: data.plan?.title ?? null,
    plan: figuresOf(figures.plan),
    areas: figures.areas.map((a) => ({
      id: a.area.id,
      name: a.area.name,
      head: a.area.head ?? null,
      ...figuresOf(a),
    })),
  };
}

export function saveSnapshot(
  version: string,
  weightSet: WeightSet,
  today: string,
  snapshot: DashboardSnapshot,
): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ version, weightSet, today, snapshot } satisfies Stored));
  } catch {
    // No storage (private mode, full): the dashboard simply waits for the data next time.
  }
}

function isStored(value: unknown): value is Stored {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    typeof value.version === 'string' &&
    'snapshot' in value &&
    typeof value.snapshot === 'object'
  );
}

/** The stored snapshot if it was computed from data with this fingerprint, weight set and day. */
export function loadSnapshot(version: string, weightSet: WeightSet, today: string): DashboardSnapshot | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!isStored(parsed)) return null;
    return parsed.version === version && parsed.weightSet === weightSet && parsed.today === today
      ? parsed.snapshot
      : null;
  } catch {
    return null;
  }
}

/** Signing out or another user: forget the figures. */
export function clearSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
