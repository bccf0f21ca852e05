/**
 * Bad input of the Nucleo's mutations said plainly: a percent outside 0–100, a contested verdict
 * without its reason, a reopen without a reason, a text too long. The args are still parsed by the
 * shared schemas (plan-mutations.ts); this only picks a clear message key for the `invalid` rejection
 * of the cases a person makes in a form, and leaves every other invalid args to the generic one.
 */
import { EVALUATION_COMMENT_MAX, REASON_MAX } from '../../shared/cycle-mutations.ts';
import { planMutationArgsSchemas, type PlanMutationName } from '../../shared/plan-mutations.ts';
import type { MessageKey, MessageParams } from '../messages.ts';
import { Rejection } from './rejection.ts';

const EXPLAINED = new Set<PlanMutationName>([
  'evaluation.setObjective',
  'evaluation.setPhaseVerdict',
  'plan.reopen',
  'selfAssessment.set',
]);

function explain(
  name: PlanMutationName,
  field: unknown,
  tooBig: boolean,
): [MessageKey, MessageParams] | null {
  if (field === 'percent') return ['percent_out_of_range', {}];
  if (field === 'comment' || field === 'note') return ['text_too_long', { max: EVALUATION_COMMENT_MAX }];
  if (field !== 'reason') return null;
  if (tooBig) return ['text_too_long', { max: REASON_MAX }];
  return name === 'plan.reopen' ? ['reopen_reason_required', {}] : ['verdict_reason_required', {}];
}

/** Throws `invalid` with a clear key when the args fail on one of those fields; otherwise returns. */
export function refuseUnclearCycleArgs(name: PlanMutationName, args: unknown): void {
  if (!EXPLAINED.has(name)) return;
  const parsed = planMutationArgsSchemas[name].safeParse(args);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    // A field of the wrong type (a percent as text) is not a person's slip: the generic message.
    // A percent with decimals (expected an int) and a missing reason are.
    const slip = issue.path[0] === 'reason' || ('expected' in issue && issue.expected === 'int');
    if (issue.code === 'invalid_type' && !slip) continue;
    const why = explain(name, issue.path[0], issue.code === 'too_big');
    if (why) throw new Rejection('invalid', why[0], why[1]);
  }
}
