import type { Geometry } from 'geojson';
import { HttpProblem } from '../../http/http-problem.js';
import type { ImportRow, ImportTable } from '../import-table.js';
import { attributeText } from './cell-text.js';
import { checkedGeometry, geometryTypes } from './geometry-check.js';
import { jsonErrorPosition } from './json-error-position.js';
import type { ReaderInput } from './reader-input.js';
import { decodeText, sniffTextEncoding } from './text-encoding.js';

interface FeatureLike {
  properties: Record<string, unknown>;
  geometry: unknown;
}

/**
 * GeoJSON: a FeatureCollection, a Feature or a bare geometry. Properties are
 * the columns (in the order they first appear), features are rows numbered
 * from 1. A `crs` member (GeoJSON 2008, still written by QGIS and ogr2ogr for
 * data not in WGS 84) declares the SRID.
 */
export function readGeoJson(input: ReaderInput): ImportTable {
  const encoding = sniffTextEncoding(input.bytes);
  const text = decodeText(input.bytes, encoding);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'import-json-invalid', jsonErrorPosition(text));
  }
  const features = featuresOf(root);
  if (features.length === 0) throw new HttpProblem(400, 'import-no-rows', { file: input.fileName });
  if (features.length > input.limits.maxRows) throw new HttpProblem(413, 'import-too-many-rows', { max: input.limits.maxRows });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const feature of features) {
    for (const key of Object.keys(feature.properties)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const rows: ImportRow[] = features.map((feature, i) => ({
    rowNo: i + 1,
    cells: Object.fromEntries(columns.map((c) => [c, attributeText(feature.properties[c])])),
    geometry: geometryOf(feature.geometry, i + 1),
  }));
  const crsName = crsNameOf(root);
  return {
    format: 'geojson', columns, rows, sheets: null, sheet: null, encoding,
    declaredSrid: crsName === null ? null : sridFromCrsName(crsName),
    declaredCrsText: crsName,
  };
}

function typeOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const type = (value as { type?: unknown }).type;
    return typeof type === 'string' ? type.slice(0, 40) : '';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}

function featuresOf(root: unknown): FeatureLike[] {
  const type = typeOf(root);
  if (type === 'FeatureCollection') {
    const list = (root as { features?: unknown }).features;
    if (!Array.isArray(list)) throw new HttpProblem(400, 'import-geojson-not-geojson', { type });
    return list.map(featureOf);
  }
  if (type === 'Feature') return [featureOf(root)];
  if (geometryTypes.includes(type)) return [{ properties: {}, geometry: root }];
  throw new HttpProblem(400, 'import-geojson-not-geojson', { type });
}

function featureOf(value: unknown): FeatureLike {
  const type = typeOf(value);
  if (type !== 'Feature') throw new HttpProblem(400, 'import-geojson-not-geojson', { type });
  const { properties, geometry } = value as { properties?: unknown; geometry?: unknown };
  const props = typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? (properties as Record<string, unknown>) : {};
  return { properties: props, geometry: geometry ?? null };
}

function geometryOf(value: unknown, feature: number): Geometry | null {
  if (value === null) return null;
  const geometry = checkedGeometry(value);
  if (!geometry) throw new HttpProblem(400, 'import-geojson-bad-geometry', { feature, type: typeOf(value) || '?' });
  return geometry;
}

function crsNameOf(root: unknown): string | null {
  const crs = (root as { crs?: { properties?: { name?: unknown } } }).crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name.slice(0, 200) : null;
}

/**
 * `EPSG:3405`, `urn:ogc:def:crs:EPSG::3405`, `urn:ogc:def:crs:EPSG:6.6:3405`,
 * `http://www.opengis.net/def/crs/EPSG/0/3405`; OGC's CRS84 is WGS 84 in lon/lat order.
 */
export function sridFromCrsName(name: string): number | null {
  const text = name.trim();
  if (/^urn:ogc:def:crs:OGC:(1\.3)?:CRS84$/i.test(text) || /^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84$/i.test(text)) return 4326;
  const match = /^(?:urn:ogc:def:crs:)?EPSG:(?:[\d.]*:)?(\d{4,6})$/i.exec(text) ?? /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[^/]+\/(\d{4,6})$/i.exec(text);
  return match ? Number(match[1]) : null;
}
