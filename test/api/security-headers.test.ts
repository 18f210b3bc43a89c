import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtClientDir } from '../../server/src/http/client-bundle.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

let db: TestDatabase;
let app: InProcessApp;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  app = await startInProcessApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('hardening headers', () => {
  it('sends a CSP that allows scripts from this origin only (no inline or eval), no framing, no sniffing', async () => {
    const r = await app.get('/api/health');
    const csp = r.headers.get('content-security-policy')!;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('builds a client page with no inline script, so the CSP needs no exception', () => {
    const html = fs.readFileSync(path.join(builtClientDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('keeps session and audit answers out of shared caches', async () => {
    expect((await app.get('/api/auth/session')).headers.get('cache-control')).toBe('no-store');
  });
});
