import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import * as coreSchema from '../../db/migrations/001-core-schema.js';
import * as coverage from '../../db/migrations/002-coverage.js';
import * as fieldMeasurements from '../../db/migrations/003-field-measurements.js';
import * as accountsAudit from '../../db/migrations/004-accounts-audit.js';
import * as siteInference from '../../db/migrations/005-site-inference.js';
import * as coverageScenarios from '../../db/migrations/006-coverage-scenarios.js';
import * as proposals from '../../db/migrations/007-proposals.js';
import * as imports from '../../db/migrations/008-imports.js';
import * as planIndicators from '../../db/migrations/009-plan-indicators.js';
import * as dataVersions from '../../db/migrations/010-data-versions.js';
import * as hamletCoverageWrites from '../../db/migrations/011-hamlet-coverage-writes.js';
import * as coverageUnionCells from '../../db/migrations/012-coverage-union-cells.js';
import * as approvedFootprintsGist from '../../db/migrations/013-approved-footprints-gist.js';
import * as footprintOperatorKey from '../../db/migrations/014-footprint-operator-key.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const functionsDir = path.resolve(here, '../../db/functions');

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Migrations are listed here rather than discovered on disk so that the same
// list runs under tsx, vitest and a bundled build; append, never reorder.
const migrations: [string, Migration][] = [
  ['001-core-schema', coreSchema],
  ['002-coverage', coverage],
  ['003-field-measurements', fieldMeasurements],
  ['004-accounts-audit', accountsAudit],
  ['005-site-inference', siteInference],
  ['006-coverage-scenarios', coverageScenarios],
  ['007-proposals', proposals],
  ['008-imports', imports],
  ['009-plan-indicators', planIndicators],
  ['010-data-versions', dataVersions],
  ['011-hamlet-coverage-writes', hamletCoverageWrites],
  ['012-coverage-union-cells', coverageUnionCells],
  ['013-approved-footprints-gist', approvedFootprintsGist],
  ['014-footprint-operator-key', footprintOperatorKey],
];

const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => migrations,
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};

/** Creates or upgrades the schema, then (re)applies every SQL function file. */
export async function migrate(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource });
  await applyFunctions(knex);
}

/**
 * Each file under server/db/functions holds one function (CREATE OR REPLACE plus
 * its COMMENT), so applying all of them in file-name order is idempotent.
 */
export async function applyFunctions(knex: Knex): Promise<void> {
  const files = fs.readdirSync(functionsDir).filter((f) => f.endsWith('.sql')).sort();
  await knex.transaction(async (trx) => {
    for (const file of files) {
      // knex reads "?" as a binding placeholder even in a raw string without
      // bindings; "\\?" is its escape for a literal question mark (the jsonb ? operator).
      const sql = fs.readFileSync(path.join(functionsDir, file), 'utf8').replaceAll('?', '\\?');
      try {
        await trx.raw(sql);
      } catch (error) {
        throw new Error(`SQL function file ${file} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  });
}
