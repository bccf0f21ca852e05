/**
 * The one place where failures become HTTP answers: `{"error":{"code","message"}}`, the message in the
 * request's language, never a stack trace or HTML (Fastify's own errors, 404s and crashes included).
 * Unexpected failures (a database gone away, a bug) answer 503 `unavailable`: the client retries, and
 * since every write is one transaction nothing was half-applied.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_ERROR_STATUS, type ErrorBody, type HttpErrorCode } from '../shared/errors.ts';
import { message, pickLang, type MessageKey, type MessageParams } from './messages.ts';

/** An expected failure with its contract code; the message key defaults to the code. */
export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** An HTTP status other than the code's own (409 for a clashing attachment). */
  readonly status: number;
  /** Fields sent beside code and message (e.g. `quota` on a storage refusal). */
  readonly extra: Readonly<Record<string, string>>;

  constructor(
    code: HttpErrorCode,
    key?: MessageKey,
    params: MessageParams = {},
    status?: number,
    extra: Record<string, string> = {},
  ) {
    super(code);
    this.code = code;
    this.key = key ?? code;
    this.params = params;
    this.status = status ?? HTTP_ERROR_STATUS[code];
    this.extra = extra;
  }
}

export function errorBody(
  request: FastifyRequest,
  code: string,
  key: MessageKey,
  params?: MessageParams,
): ErrorBody {
  return { error: { code, message: message(key, pickLang(request.headers['accept-language']), params) } };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.code === 'rate_limited') reply.header('retry-after', '600');
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send(withExtra(errorBody(request, error.code, error.key, error.params), error.extra));
}

function withExtra(body: ErrorBody, extra: Readonly<Record<string, string>>): ErrorBody {
  return Object.keys(extra).length === 0 ? body : { error: { ...extra, ...body.error } };
}

/** Maps Fastify's own errors (body parsing, limits, validation) to the contract's codes. */
function fromFastify(error: FastifyError): HttpError | null {
  const status = error.statusCode;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new HttpError('payload_too_large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new HttpError('bad_request', 'bad_content_type');
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new HttpError('bad_request', 'bad_json');
  }
  if (status === 404) return new HttpError('not_found');
  if (status !== undefined && status >= 400 && status < 500) return new HttpError('bad_request');
  return null;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) return sendError(request, reply, error);
    const mapped = fromFastify(error);
    if (mapped) return sendError(request, reply, mapped);
    request.log.error({ err: error }, 'unexpected failure');
    return sendError(request, reply, new HttpError('unavailable'));
  });
}

/** 404 for the API as JSON; other paths are left to the static plugin's SPA fallback. */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(request, reply, new HttpError('not_found'));
}
