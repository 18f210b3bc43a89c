import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
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
  415: 'unsupported-media-type',
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
  } else if (isClientError(error)) {
    // Raised by Express's own layers before a route runs: the body readers (too
    // large, unsupported charset or content encoding, not JSON, corrupt gzip) and
    // the router (a path parameter that does not percent-decode to UTF-8).
    const status = error.status;
    const key: MessageKey =
      status === 413 ? 'payload-too-large'
      : status === 415 ? 'body-encoding-unsupported'
      : error.type === 'entity.parse.failed' ? 'body-not-json'
      : error instanceof URIError ? 'path-not-decodable'
      : 'body-unreadable';
    problem = {
      type: `urn:hatang:problem:${key}`,
      title: translate(language, titleKeyByStatus[status] ?? 'bad-request'),
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

/** An error carrying a 4xx status: http-errors' client errors (exposed) and the router's undecodable path parameters. */
function isClientError(error: unknown): error is { status: number; type?: unknown } {
  if (typeof error !== 'object' || error === null) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status <= 499 && (expose === true || error instanceof URIError);
}

export const unknownApiRoute: RequestHandler = (req, _res, next) => {
  next(new HttpProblem(404, 'unknown-route', { path: req.path.slice(0, 200) }));
};

/**
 * Requests Node's HTTP parser refuses before Express sees them (a request line
 * or headers beyond the header size limit, malformed HTTP) still get a
 * problem+json answer, in Vietnamese: their headers were never read. As Node's
 * default handler does, nothing is written into a response already under way.
 */
export function answerUnparsedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const key: MessageKey = status === 431 ? 'request-header-too-large' : status === 408 ? 'request-timeout' : 'request-malformed';
    const body = JSON.stringify({
      type: `urn:hatang:problem:${key}`,
      title: translate('vi', 'bad-request'),
      status,
      detail: translate('vi', key),
    } satisfies Problem);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
