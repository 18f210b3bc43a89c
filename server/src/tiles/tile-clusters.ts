import type { TileAddress } from './tile-address.js';
import { CLUSTER_CELLS_PER_SIDE, clusterBelowZoomOf, type TileLayerName } from './tile-layers.js';

export const isClusteredTile = (layer: TileLayerName, tile: TileAddress): boolean => tile.z < (clusterBelowZoomOf[layer] ?? 0);

/**
 * Grid clustering in tile space, around a layer's row function (`rows`: id,
 * geom in EPSG:3857, ord, props), for both tile paths. The tile is cut into
 * CLUSTER_CELLS_PER_SIDE² cells, aligned across tiles; each row falls in the
 * cell of its point (a polygon's point on surface). A cell with one row keeps
 * that row as it is; a cell with more becomes one point at the mean of its
 * rows' points, with no id and the properties point_count and representative
 * (the code of the row nearest that mean). Only rows inside the tile itself
 * count (not its buffer): a cluster is drawn by one tile, never by two.
 * Bindings: z, x, y, then the row function's.
 */
export function clusteredRowsSql(rows: string): string {
  const n = CLUSTER_CELLS_PER_SIDE;
  return `
    WITH e AS (SELECT ST_TileEnvelope(?::integer, ?::integer, ?::integer) AS b OFFSET 0),
    p AS (SELECT r.id, r.geom, r.ord, r.props, ST_PointOnSurface(r.geom) AS pt FROM ${rows} r OFFSET 0),
    c AS (
      SELECT p.*, ST_X(p.pt) AS px, ST_Y(p.pt) AS py,
             floor((ST_X(p.pt) - ST_XMin(e.b)) * ${n} / (ST_XMax(e.b) - ST_XMin(e.b)))::integer AS cx,
             floor((ST_YMax(e.b) - ST_Y(p.pt)) * ${n} / (ST_YMax(e.b) - ST_YMin(e.b)))::integer AS cy
        FROM p CROSS JOIN e
       WHERE ST_X(p.pt) >= ST_XMin(e.b) AND ST_X(p.pt) < ST_XMax(e.b) AND ST_Y(p.pt) > ST_YMin(e.b) AND ST_Y(p.pt) <= ST_YMax(e.b)),
    k AS (SELECT c.*, count(*) OVER w AS n, avg(c.px) OVER w AS mx, avg(c.py) OVER w AS my, min(c.ord) OVER w AS first_ord
            FROM c WINDOW w AS (PARTITION BY c.cx, c.cy)),
    m AS (SELECT k.*, row_number() OVER (PARTITION BY k.cx, k.cy ORDER BY (k.px - k.mx) ^ 2 + (k.py - k.my) ^ 2, k.ord) AS rank FROM k)
    SELECT m.id, m.geom, m.ord, m.props FROM m WHERE m.n = 1
    UNION ALL
    SELECT NULL::bigint, ST_SetSRID(ST_MakePoint(m.mx, m.my), 3857), m.first_ord,
           jsonb_build_object('point_count', m.n, 'representative', m.props -> 'code')
      FROM m WHERE m.n > 1 AND m.rank = 1`;
}
