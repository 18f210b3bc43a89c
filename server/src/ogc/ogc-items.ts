import type { Knex } from 'knex';
import { technologyGroups, ANY_OPERATOR } from '../contracts/layer-contracts.js';
import { derivedKey, geoProperties, registerPage, type ExportRecord } from '../exports/export-records.js';
import { unlimited } from '../exports/export-filter-params.js';
import type { Bbox } from '../http/query-params.js';
import { operatorCodes } from '../layers/admin-unit-lookup.js';
import { layerGeoJson, type LayerFilter } from '../layers/layer-queries.js';
import { ogcCollections, type OgcCollectionId } from './ogc-collections.js';

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

export interface OgcPage {
  features: OgcFeature[];
  numberMatched: number;
}

type DerivedCollection = 'shared-sites' | 'gaps' | 'coverage';
type RegisterCollection = Exclude<OgcCollectionId, DerivedCollection>;

function registerFeature(collection: RegisterCollection, r: ExportRecord): OgcFeature {
  return { type: 'Feature', id: r.key, geometry: JSON.parse(r.geometry!) as unknown, properties: geoProperties(collection, r) };
}

/**
 * The derived layers as the map serves them in the current scenario: shared
 * sites, uncovered areas, and every coverage union (each operator and '*', each
 * technology group). Coverage is never given the bbox: its layer clips to it,
 * and an OGC feature is the whole feature.
 */
async function derivedCollection(knex: Knex, collection: DerivedCollection, bbox: Bbox | undefined, boundarySet: string): Promise<string> {
  const base: LayerFilter = { unitId: null, boundarySet, limit: unlimited, scenario: 'current' };
  if (collection === 'coverage') {
    return layerGeoJson(knex, 'coverage', { ...base, operators: [ANY_OPERATOR, ...(await operatorCodes(knex))], technologyGroups: [...technologyGroups] });
  }
  return layerGeoJson(knex, collection, { ...base, bbox });
}

function withKey(collection: DerivedCollection, f: Omit<OgcFeature, 'id'> & { id?: unknown }): OgcFeature {
  return { type: 'Feature', id: derivedKey(collection, f.properties), geometry: f.geometry, properties: f.properties };
}

/** One page of a collection's items; the bbox filter is exact (&& on the GiST index, then ST_Intersects). */
export async function itemsPage(
  knex: Knex,
  id: OgcCollectionId,
  q: { bbox?: Bbox; offset: number; limit: number },
  boundarySet: string,
): Promise<OgcPage> {
  if (ogcCollections[id].source === 'register') {
    const collection = id as RegisterCollection;
    const page = await registerPage(knex, { layer: collection, boundarySet, bbox: q.bbox, offset: q.offset, limit: q.limit, wkt: false });
    return { features: page.records.map((r) => registerFeature(collection, r)), numberMatched: page.matched };
  }
  const collection = id as DerivedCollection;
  const fc = await derivedCollection(knex, collection, q.bbox, boundarySet);
  const env = q.bbox ? 'ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326)' : 'NULL::geometry';
  const row = (
    await knex.raw(`SELECT * FROM hatang_ogc_feature_page(?::text, ${env}, ?::integer, ?::integer)`, [fc, ...(q.bbox ?? []), q.offset, q.limit])
  ).rows[0] as { matched: number; features: string };
  const features = JSON.parse(row.features) as (Omit<OgcFeature, 'id'> & { id?: unknown })[];
  return { features: features.map((f) => withKey(collection, f)), numberMatched: Number(row.matched) };
}

/** One feature by its id (a register record's code; a derived feature's key), or null. */
export async function oneItem(knex: Knex, id: OgcCollectionId, featureId: string, boundarySet: string): Promise<OgcFeature | null> {
  if (ogcCollections[id].source === 'register') {
    const collection = id as RegisterCollection;
    const page = await registerPage(knex, { layer: collection, boundarySet, code: featureId, limit: 1, wkt: false });
    return page.records[0] ? registerFeature(collection, page.records[0]) : null;
  }
  const collection = id as DerivedCollection;
  const fc = JSON.parse(await derivedCollection(knex, collection, undefined, boundarySet)) as { features: (Omit<OgcFeature, 'id'> & { id?: unknown })[] };
  const found = fc.features.map((f) => withKey(collection, f)).find((f) => f.id === featureId);
  return found ?? null;
}

/** The collection's extent from its data, [minLon, minLat, maxLon, maxLat] (CRS84), or null when empty. */
export async function collectionExtent(knex: Knex, id: OgcCollectionId, boundarySet: string): Promise<number[] | null> {
  const row = (await knex.raw('SELECT hatang_collection_extent(?::text, ?::text) AS e', [id, boundarySet])).rows[0] as { e: number[] | null };
  return row.e;
}
