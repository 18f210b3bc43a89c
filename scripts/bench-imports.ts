// Import throughput for `npm run bench`: a 100 000-row operator BTS list (CSV
// with Vietnamese headers, the shape operators send) over the demo province,
// uploaded (read, mapped, parsed, staged, checked against the province and
// the register, compared: the dry run) and committed (the same again, then
// written, with site inference updated), through the same service as the web
// import and the CLI. The BTS are planned, so the coverage model (which covers
// on-air and approved BTS) is not part of this figure; site inference is.
import type { Knex } from 'knex';
import { loadConfig } from '../server/src/config.js';
import { coverageParamsFrom } from '../server/src/coverage/coverage-recompute.js';
import { jobOf } from '../server/src/imports/import-jobs.js';
import { commitImport, importRunView, uploadImport, type ImportEnvironment } from '../server/src/imports/import-service.js';
import { importLimitsFrom } from '../server/src/imports/import-settings.js';

export interface ImportFigures {
  rows: number;
  bytes: number;
  /** Upload + dry run (every check), ms. */
  dryRunMs: number;
  /** Commit: the checks again, the writes, site inference, ms. */
  commitMs: number;
  /** ms per phase of the commit. */
  phasesMs: Record<string, number>;
  /** rows ÷ commit seconds. */
  rowsPerSecond: number;
  inserted: number;
}

/**
 * Deterministic positions around the demo's hamlet reference points, on rings of
 * 0.2–1.8 km (a golden-angle spiral), so that like a real list few stand within
 * ε of one another.
 */
async function operatorList(knex: Knex, rows: number): Promise<Buffer> {
  const points = (await knex.raw('SELECT ST_X(ref_point) AS x, ST_Y(ref_point) AS y FROM hamlets ORDER BY code')).rows as { x: number; y: number }[];
  const candidates: [number, number][] = [];
  for (let i = 0; candidates.length < rows * 1.3; i++) {
    const p = points[i % points.length]!;
    const ring = Math.floor(i / points.length);
    const angle = (i * 2.399963) % (2 * Math.PI);
    const r = 0.002 * (1 + (ring % 9));
    candidates.push([Number((p.x + r * Math.cos(angle)).toFixed(6)), Number((p.y + r * Math.sin(angle)).toFixed(6))]);
  }
  // Keep the candidates inside the province (the import refuses the others, as it should).
  const inside = (
    await knex.raw(
      `WITH p AS MATERIALIZED (SELECT ST_Union(u.geom) AS g FROM admin_units u JOIN boundary_sets b ON b.code = u.boundary_set AND b.is_default
                                WHERE u.level = 'province')
       SELECT e.i::integer - 1 AS i FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e(v, i), p
        WHERE ST_Intersects(p.g, ST_SetSRID(ST_MakePoint((e.v->>0)::float8, (e.v->>1)::float8), 4326)) ORDER BY 1`,
      [JSON.stringify(candidates)],
    )
  ).rows.map((r: { i: number }) => candidates[r.i]!) as [number, number][];
  if (inside.length < rows) throw new Error(`only ${inside.length} of ${rows} bench positions inside the province`);
  const operators = ['Viettel', 'VinaPhone', 'MobiFone', 'Vietnamobile'];
  const techs: [string, number][] = [['2G', 900], ['3G', 2100], ['4G', 1800], ['5G', 3500]];
  const lines = ['Mã trạm,Nhà mạng,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Kinh độ,Vĩ độ,Trạng thái,Góc phương vị (độ)'];
  for (let i = 0; i < rows; i++) {
    const [x, y] = inside[i]!;
    const [tech, band] = techs[i % techs.length]!;
    lines.push(`BENCH-${String(i).padStart(6, '0')},${operators[i % 4]},${tech},${band},30,58,${x},${y},Quy hoạch,0/120/240`);
  }
  return Buffer.from(lines.join('\r\n'));
}

export async function measureImports(knex: Knex, rows = 100_000): Promise<ImportFigures> {
  const { config } = loadConfig();
  const env: ImportEnvironment = { knex, coverage: coverageParamsFrom(config), siteInferenceEpsM: config.siteInferenceEpsM, limits: importLimitsFrom(config) };
  const caller = { actor: null, actorName: 'bench', clientIp: null };
  const bytes = await operatorList(knex, rows);
  const t0 = performance.now();
  const uploaded = await uploadImport(env, caller, { layer: 'bts', fileName: 'bench-bts.csv', bytes, options: {} });
  const t1 = performance.now();
  if (uploaded.report!.invalid > 0) throw new Error(`bench file has ${uploaded.report!.invalid} invalid rows: ${uploaded.report!.errors[0]?.messageKey}`);
  const { finished } = await commitImport(env, caller, uploaded.id, 'all-or-nothing');
  const phasesMs: Record<string, number> = {};
  let phase = 'reading';
  let since = performance.now();
  jobOf(uploaded.id)?.listeners.add((p) => {
    if (p.phase === phase) return;
    const now = performance.now();
    phasesMs[phase] = Math.round((phasesMs[phase] ?? 0) + now - since);
    phase = p.phase;
    since = now;
  });
  await finished;
  const t2 = performance.now();
  phasesMs[phase] = Math.round((phasesMs[phase] ?? 0) + t2 - since);
  const run = await importRunView(env, caller, uploaded.id);
  if (run.status !== 'committed') throw new Error(`bench import ended ${run.status}`);
  const commitMs = Math.round(t2 - t1);
  return {
    rows, bytes: bytes.length, dryRunMs: Math.round(t1 - t0), commitMs, phasesMs,
    rowsPerSecond: Math.round(rows / (commitMs / 1000)), inserted: run.counts!.inserted,
  };
}

export function describeImports(label: string, f: ImportFigures | { error: string }): string {
  if ('error' in f) return `${label.padEnd(10)} ${f.error}`;
  const phases = Object.entries(f.phasesMs).map(([p, ms]) => `${p} ${ms}`).join(', ');
  return `${label.padEnd(10)} ${f.rows} rows (${(f.bytes / 1e6).toFixed(1)} MB): upload + dry run ${(f.dryRunMs / 1000).toFixed(1)} s; ` +
    `commit ${(f.commitMs / 1000).toFixed(1)} s (${phases} ms) → ${f.rowsPerSecond} rows/s`;
}
