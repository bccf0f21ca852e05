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
/** v1 codes; `locked` is protocol v2 (a closed plan) and answers v1 clients as `illegal_transition`. */
export const REJECTION_CODES_V1 = ['forbidden', 'invalid', 'not_found', 'illegal_transition'] as const;
export const REJECTION_CODES = [...REJECTION_CODES_V1, 'locked'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
/** Any code is read (v2): a code of a later protocol is shown with its message, never a stall. */
export const rejectionReasonSchema = z.object({ code: z.string().min(1).max(100), message: z.string() });
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;
