// `npm run import -- <file> --layer <layer> [--crs …] [--boundary-set …] [--sheet …]
//                   [--mode all-or-nothing|valid-rows-only] [--dry-run] [--as <username>] [--lang vi|en]`
// Imports one file into the server's database (DATABASE_URL, or the embedded one
// in HATANG_DATA_DIR) with the same code as the web import: the same readers,
// checks, dry-run report, all-or-nothing rule, coverage and site inference
// updates, provenance and audit entry. Without --as it acts with a planner's
// rights and is audited as `cli:<system user>`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { importLayers, importModes, type ImportLayer, type ImportMode, type ImportRun } from '../server/src/contracts/import-contracts.js';
import { coverageParamsFrom } from '../server/src/coverage/coverage-recompute.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { HttpProblem } from '../server/src/http/http-problem.js';
import { translate, type Language, type MessageKey } from '../server/src/i18n/server-messages.js';
import { translateRun } from '../server/src/imports/import-report.js';
import { cancelImport, commitImport, importRunView, uploadImport, type ImportCaller } from '../server/src/imports/import-service.js';
import { importLimitsFrom } from '../server/src/imports/import-settings.js';
import { cliActor } from '../server/src/imports/cli-actor.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    layer: { type: 'string' },
    crs: { type: 'string' },
    'boundary-set': { type: 'string' },
    sheet: { type: 'string' },
    mode: { type: 'string', default: 'all-or-nothing' },
    'dry-run': { type: 'boolean', default: false },
    as: { type: 'string' },
    lang: { type: 'string', default: 'vi' },
  },
});
const language: Language = values.lang === 'en' ? 'en' : 'vi';
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const file = positionals[0] ?? fail('usage: npm run import -- <file> --layer <layer> [--crs …] [--boundary-set …] [--sheet …] [--mode …] [--dry-run] [--as <username>]');
const layer = (values.layer && (importLayers as readonly string[]).includes(values.layer) ? values.layer : fail(`--layer must be one of: ${importLayers.join(', ')}`)) as ImportLayer;
const mode = ((importModes as readonly string[]).includes(values.mode!) ? values.mode : fail(`--mode must be one of: ${importModes.join(', ')}`)) as ImportMode;
if (!fs.existsSync(file)) fail(`no such file: ${file}`);

const { config } = loadConfig();
const database = await openDatabase(config);
let exitCode = 0;
try {
  await migrate(database.knex);
  const env = {
    knex: database.knex,
    coverage: coverageParamsFrom(config),
    siteInferenceEpsM: config.siteInferenceEpsM,
    limits: importLimitsFrom(config),
  };
  const caller: ImportCaller = { actor: values.as ? await cliActor(database.knex, values.as) : null, actorName: `cli:${os.userInfo().username}`, clientIp: null };
  const t0 = performance.now();
  const uploaded = await uploadImport(env, caller, {
    layer,
    fileName: path.basename(file),
    bytes: fs.readFileSync(file),
    options: {
      ...(values.crs ? { crs: values.crs } : {}),
      ...(values.sheet ? { sheet: values.sheet } : {}),
      ...(values['boundary-set'] ? { boundarySet: values['boundary-set'] } : {}),
    },
  });
  printReport(translateRun(uploaded, language));
  if (values['dry-run']) {
    await cancelImport(env, caller, uploaded.id); // a dry run keeps no uploaded file behind
  } else {
    const { finished } = await commitImport(env, caller, uploaded.id, mode);
    await finished;
    const done = translateRun(await importRunView(env, caller, uploaded.id), language);
    if (done.status === 'committed' && done.counts) {
      const c = done.counts;
      console.log(`${language === 'vi' ? 'đã ghi' : 'committed'} (import ${done.id}) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
        `${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`);
    } else {
      console.error(`import ${done.id}: ${done.status}`);
      exitCode = 1;
    }
  }
} catch (error) {
  if (!(error instanceof HttpProblem)) throw error;
  console.error(`${error.status}: ${translate(language, error.messageKey, error.params)}`);
  for (const e of error.fieldErrors.slice(0, 50)) console.error(`  ${e.parameter}: ${translate(language, e.messageKey as MessageKey, e.params ?? {})}`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);

function printReport(run: ImportRun): void {
  const r = run.report!;
  console.log(`${run.fileName} → ${run.layer} (${run.format}${run.encoding ? `, ${run.encoding}` : ''}${run.crs ? `, ${run.crs.label} [${run.crs.source}]` : ''})`);
  console.log(`mapping: ${Object.entries(run.mapping).filter(([, c]) => c).map(([f, c]) => `${c} → ${f}`).join(', ')}`);
  console.log(`rows ${r.rows}: valid ${r.valid} (insert ${r.inserts}, update ${r.updates}, unchanged ${r.unchanged}), invalid ${r.invalid}`);
  for (const e of r.errors.slice(0, 50)) console.log(`  ${language === 'vi' ? 'dòng' : 'row'} ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
  if (r.errorCount > 50) console.log(`  … ${r.errorCount - 50} more`);
  for (const w of r.warnings.slice(0, 20)) console.log(`  ${language === 'vi' ? 'cảnh báo dòng' : 'warning row'} ${w.row}: ${w.message}`);
}
