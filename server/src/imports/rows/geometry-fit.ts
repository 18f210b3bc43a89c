import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

export type GeometryKind = 'Point' | 'Line' | 'Polygon';

/**
 * A file's (or WKT cell's) geometry in the form the tables store, normalised
 * here rather than in SQL so that the dry run's preview shows what is written:
 * a one-point MultiPoint is a Point, a LineString a MultiLineString, a Polygon
 * a MultiPolygon, and a GeometryCollection (KML's MultiGeometry) of lines or
 * of polygons the one multi-geometry. Anything else answers its kind's name
 * for the "wrong kind" problem.
 */
export function fitGeometry(
  geometry: Geometry,
  kinds: readonly GeometryKind[],
): { kind: GeometryKind; geometry: Point | MultiLineString | MultiPolygon } | { wrongKind: string } {
  switch (geometry.type) {
    case 'Point':
      return kinds.includes('Point') ? { kind: 'Point', geometry } : { wrongKind: 'Point' };
    case 'MultiPoint':
      return kinds.includes('Point') && geometry.coordinates.length === 1
        ? { kind: 'Point', geometry: { type: 'Point', coordinates: geometry.coordinates[0]! } }
        : { wrongKind: 'MultiPoint' };
    case 'LineString':
    case 'MultiLineString':
      return kinds.includes('Line') ? { kind: 'Line', geometry: multiLine([geometry]) } : { wrongKind: geometry.type };
    case 'Polygon':
    case 'MultiPolygon':
      return kinds.includes('Polygon') ? { kind: 'Polygon', geometry: multiPolygon([geometry]) } : { wrongKind: geometry.type };
    case 'GeometryCollection': {
      const parts = geometry.geometries;
      if (parts.length > 0 && kinds.includes('Line') && parts.every((g) => g.type === 'LineString' || g.type === 'MultiLineString')) {
        return { kind: 'Line', geometry: multiLine(parts as (LineString | MultiLineString)[]) };
      }
      if (parts.length > 0 && kinds.includes('Polygon') && parts.every((g) => g.type === 'Polygon' || g.type === 'MultiPolygon')) {
        return { kind: 'Polygon', geometry: multiPolygon(parts as (Polygon | MultiPolygon)[]) };
      }
      return { wrongKind: 'GeometryCollection' };
    }
  }
}

function multiLine(parts: (LineString | MultiLineString)[]): MultiLineString {
  return { type: 'MultiLineString', coordinates: parts.flatMap((g) => (g.type === 'LineString' ? [g.coordinates] : g.coordinates)) };
}

function multiPolygon(parts: (Polygon | MultiPolygon)[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) };
}

/** Every position of a fitted geometry, for range checks. */
export function everyPosition(geometry: Point | MultiLineString | MultiPolygon, test: (p: Position) => boolean): boolean {
  switch (geometry.type) {
    case 'Point':
      return test(geometry.coordinates);
    case 'MultiLineString':
      return geometry.coordinates.every((l) => l.every(test));
    case 'MultiPolygon':
      return geometry.coordinates.every((p) => p.every((r) => r.every(test)));
  }
}

/** The first position of any geometry (to judge whether a file is in degrees or metres), or null when it has none. */
export function firstPosition(geometry: Geometry): Position | null {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates[0] ?? null;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return geometry.coordinates[0]?.[0]?.[0] ?? null;
    case 'GeometryCollection':
      for (const g of geometry.geometries) {
        const p = firstPosition(g);
        if (p) return p;
      }
      return null;
  }
}
