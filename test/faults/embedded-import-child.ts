// Child process of embedded-kill-import.test.ts, killed (SIGKILL) by it at
// chosen moments: opens the embedded database in the directory it is given and
// imports one large measurement batch in ONE transaction, printing a marker line
// at each step so the parent knows where it is:
//   OPENED · STARTED (transaction begun) · ROWS <n> (rows in so far, every 1000) ·
//   INSERTED (all rows in; the contradiction count runs) · CHECKED (COMMIT is
//   being sent) · COMMITTED <n> — then it waits, database open, to be killed.
// Run: node --import tsx test/faults/embedded-import-child.ts <dataDir> <batch> <rows>
import { openDatabase } from '../../server/src/db/database.js';
import type { MeasurementRow } from '../../server/src/measurements/measurement-csv.js';
import { insertMeasurementBatch } from '../../server/src/measurements/measurement-import.js';

const [dataDir, batch, rowsArg] = process.argv.slice(2);
if (!dataDir || !batch || !rowsArg) throw new Error('usage: embedded-import-child.ts <dataDir> <batch> <rows>');
const total = Number(rowsArg);

/** Valid rows inside the fixture's province (106.0–106.2 E, 10.0–10.2 N), deterministic. */
function measurementRows(n: number): MeasurementRow[] {
  const rows: MeasurementRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      lon: 106.001 + ((i * 7919) % 19_900) / 100_000,
      lat: 10.001 + ((i * 104_729) % 19_900) / 100_000,
      operatorCode: 'viettel',
      technology: '4G',
      signalDbm: -125 + (i % 60),
      downloadMbps: i % 3 === 0 ? null : (i % 500) / 10,
      measuredAt: new Date(Date.UTC(2026, 10, 20, 2, 0, 0) + i * 1000).toISOString(),
    });
  }
  return rows;
}

// Each line ends with the ms since the process started, for the parent's report.
const say = (line: string) => process.stdout.write(`${line} @${Math.round(performance.now())}\n`);
const rows = measurementRows(total);
const db = await openDatabase({ databaseUrl: '', dataDir, statementTimeoutMs: 0 });
say('OPENED');
await db.knex.transaction(async (trx) => {
  say('STARTED');
  // insertMeasurementBatch sends one INSERT per 1000 rows, then the contradiction
  // count: watching its trx.raw calls tells the parent how far the import is
  // (printed as each statement is issued, so ROWS counts the rows already in).
  let statements = 0;
  const watched = new Proxy(trx, {
    get(target, property, receiver) {
      if (property !== 'raw') return Reflect.get(target, property, receiver);
      return (...args: Parameters<typeof trx.raw>) => {
        const done = statements++ * 1000;
        say(done < total ? `ROWS ${done}` : 'INSERTED');
        return target.raw(...args);
      };
    },
  });
  await insertMeasurementBatch(watched, batch, rows);
  say('CHECKED');
});
say(`COMMITTED ${total}`);
// Stay up with the database open (no clean close): the parent kills us.
setInterval(() => undefined, 60_000);
