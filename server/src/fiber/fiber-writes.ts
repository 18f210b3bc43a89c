import { fiberCreateSchema, fiberUpdateSchema, type FiberCreate, type FiberUpdate } from '../contracts/record-contracts.js';
import type { RegisterRecordSpec } from '../records/register-record-routes.js';
import { operatorId } from '../sites/site-writes.js';

/** Fiber routes: GeoJSON (Multi)LineString in, MultiLineString stored; no coverage to rebuild. */
export const fiberWrites: RegisterRecordSpec<typeof fiberCreateSchema, typeof fiberUpdateSchema> = {
  entity: 'fiber',
  path: 'fiber',
  table: 'fiber_route_records',
  createSchema: fiberCreateSchema,
  updateSchema: fiberUpdateSchema,
  ownerField: 'operator',
  serveGet: true,
  async insert(trx, body: FiberCreate, source) {
    const operator = await operatorId(trx, body.operator, 'operator');
    await trx.raw(
      `INSERT INTO fiber_route_records (code, name, operator_id, kind, laying, cores, geom, status, source, source_date)
       VALUES (?, ?, ?, ?, ?, ?, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), ?, ?, current_date)`,
      [body.code, body.name ?? null, operator, body.kind, body.laying, body.cores, JSON.stringify(body.geometry), body.status, source],
    );
  },
  async update(trx, id, body: FiberUpdate) {
    const operator = body.operator === undefined ? null : await operatorId(trx, body.operator, 'operator');
    await trx.raw(
      `UPDATE fiber_route_records SET
         name = CASE WHEN ?::boolean THEN ? ELSE name END,
         operator_id = coalesce(?, operator_id),
         kind = coalesce(?, kind),
         laying = coalesce(?, laying),
         cores = coalesce(?, cores),
         geom = CASE WHEN ?::text IS NULL THEN geom ELSE ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326)) END,
         status = coalesce(?, status)
       WHERE id = ?`,
      [
        body.name !== undefined, body.name ?? null, operator, body.kind ?? null, body.laying ?? null, body.cores ?? null,
        body.geometry ? JSON.stringify(body.geometry) : null, body.geometry ? JSON.stringify(body.geometry) : null, body.status ?? null, id,
      ],
    );
  },
  async touchedBts() {
    return [];
  },
};
