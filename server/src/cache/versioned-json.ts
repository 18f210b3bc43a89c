import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { AnswerCache } from './answer-cache.js';
import { dataVersionOf } from './data-versions.js';
import { noneMatchHolds, versionedEtag } from './versioned-etag.js';

export interface VersionedJsonOptions {
  /** Answers kept in process, by ETag. */
  cache: AnswerCache<string>;
  /** The data_versions tables the answer is made from. */
  tables: readonly string[];
  /** What else the answer depends on: the route, the canonical query, settings. */
  key: readonly string[];
  cacheControl: string;
}

/**
 * Sends the JSON answer `make` builds from the data at the counters of
 * `options.tables`: ETag of the request and the data version, 304 when the
 * client holds it, and the answer kept in process, so that the same request
 * on unchanged data costs one counter read. For answers that read whole
 * tables on every opening of the map (the register's counts, the footprints'
 * warnings: nationally 0.3 s each; the tiled layers' counts).
 */
export async function sendVersionedJson(
  knex: Knex,
  req: Request,
  res: Response,
  options: VersionedJsonOptions,
  make: () => Promise<unknown>,
): Promise<void> {
  // Read before the data (dataVersionOf): a write in between makes the answer newer than its tag, never older.
  const etag = versionedEtag(options.key, await dataVersionOf(knex, options.tables));
  res.set({ ETag: etag, 'Cache-Control': options.cacheControl });
  if (noneMatchHolds(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  let body = options.cache.get(etag);
  if (body === undefined) {
    body = JSON.stringify(await make());
    options.cache.set(etag, body);
  }
  res.type('application/json').send(body);
}
