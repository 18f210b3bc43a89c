import type { Geometry, Position } from 'geojson';

/**
 * A GeoJSON geometry checked for what PostGIS will refuse (or the row parser
 * cannot use) and made 2D: heights (KML's altitude, a third GeoJSON
 * coordinate) are not kept by any layer. Null when the shape is not valid.
 */
export function checkedGeometry(value: unknown, depth = 0): Geometry | null {
  if (typeof value !== 'object' || value === null || depth > 3) return null;
  const g = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (g.type) {
    case 'Point': {
      const p = position(g.coordinates);
      return p && { type: 'Point', coordinates: p };
    }
    case 'MultiPoint': {
      const ps = positions(g.coordinates, 1);
      return ps && { type: 'MultiPoint', coordinates: ps };
    }
    case 'LineString': {
      const ps = positions(g.coordinates, 2);
      return ps && { type: 'LineString', coordinates: ps };
    }
    case 'MultiLineString': {
      const lines = list(g.coordinates, (l) => positions(l, 2));
      return lines && { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon': {
      const rings = polygon(g.coordinates);
      return rings && { type: 'Polygon', coordinates: rings };
    }
    case 'MultiPolygon': {
      const polygons = list(g.coordinates, polygon);
      return polygons && { type: 'MultiPolygon', coordinates: polygons };
    }
    case 'GeometryCollection': {
      const members = list(g.geometries, (m) => checkedGeometry(m, depth + 1), 0);
      return members && { type: 'GeometryCollection', geometries: members };
    }
    default:
      return null;
  }
}

export const geometryTypes = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

function position(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [x, y] = value as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

function positions(value: unknown, min: number): Position[] | null {
  return list(value, position, min);
}

function polygon(value: unknown): Position[][] | null {
  return list(value, (ring) => {
    const ps = positions(ring, 4);
    if (!ps) return null;
    const first = ps[0]!;
    const last = ps[ps.length - 1]!;
    return first[0] === last[0] && first[1] === last[1] ? ps : null;
  });
}

function list<T>(value: unknown, item: (v: unknown) => T | null, min = 1): T[] | null {
  if (!Array.isArray(value) || value.length < min) return null;
  const out: T[] = [];
  for (const v of value) {
    const checked = item(v);
    if (checked === null) return null;
    out.push(checked);
  }
  return out;
}
