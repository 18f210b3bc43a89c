import { importLimitsFrom } from '../../server/src/imports/import-settings.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { authSettingsFrom } from '../../server/src/auth/auth-settings.js';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { sharingSettingsFrom } from '../../server/src/sharing/sharing-settings.js';
import { indicatorSettingsFrom } from '../../server/src/indicators/indicator-settings.js';
import { createApp } from '../../server/src/http/create-app.js';
import { answerUnparsedRequests } from '../../server/src/http/http-problem.js';
import type { Database } from '../../server/src/db/database.js';

export interface Answer {
  status: number;
  type: string;
  headers: Headers;
  body: any;
  text: string;
}

export interface RequestOptions {
  /** Sent as JSON unless it is already a string or bytes (a file upload). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface InProcessApp {
  base: string;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** POSTs `body` as application/json. */
  post(path: string, body: string, headers?: Record<string, string>): Promise<Answer>;
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  close(): Promise<void>;
}

export interface InProcessOptions {
  maxFeatures?: number;
  /** Environment overrides for the configuration (e.g. HATANG_ANONYMOUS_READ). */
  env?: Record<string, string>;
}

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (e.g. HTML, or an empty 204): leave body undefined
  }
  return { status: response.status, type, headers: response.headers, body, text };
}

/** createApp on a free loopback port, for API tests. */
export async function startInProcessApp(db: Database, options: InProcessOptions = {}): Promise<InProcessApp> {
  const { config } = loadConfig(options.env ?? {});
  const app = createApp({
    knex: db.knex,
    databaseKind: db.kind,
    maxFeatures: options.maxFeatures ?? 50_000,
    maxSearchLength: 100,
    bodyLimitBytes: 1024 * 1024,
    coverage: coverageParamsFrom(config),
    sharing: sharingSettingsFrom(config),
    indicators: indicatorSettingsFrom(config),
    ...authSettingsFrom(config),
    imports: importLimitsFrom(config),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerUnparsedRequests(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const request = async (method: string, path: string, { body, headers = {} }: RequestOptions = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    return readAnswer(await fetch(base + path, init));
  };
  return {
    base,
    get: (path, headers = {}) => request('GET', path, { headers }),
    post: (path, body, headers = {}) => request('POST', path, { body, headers }),
    request,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
