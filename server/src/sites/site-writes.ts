import type { Knex } from 'knex';
import { siteCreateSchema, siteUpdateSchema, type SiteCreate, type SiteUpdate } from '../contracts/record-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import type { RegisterRecordSpec, Snapshot } from '../records/register-record-routes.js';

export async function operatorId(trx: Knex.Transaction, code: string, parameter: string): Promise<number> {
  const row = (await trx.raw('SELECT id FROM operators WHERE code = ?', [code])).rows[0] as { id: number } | undefined;
  if (!row) throw new HttpProblem(400, 'unknown-operator', { operator: code }, parameter);
  return row.id;
}

/** Sites: a move carries the BTS on the site with it (they stand on the structure). */
export const siteWrites: RegisterRecordSpec<typeof siteCreateSchema, typeof siteUpdateSchema> = {
  entity: 'site',
  path: 'sites',
  table: 'site_records',
  createSchema: siteCreateSchema,
  updateSchema: siteUpdateSchema,
  ownerField: 'owner',
  serveGet: false,
  async insert(trx, body: SiteCreate, source) {
    const owner = await operatorId(trx, body.owner, 'owner');
    await trx.raw(
      `INSERT INTO site_records (code, name, geom, structure_type, height_m, owner_id, address, status, source, source_date)
       VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, current_date)`,
      [body.code, body.name ?? null, body.lon, body.lat, body.structureType, body.heightM, owner, body.address ?? null, body.status, source],
    );
  },
  async update(trx, id, body: SiteUpdate, current: Snapshot) {
    const owner = body.owner === undefined ? null : await operatorId(trx, body.owner, 'owner');
    const lon = body.lon ?? (current.lon as number);
    const lat = body.lat ?? (current.lat as number);
    const moved = lon !== current.lon || lat !== current.lat;
    if (moved) {
      await trx.raw(
        `UPDATE bts_records b SET geom = ST_Translate(b.geom, ? - ST_X(s.geom), ? - ST_Y(s.geom)), version = b.version + 1, updated_at = now()
           FROM site_records s WHERE s.id = ? AND b.site_id = s.id AND b.deleted_at IS NULL`,
        [lon, lat, id],
      );
    }
    await trx.raw(
      `UPDATE site_records SET
         name = CASE WHEN ?::boolean THEN ? ELSE name END,
         geom = ST_SetSRID(ST_MakePoint(?, ?), 4326),
         structure_type = coalesce(?, structure_type),
         height_m = coalesce(?, height_m),
         owner_id = coalesce(?, owner_id),
         address = CASE WHEN ?::boolean THEN ? ELSE address END,
         status = coalesce(?, status)
       WHERE id = ?`,
      [
        body.name !== undefined, body.name ?? null, lon, lat, body.structureType ?? null, body.heightM ?? null, owner,
        body.address !== undefined, body.address ?? null, body.status ?? null, id,
      ],
    );
  },
  async beforeDelete(trx, id) {
    const n = (await trx.raw('SELECT count(*)::int AS n FROM bts WHERE site_id = ?', [id])).rows[0].n as number;
    if (n > 0) throw new HttpProblem(409, 'site-has-bts', { count: n });
  },
  async dependents(trx, id) {
    const rows = (await trx.raw('SELECT code FROM bts WHERE site_id = ? ORDER BY code', [id])).rows as { code: string }[];
    return rows.map((r) => ({ entity: 'bts' as const, code: r.code }));
  },
  async touchedBts(trx, id) {
    return (await trx.raw('SELECT id FROM bts WHERE site_id = ?', [id])).rows.map((r: { id: number }) => r.id);
  },
};
