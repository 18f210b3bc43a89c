import type { Knex } from 'knex';
import { btsCreateSchema, btsUpdateSchema, type BtsCreate, type BtsUpdate } from '../contracts/record-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import type { RegisterRecordSpec, Snapshot } from '../records/register-record-routes.js';
import { operatorId } from '../sites/site-writes.js';

async function liveSite(trx: Knex.Transaction, code: string): Promise<{ id: number; lon: number; lat: number }> {
  const row = (await trx.raw('SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM sites WHERE code = ?', [code])).rows[0] as
    | { id: number; lon: number; lat: number }
    | undefined;
  if (!row) throw new HttpProblem(400, 'unknown-site', { code }, 'siteCode');
  return row;
}

async function writeSectors(trx: Knex.Transaction, btsId: number, sectors: BtsUpdate['sectors']): Promise<void> {
  if (!sectors) return;
  await trx.raw('DELETE FROM bts_sectors WHERE bts_id = ?', [btsId]);
  await trx('bts_sectors').insert(
    sectors.map((s, i) => ({ bts_id: btsId, sector_no: i + 1, azimuth_deg: s.azimuthDeg, beamwidth_deg: s.beamwidthDeg, tilt_deg: s.tiltDeg ?? 0 })),
  );
}

/** BTS: on a site they stand at its point unless placed explicitly; each write rebuilds their coverage. */
export const btsWrites: RegisterRecordSpec<typeof btsCreateSchema, typeof btsUpdateSchema> = {
  entity: 'bts',
  path: 'bts',
  table: 'bts_records',
  createSchema: btsCreateSchema,
  updateSchema: btsUpdateSchema,
  ownerField: 'operator',
  serveGet: true,
  async insert(trx, body: BtsCreate, source) {
    const operator = await operatorId(trx, body.operator, 'operator');
    const site = body.siteCode ? await liveSite(trx, body.siteCode) : null;
    const lon = body.lon ?? site?.lon;
    const lat = body.lat ?? site?.lat;
    if (lon === undefined || lat === undefined) throw new HttpProblem(400, 'bts-needs-position', {}, 'lon');
    const row = (
      await trx.raw(
        `INSERT INTO bts_records (code, site_id, operator_id, geom, technology, band_mhz, antenna_height_m, eirp_dbm,
                                  radius_override_m, environment_override, status, source, source_date)
         VALUES (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, ?, ?, current_date) RETURNING id`,
        [
          body.code, site?.id ?? null, operator, lon, lat, body.technology, body.bandMHz, body.antennaHeightM, body.eirpDbm,
          body.radiusOverrideM ?? null, body.environmentOverride ?? null, body.status, source,
        ],
      )
    ).rows[0] as { id: number };
    await writeSectors(trx, row.id, body.sectors ?? [{ azimuthDeg: 0, beamwidthDeg: 360 }]);
  },
  async update(trx, id, body: BtsUpdate, current: Snapshot) {
    const operator = body.operator === undefined ? null : await operatorId(trx, body.operator, 'operator');
    const site = body.siteCode ? await liveSite(trx, body.siteCode) : null;
    // Moved onto another site without coordinates: it stands at that site.
    const lon = body.lon ?? (site && body.siteCode !== current.siteCode ? site.lon : (current.lon as number));
    const lat = body.lat ?? (site && body.siteCode !== current.siteCode ? site.lat : (current.lat as number));
    await trx.raw(
      `UPDATE bts_records SET
         site_id = CASE WHEN ?::boolean THEN ?::integer ELSE site_id END,
         operator_id = coalesce(?, operator_id),
         geom = ST_SetSRID(ST_MakePoint(?, ?), 4326),
         technology = coalesce(?, technology),
         band_mhz = coalesce(?, band_mhz),
         antenna_height_m = coalesce(?, antenna_height_m),
         eirp_dbm = coalesce(?, eirp_dbm),
         radius_override_m = CASE WHEN ?::boolean THEN ? ELSE radius_override_m END,
         environment_override = CASE WHEN ?::boolean THEN ? ELSE environment_override END,
         status = coalesce(?, status)
       WHERE id = ?`,
      [
        body.siteCode !== undefined, site?.id ?? null, operator, lon, lat, body.technology ?? null, body.bandMHz ?? null,
        body.antennaHeightM ?? null, body.eirpDbm ?? null, body.radiusOverrideM !== undefined, body.radiusOverrideM ?? null,
        body.environmentOverride !== undefined, body.environmentOverride ?? null, body.status ?? null, id,
      ],
    );
    await writeSectors(trx, id, body.sectors);
  },
  async beforeRestore(trx, _id, current) {
    const siteCode = current.siteCode as string | null;
    if (siteCode && !(await trx.raw('SELECT 1 FROM sites WHERE code = ?', [siteCode])).rows.length) {
      throw new HttpProblem(409, 'site-deleted', { code: siteCode });
    }
  },
  async touchedBts(_trx, id) {
    return [id];
  },
};
