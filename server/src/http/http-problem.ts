import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Problem } from '../contracts/api-contracts.js';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { pickLanguage, translate, type MessageKey } from '../i18n/server-messages.js';

const titleKeyByStatus: Record<number, MessageKey> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  428: 'precondition-required',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/**
 * The one error type of the API: a status, a message key (translated when the
 * answer is written, in the caller's language) and its parameters.
 */
export interface FieldError {
  parameter: string;
  messageKey: MessageKey;
  params?: Record<string, string | number>;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly parameter?: string,
    /** Field-level errors of a request body, each translated when the answer is written. */
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(`${status} ${messageKey} ${JSON.stringify(params)}`);
  }

  /** RFC 9457 extension members (e.g. `current`: the record as it is now, on a version conflict). */
  extensions: Record<string, unknown> = {};
  /** Response headers the answer needs (Retry-After, WWW-Authenticate, ETag). */
  headers: Record<string, string> = {};

  with(extensions: Record<string, unknown>, headers: Record<string, string> = {}): this {
    Object.assign(this.extensions, extensions);
    Object.assign(this.headers, headers);
    return this;
  }
}

export const problemMiddleware: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const language = pickLanguage(req.query?.lang, req.get('accept-language'));
  let problem: Problem;
  if (error instanceof HttpProblem) {
    const detail = translate(language, error.messageKey, error.params);
    problem = {
      type: `urn:hatang:problem:${error.messageKey}`,
      title: translate(language, titleKeyByStatus[error.status] ?? 'bad-request'),
      status: error.status,
      detail,
      instance: req.originalUrl,
      ...(error.parameter ? { errors: [{ parameter: error.parameter, message: detail }] } : {}),
      ...(error.fieldErrors.length
        ? { errors: error.fieldErrors.map((f) => ({ parameter: f.parameter, message: translate(language, f.messageKey, f.params) })) }
        : {}),
      ...error.extensions,
    };
    res.set(error.headers);
  } else if (isBodyParserError(error)) {
    const status = error.status === 413 ? 413 : 400;
    const key: MessageKey = status === 413 ? 'payload-too-large' : error.type === 'entity.parse.failed' ? 'body-not-json' : 'bad-request';
    problem = {
      type: `urn:hatang:problem:${key}`,
      title: translate(language, status === 413 ? 'payload-too-large' : 'bad-request'),
      status,
      detail: translate(language, key),
      instance: req.originalUrl,
    };
  } else if (isDatabaseUnavailable(error)) {
    // PostgreSQL down, restarting or unreachable: a 503 the client may retry, not a bug.
    problem = {
      type: 'urn:hatang:problem:service-unavailable',
      title: translate(language, 'service-unavailable'),
      status: 503,
      detail: translate(language, 'service-unavailable'),
      instance: req.originalUrl,
    };
    res.set('Retry-After', '5');
  } else {
    console.error(`[hatang] ${req.method} ${req.originalUrl} failed:`, error);
    problem = {
      type: 'urn:hatang:problem:internal',
      title: translate(language, 'internal'),
      status: 500,
      detail: translate(language, 'internal'),
      instance: req.originalUrl,
    };
  }
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
};

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error &&
    typeof (error as { type: unknown }).type === 'string' && String((error as { type: string }).type).startsWith('entity.');
}

export const unknownApiRoute: RequestHandler = (req, _res, next) => {
  next(new HttpProblem(404, 'unknown-route', { path: req.path.slice(0, 200) }));
};
