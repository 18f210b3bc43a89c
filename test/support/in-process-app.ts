import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { createApp } from '../../server/src/http/create-app.js';
import type { Database } from '../../server/src/db/database.js';

interface Answer {
  status: number;
  type: string;
  body: any;
  text: string;
}

export interface InProcessApp {
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** POSTs `body` as application/json. */
  post(path: string, body: string, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

/** createApp on a free loopback port, for API tests. */
export async function startInProcessApp(db: Database, options: { maxFeatures?: number } = {}): Promise<InProcessApp> {
  const app = createApp({
    knex: db.knex,
    databaseKind: db.kind,
    maxFeatures: options.maxFeatures ?? 50_000,
    maxSearchLength: 100,
    bodyLimitBytes: 1024 * 1024,
    coverage: coverageParamsFrom(loadConfig({}).config),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const answer = async (response: Response): Promise<Answer> => {
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (e.g. HTML): leave body undefined
      }
      return { status: response.status, type, body, text };
  };
  return {
    get: async (path, headers = {}) => answer(await fetch(base + path, { headers })),
    post: async (path, body, headers = {}) =>
      answer(await fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
