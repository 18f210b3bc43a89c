import { Router } from 'express';
import type { Knex } from 'knex';
import { clientIp, requirePermission } from '../auth/authenticate.js';
import { indicatorSnapshotCreateSchema } from '../contracts/indicator-registry-contracts.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { deleteSnapshot, listSnapshots, takeSnapshot, type SnapshotDeps } from './indicator-snapshots.js';

function snapshotId(raw: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new HttpProblem(404, 'unknown-snapshot', { id: raw.slice(0, 16) });
  return Number(raw);
}

/**
 * /api/indicator-snapshots: the list is a public read like the indicators;
 * saving and deleting one is the planners' (targets.edit), audited.
 */
export function indicatorSnapshotRoutes(knex: Knex, deps: SnapshotDeps): Router {
  const router = Router();
  // One snapshot at a time: two overlapping ones would each wait on the other's recompute.
  let busy = false;

  router.get('/indicator-snapshots', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    res.json({ snapshots: await listSnapshots(knex) });
  });

  router.post('/indicator-snapshots', requirePermission('targets.edit'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(indicatorSnapshotCreateSchema, req.body);
    if (busy) throw new HttpProblem(409, 'snapshot-busy');
    busy = true;
    try {
      const snapshot = await takeSnapshot(knex, deps, {
        label: body.label,
        scenario: body.scenario ?? 'current',
        recompute: body.recompute ?? false,
        actor: req.actor!,
        clientIp: clientIp(req),
      });
      res.status(201).set('Location', `/api/indicator-snapshots/${snapshot.id}`).json(snapshot);
    } finally {
      busy = false;
    }
  });

  router.delete('/indicator-snapshots/:id', requirePermission('targets.edit'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const id = snapshotId(String(req.params.id));
    const deleted = await deleteSnapshot(knex, id, req.actor!, clientIp(req));
    if (!deleted) throw new HttpProblem(404, 'unknown-snapshot', { id: String(id) });
    res.json(deleted);
  });
  return router;
}
