import type { Knex } from 'knex';
import type { FiberKind, FiberLaying, LifecycleStatus, Technology, UnitLevel } from '../contracts/domain-enums.js';
import type { LayerName, TechnologyGroup } from '../contracts/layer-contracts.js';
import { activeStatusesOf, type Scenario } from '../contracts/sharing-contracts.js';
import type { Bbox } from '../http/query-params.js';

export interface LayerFilter {
  bbox?: Bbox;
  operators?: string[];
  technologies?: Technology[];
  /** Coverage layer only: technology groups (default broadband). */
  technologyGroups?: TechnologyGroup[];
  statuses?: LifecycleStatus[];
  kinds?: FiberKind[];
  layings?: FiberLaying[];
  unitId: number | null;
  boundarySet: string;
  limit: number;
  /** Coverage, gaps and hamlet verdicts: which network (default current). */
  scenario?: Scenario;
  /** Consolidation layer: D, metres. */
  consolidationDistanceM?: number;
}

// The bbox is built in SQL from four bound numbers; a missing bbox gives NULL,
// which the layer functions read as "no spatial filter".
const envelope = 'ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326)';

function bboxBindings(bbox: Bbox | undefined): (number | null)[] {
  return bbox ? [...bbox] : [null, null, null, null];
}

const adminLevels: Partial<Record<LayerName, UnitLevel>> = { communes: 'commune', districts: 'district' };

/**
 * Runs the layer's SQL function and returns the FeatureCollection as JSON text,
 * exactly as PostGIS wrote it: the server passes it through without parsing.
 */
export async function layerGeoJson(knex: Knex, layer: LayerName, f: LayerFilter): Promise<string> {
  const b = bboxBindings(f.bbox);
  const list = (values: string[] | undefined) => values ?? null;
  let sql: string;
  let bindings: unknown[];
  switch (layer) {
    case 'sites':
      sql = `SELECT hatang_layer_sites(${envelope}, ?::text[], ?::text[], ?::text[], ?::integer, ?::boolean, ?::integer) AS fc`;
      bindings = [...b, list(f.operators), list(f.technologies), list(f.statuses), f.unitId, false, f.limit];
      break;
    case 'shared-sites':
      // Physical sites (site inference), inferred ones included.
      sql = `SELECT hatang_layer_physical_sites(${envelope}, ?::text[], ?::text[], ?::text[], ?::integer, true, ?::text[], ?::integer) AS fc`;
      bindings = [...b, list(f.operators), list(f.technologies), list(f.statuses), f.unitId, [...activeStatusesOf[f.scenario ?? 'current']], f.limit];
      break;
    case 'consolidation':
      sql = `SELECT hatang_layer_consolidation(${envelope}, ?::float8, ?::text[], ?::text, ?::integer, ?::integer) AS fc`;
      bindings = [...b, f.consolidationDistanceM ?? 100, [...activeStatusesOf[f.scenario ?? 'current']], f.boundarySet, f.unitId, f.limit];
      break;
    case 'bts':
      sql = `SELECT hatang_layer_bts(${envelope}, ?::text[], ?::text[], ?::text[], ?::integer, ?::integer) AS fc`;
      bindings = [...b, list(f.operators), list(f.technologies), list(f.statuses), f.unitId, f.limit];
      break;
    case 'fiber':
      sql = `SELECT hatang_layer_fiber(${envelope}, ?::text[], ?::text[], ?::text[], ?::text[], ?::integer, ?::integer) AS fc`;
      bindings = [...b, list(f.operators), list(f.statuses), list(f.kinds), list(f.layings), f.unitId, f.limit];
      break;
    case 'hamlets':
      sql = `SELECT hatang_layer_hamlets(${envelope}, ?::integer, ?::integer, ?::text) AS fc`;
      bindings = [...b, f.unitId, f.limit, f.scenario ?? 'current'];
      break;
    case 'communes':
    case 'districts':
      sql = `SELECT hatang_layer_admin_units(?::text, ?::text, ${envelope}, ?::integer, ?::integer) AS fc`;
      bindings = [f.boundarySet, adminLevels[layer], ...b, f.unitId, f.limit];
      break;
    case 'coverage':
      sql = `SELECT hatang_layer_coverage(${envelope}, ?::text[], ?::text[], ?::integer, ?::text) AS fc`;
      bindings = [...b, list(f.operators), list(f.technologyGroups), f.limit, f.scenario ?? 'current'];
      break;
    case 'gaps':
      sql = `SELECT hatang_layer_gaps(${envelope}, ?::integer, ?::integer, ?::text) AS fc`;
      bindings = [...b, f.unitId, f.limit, f.scenario ?? 'current'];
      break;
  }
  const row = (await knex.raw(sql, bindings as Knex.RawBinding[])).rows[0] as { fc: string };
  return row.fc;
}
