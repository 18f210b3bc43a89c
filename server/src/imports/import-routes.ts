import express, { Router, type Request, type Response } from 'express';
import { importCommitSchema, importDryRunSchema, importLayers, importOptionsSchema, type ImportLayer, type ImportOptions, type ImportRun } from '../contracts/import-contracts.js';
import { clientIp, signedIn } from '../auth/authenticate.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, singleParameter } from '../http/query-params.js';
import { pickLanguage } from '../i18n/server-messages.js';
import { jobOf } from './import-jobs.js';
import { translateRun } from './import-report.js';
import { listRuns, toImportRun } from './import-runs.js';
import {
  assertMayImport, cancelImport, commitImport, dryRunImport, importRunView, uploadImport, type ImportCaller, type ImportEnvironment,
} from './import-service.js';

/**
 * `/api/imports`: upload a file (its bytes as the body, options in the query),
 * correct and dry-run, commit (202, then poll or follow the events), cancel.
 */
export function importRoutes(env: ImportEnvironment): Router {
  const router = Router();
  const caller = (req: Request): ImportCaller => {
    const actor = signedIn(req);
    return { actor, actorName: actor.username, clientIp: clientIp(req) };
  };
  const language = (req: Request) => pickLanguage(req.query?.lang, req.get('accept-language'));
  const send = (req: Request, res: Response, status: number, run: ImportRun) => res.status(status).json(translateRun(run, language(req)));
  const idOf = (req: Request): number => {
    const raw = String(req.params.id);
    if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new HttpProblem(400, 'integer-format', { parameter: 'id', value: raw.slice(0, 20) }, 'id');
    return Number(raw);
  };

  router.get('/imports', async (req, res) => {
    assertOnlyParameters(req, ['limit', 'lang']);
    const actor = signedIn(req);
    const rawLimit = singleParameter(req, 'limit') ?? '50';
    if (!/^[0-9]{1,4}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > 500) throw new HttpProblem(400, 'limit-range', { max: 500 }, 'limit');
    const runs = await listRuns(env.knex, { userId: actor.userId, role: actor.role }, Number(rawLimit));
    res.json({ imports: runs.map((r) => translateRun(toImportRun(r, jobOf(r.id)?.progress ?? null), language(req))) });
  });

  router.post(
    '/imports',
    // The file is the body, whatever its type; JSON bodies are parsed before this by the app (and re-serialised below).
    express.raw({ type: () => true, limit: env.limits.maxFileBytes }),
    async (req, res) => {
      assertOnlyParameters(req, ['layer', 'fileName', 'crs', 'sheet', 'boundarySet', 'lang']);
      const actor = caller(req);
      const layerRaw = singleParameter(req, 'layer');
      if (layerRaw === undefined) throw new HttpProblem(400, 'required-parameter', { parameter: 'layer' }, 'layer');
      if (!(importLayers as readonly string[]).includes(layerRaw)) {
        throw new HttpProblem(400, 'unknown-value', { parameter: 'layer', value: layerRaw.slice(0, 40), allowed: importLayers.join(', ') }, 'layer');
      }
      const layer = layerRaw as ImportLayer;
      assertMayImport(actor.actor, layer);
      const fileName = singleParameter(req, 'fileName');
      if (fileName === undefined) throw new HttpProblem(400, 'required-parameter', { parameter: 'fileName' }, 'fileName');
      if (fileName.length < 1 || fileName.length > 255 || /[\u0000-\u001f\u007f/\\]/.test(fileName)) {
        throw new HttpProblem(400, 'import-file-name', {}, 'fileName');
      }
      const options: ImportOptions = parseBody(importOptionsSchema, {
        ...(singleParameter(req, 'crs') !== undefined ? { crs: singleParameter(req, 'crs') } : {}),
        ...(singleParameter(req, 'sheet') !== undefined ? { sheet: singleParameter(req, 'sheet') } : {}),
        ...(singleParameter(req, 'boundarySet') !== undefined ? { boundarySet: singleParameter(req, 'boundarySet') } : {}),
      });
      const bytes = Buffer.isBuffer(req.body)
        ? req.body
        : req.body && typeof req.body === 'object' && Object.keys(req.body as object).length > 0
          ? Buffer.from(JSON.stringify(req.body))
          : Buffer.alloc(0);
      send(req, res, 201, await uploadImport(env, actor, { layer, fileName, bytes, options }));
    },
  );

  router.get('/imports/:id', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    send(req, res, 200, await importRunView(env, caller(req), idOf(req)));
  });

  router.post('/imports/:id/dry-run', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const who = caller(req);
    const options = parseBody(importDryRunSchema, req.body);
    send(req, res, 200, await dryRunImport(env, who, idOf(req), options));
  });

  router.post('/imports/:id/commit', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const who = caller(req);
    const body = parseBody(importCommitSchema, req.body);
    const { run } = await commitImport(env, who, idOf(req), body.mode);
    send(req, res, 202, run);
  });

  router.post('/imports/:id/cancel', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    send(req, res, 200, await cancelImport(env, caller(req), idOf(req)));
  });

  router.delete('/imports/:id', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    send(req, res, 200, await cancelImport(env, caller(req), idOf(req)));
  });

  /** Server-sent events: `progress` while the commit runs, then one `done` with the finished run. */
  router.get('/imports/:id/events', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const who = caller(req);
    const id = idOf(req);
    const first = await importRunView(env, who, id);
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    const event = (name: string, run: ImportRun) => res.write(`event: ${name}\ndata: ${JSON.stringify(translateRun(run, language(req)))}\n\n`);
    const job = jobOf(id);
    if (!job) {
      event('done', first);
      res.end();
      return;
    }
    event('progress', first);
    const listener = () => event('progress', toImportRun(job.snapshot, job.progress));
    job.listeners.add(listener);
    req.on('close', () => job.listeners.delete(listener));
    await job.finished;
    job.listeners.delete(listener);
    if (!res.writableEnded) {
      event('done', await importRunView(env, who, id));
      res.end();
    }
  });

  return router;
}
