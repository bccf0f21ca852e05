/**
 * A permanent refusal of one pushed mutation (the contract's `rejected`): thrown while the mutation is
 * decided, before anything is written, then recorded; the queue behind it goes on.
 * Anything else thrown is transient and fails the whole push (503).
 */
import type { z } from 'zod';
import { progressGate, type PlanStatus } from '../../domain/plan-structure.ts';
import type { RejectionCode } from '../../shared/errors.ts';
import type { MessageKey, MessageParams } from '../messages.ts';

export class Rejection extends Error {
  readonly code: RejectionCode;
  readonly key: MessageKey;
  readonly params: MessageParams;

  constructor(code: RejectionCode, key: MessageKey, params: MessageParams = {}) {
    super(`${code}: ${key}`);
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

/** Parses args with a shared schema; invalid args are a permanent `invalid` rejection. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'args'}: ${issue.message}`)
    .join('; ');
  throw new Rejection('invalid', 'invalid_args', { detail });
}

/** Progress, notes and evaluation need an approved plan: a draft takes none, a closed one is locked. */
export function requireProgressOpen(planStatus: PlanStatus | null): void {
  if (planStatus === null) return;
  const gate = progressGate(planStatus);
  if (!gate.ok) throw new Rejection(gate.code, gate.key);
}
