import { z } from 'zod';
import {
  consolidationPropertiesSchema, coveragePropertiesSchema, gapPropertiesSchema, physicalSitePropertiesSchema,
} from '../contracts/layer-contracts.js';
import { importFields } from '../imports/import-fields.js';
import type { Language } from '../i18n/server-messages.js';
import { registerLayerCatalogue, type DerivedLayer, type ExportLayer } from './export-layers.js';
import type { ExportRecord } from './export-records.js';
import { exportValueLabel } from './export-value-labels.js';
import { geoJsonToWkt, type GeoJsonGeometry } from './geojson-to-wkt.js';

export type CellValue = string | number | boolean | null;

/** One column of a CSV or XLSX export. */
export interface ExportColumn {
  key: string;
  header: string;
  value(record: ExportRecord): CellValue;
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // Derived layers' lists (operators, technologies, site keys) read like the catalogue's lists.
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join('/');
  return JSON.stringify(value);
}

/**
 * A register layer's columns: the field catalogue's (`import-fields.ts`) in its
 * order, headed in Vietnamese (or English), enum values as Vietnamese labels.
 * The planar VN-2000 x/y columns are left out: positions go out as lon/lat
 * (WGS 84), or WKT for lines and polygons.
 */
function registerColumns(layer: ExportLayer, lang: Language): ExportColumn[] {
  const catalogue = registerLayerCatalogue[layer]!;
  return importFields[catalogue]
    .filter((f) => f.type !== 'planar')
    .map((f) => ({
      key: f.key,
      header: f[lang],
      value:
        f.key === 'lon' ? (r) => r.lon
        : f.key === 'lat' ? (r) => r.lat
        : f.key === 'wkt' ? (r) => r.geometry
        : f.type === 'enum' ? (r) => cell(exportValueLabel(f.key, r.properties[f.key]))
        : (r) => cell(r.properties[f.key]),
    }));
}

const derivedSchemas: Record<DerivedLayer, z.ZodObject> = {
  'shared-sites': physicalSitePropertiesSchema,
  coverage: coveragePropertiesSchema,
  gaps: gapPropertiesSchema,
  consolidation: consolidationPropertiesSchema,
};

/** A derived layer's columns: its layer properties as they are, then lon/lat (points) or WKT. */
function derivedColumns(layer: DerivedLayer): ExportColumn[] {
  const props: ExportColumn[] = Object.keys(derivedSchemas[layer].shape).map((key) => ({
    key,
    header: key,
    value: (r) => cell(r.properties[key]),
  }));
  if (layer === 'shared-sites') {
    return [...props, { key: 'lon', header: 'lon', value: (r) => r.lon }, { key: 'lat', header: 'lat', value: (r) => r.lat }];
  }
  return [...props, { key: 'wkt', header: 'wkt', value: (r) => (r.geometry ? geoJsonToWkt(JSON.parse(r.geometry) as GeoJsonGeometry) : null) }];
}

export function exportColumns(layer: ExportLayer, lang: Language): ExportColumn[] {
  return registerLayerCatalogue[layer] ? registerColumns(layer, lang) : derivedColumns(layer as DerivedLayer);
}
