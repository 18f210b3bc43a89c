import type { GeoJsonGeometry } from './geojson-to-wkt.js';

// KML 2.2 (OGC 07-147r2): one Placemark per record, its fields as
// ExtendedData/Data (untyped, so any reader shows them), coordinates lon,lat in
// WGS 84 degrees as the standard requires.

// Characters XML 1.0 does not allow at all: C0 controls but tab, LF and CR,
// lone surrogates (with the u flag a valid pair is one code point), U+FFFE/U+FFFF.
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/** Text or attribute content: escaped, and stripped of what no XML document may hold. */
export function xmlText(value: string): string {
  return value
    .replace(notXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Position = number[];
const coordinates = (ps: Position[]) => `<coordinates>${ps.map((p) => p.join(',')).join(' ')}</coordinates>`;
const point = (p: Position) => `<Point>${coordinates([p])}</Point>`;
const lineString = (ps: Position[]) => `<LineString><tessellate>1</tessellate>${coordinates(ps)}</LineString>`;
const ring = (ps: Position[]) => `<LinearRing>${coordinates(ps)}</LinearRing>`;
const polygon = (rings: Position[][]) =>
  `<Polygon><outerBoundaryIs>${ring(rings[0] ?? [])}</outerBoundaryIs>${rings
    .slice(1)
    .map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`)
    .join('')}</Polygon>`;

/** The KML geometry of a GeoJSON geometry; multi-part ones (even with one part) as MultiGeometry. */
export function kmlGeometry(g: GeoJsonGeometry): string {
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return point(c as Position);
    case 'LineString':
      return lineString(c as Position[]);
    case 'Polygon':
      return polygon(c as Position[][]);
    case 'MultiPoint':
      return `<MultiGeometry>${(c as Position[]).map(point).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${(c as Position[][]).map(lineString).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${(c as Position[][][]).map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${(g.geometries ?? []).map(kmlGeometry).join('')}</MultiGeometry>`;
    default:
      return '';
  }
}

export function kmlDocumentStart(name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${xmlText(name)}</name>\n`;
}

export const kmlDocumentEnd = '</Document>\n</kml>\n';

/** A Placemark named by the record's code, every field in ExtendedData (an empty value for a field without one). */
export function kmlPlacemark(name: string, fields: [string, unknown][], geometry: GeoJsonGeometry | null): string {
  const data = fields
    .map(([key, value]) => `<Data name="${xmlText(key)}"><value>${value === null || value === undefined ? '' : xmlText(typeof value === 'object' ? JSON.stringify(value) : String(value))}</value></Data>`)
    .join('');
  return `<Placemark><name>${xmlText(name)}</name><ExtendedData>${data}</ExtendedData>${geometry ? kmlGeometry(geometry) : ''}</Placemark>\n`;
}
