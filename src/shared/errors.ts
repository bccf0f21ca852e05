import { z } from 'zod';

/** Error codes of the wire contract and their HTTP statuses. */
export const HTTP_ERROR_STATUS = {
  bad_request: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** Extension: an attachment id already holding different bytes. */
  conflict: 409,
  payload_too_large: 413,
  client_too_old: 426,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type HttpErrorCode = keyof typeof HTTP_ERROR_STATUS;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Why a pushed mutation was rejected for good; the queue behind it goes on. */
export const REJECTION_CODES = ['forbidden', 'invalid', 'not_found', 'illegal_transition'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
export const rejectionReasonSchema = z.object({ code: z.enum(REJECTION_CODES), message: z.string() });
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;
