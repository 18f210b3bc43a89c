/**
 * GeoJSON geometry → WKT, for the derived layers, whose map layer gives
 * GeoJSON only (register layers take their WKT from ST_AsText). Coordinates are
 * written as they come (the layers round them to 6–7 decimals).
 */
export interface GeoJsonGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: GeoJsonGeometry[];
}

type Position = number[];

const position = (p: Position) => p.map(String).join(' ');
const line = (ps: Position[]) => `(${ps.map(position).join(',')})`;
const polygon = (rings: Position[][]) => `(${rings.map(line).join(',')})`;

export function geoJsonToWkt(g: GeoJsonGeometry): string {
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return `POINT(${position(c as Position)})`;
    case 'MultiPoint':
      return `MULTIPOINT(${(c as Position[]).map((p) => `(${position(p)})`).join(',')})`;
    case 'LineString':
      return `LINESTRING${line(c as Position[])}`;
    case 'MultiLineString':
      return `MULTILINESTRING(${(c as Position[][]).map(line).join(',')})`;
    case 'Polygon':
      return `POLYGON${polygon(c as Position[][])}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON(${(c as Position[][][]).map(polygon).join(',')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION(${(g.geometries ?? []).map(geoJsonToWkt).join(',')})`;
    default:
      throw new Error(`not a GeoJSON geometry type: ${g.type}`);
  }
}
