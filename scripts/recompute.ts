// `npm run recompute`: rebuilds every derived result from the register, from
// scratch (coverage footprints, unions, hamlet verdicts, uncovered areas), on
// the server's database (DATABASE_URL, or the embedded one in HATANG_DATA_DIR).
import { loadConfig } from '../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage } from '../server/src/coverage/coverage-recompute.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { inferSites } from '../server/src/sharing/site-inference.js';

const { config } = loadConfig();
// A batch job over the whole register: the API's per-statement limit does not apply.
const database = await openDatabase({ ...config, statementTimeoutMs: 0 });
try {
  await migrate(database.knex);
  const summary = await recomputeAllCoverage(database.knex, coverageParamsFrom(config));
  console.log(`coverage recomputed on the ${database.kind} database in ${(summary.ms.total / 1000).toFixed(2)} s`);
  console.log(`  footprints ${summary.footprints} (${summary.ms.footprints} ms), unions ${summary.unions} (${summary.ms.unions} ms),`);
  console.log(`  hamlet verdicts ${summary.hamletVerdicts} (${summary.ms.verdicts} ms), uncovered parts ${summary.gapParts} (${summary.ms.gaps} ms)`);
  const sites = await inferSites(database.knex, config.siteInferenceEpsM);
  console.log(`site inference (ε ${config.siteInferenceEpsM} m) in ${(sites.ms / 1000).toFixed(2)} s: ${sites.physicalSites} physical sites, ${sites.inferredSites} inferred;`);
  console.log(`  BTS explicit ${sites.btsExplicit}, joined ${sites.btsJoined}, inferred ${sites.btsInferred}; conflicts ${sites.conflicts}`);
} finally {
  await database.close();
}
