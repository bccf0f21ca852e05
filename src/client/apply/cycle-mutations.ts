/**
 * What the performance-cycle mutations (shared/cycle-mutations.ts) do to the device's rows: the
 * Nucleo's evaluation and the close of the year (evaluation-appliers.ts), snapshots and monitoring
 * (monitoring-appliers.ts).
 */
import type { CycleMutationName } from '../../shared/cycle-mutations.ts';
import { evaluationHandlers } from './evaluation-appliers.ts';
import { monitoringHandlers } from './monitoring-appliers.ts';
import type { Handler } from './plan-apply-context.ts';

export const cycleHandlers: { [K in CycleMutationName]: Handler<K> } = {
  ...evaluationHandlers,
  ...monitoringHandlers,
};
