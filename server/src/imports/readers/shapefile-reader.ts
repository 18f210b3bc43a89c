import type { Geometry } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { HttpProblem } from '../../http/http-problem.js';
import type { ImportRow, ImportTable } from '../import-table.js';
import { attributeText, cellText, numberText } from './cell-text.js';
import { checkedGeometry } from './geometry-check.js';
import { sridFromPrj } from './prj-srid.js';
import type { ReaderInput } from './reader-input.js';
import { sniffUnmarkedEncoding } from './text-encoding.js';
import { checkDeclaredSizes, isOwnEntry, listZipEntries, readZipEntry, type InflateBudget, type ZipEntry } from './zip-archive.js';

interface ShapefileLayer {
  /** The .shp's name without folders and extension, as users pick it (the `sheet` option). */
  name: string;
  /** Its path in the archive without extension: the .dbf, .prj and .cpg share it. */
  base: string;
}

/**
 * A zipped Shapefile, possibly in a sub-folder: the geometries as the .shp
 * stores them (shpjs is never given the .prj, so nothing is reprojected), the
 * attributes of the .dbf in the encoding its .cpg names (else UTF-8 or
 * Windows-1258 by content, ArcGIS's default on a Vietnamese Windows), and the
 * SRID its .prj describes. Rows are numbered from 1.
 */
export function readShapefile(input: ReaderInput): ImportTable {
  const entries = listZipEntries(input.bytes, input.fileName).filter(isOwnEntry);
  const byExtension = (base: string, extension: string) =>
    entries.find((e) => e.name.toLowerCase() === `${base}.${extension}`.toLowerCase());
  const layers = layersOf(entries);
  const layer = chosenLayer(layers, input);
  const shp = byExtension(layer.base, 'shp');
  const dbf = byExtension(layer.base, 'dbf');
  const missing = [shp ? null : '.shp', dbf ? null : '.dbf'].filter((m) => m !== null);
  if (!shp || !dbf) throw new HttpProblem(400, 'import-shapefile-missing', { layer: layer.name, missing: missing.join(', ') });
  const prj = byExtension(layer.base, 'prj');
  const cpg = byExtension(layer.base, 'cpg');
  const budget: InflateBudget = { fileName: input.fileName, maxExpandedBytes: input.limits.maxExpandedBytes, used: 0 };
  checkDeclaredSizes([shp, dbf, prj, cpg].filter((e) => e !== undefined), budget);
  const shpBytes = readZipEntry(input.bytes, shp, budget);
  const dbfBytes = readZipEntry(input.bytes, dbf, budget);
  const prjText = prj ? new TextDecoder('utf-8').decode(readZipEntry(input.bytes, prj, budget)).replace(/^\ufeff/, '').trim() : null;
  const cpgText = cpg ? new TextDecoder('utf-8').decode(readZipEntry(input.bytes, cpg, budget)).trim() : null;
  const encoding = cpgText ? encodingFromCpg(cpgText) : sniffUnmarkedEncoding(dbfBytes);

  let geometries: (Geometry | null)[];
  let records: Record<string, string | number | boolean | Date>[];
  try {
    geometries = parseShp(shpBytes);
    records = parseDbf(dbfBytes, encoding);
  } catch (error) {
    throw new HttpProblem(400, 'import-shapefile-unreadable', { layer: layer.name, reason: String((error as Error).message ?? error).slice(0, 160) });
  }
  if (geometries.length !== records.length) {
    throw new HttpProblem(400, 'import-shapefile-unreadable', {
      layer: layer.name, reason: `.shp: ${geometries.length}, .dbf: ${records.length}`,
    });
  }
  if (records.length === 0) throw new HttpProblem(400, 'import-no-rows', { file: input.fileName });
  if (records.length > input.limits.maxRows) throw new HttpProblem(413, 'import-too-many-rows', { max: input.limits.maxRows });
  const columns = Object.keys(records[0]!).map(cellText);
  const rows: ImportRow[] = records.map((record, i) => ({
    rowNo: i + 1,
    cells: Object.fromEntries(Object.values(record).map((value, k) => [columns[k]!, dbfValueText(value)])),
    geometry: geometryOf(geometries[i] ?? null, i + 1),
  }));
  return {
    format: 'shapefile', columns, rows,
    sheets: layers.map((l) => l.name), sheet: layer.name,
    encoding,
    declaredSrid: prjText ? sridFromPrj(prjText) : null,
    declaredCrsText: prjText ? prjText.slice(0, 4000) : null,
  };
}

function layersOf(entries: readonly ZipEntry[]): ShapefileLayer[] {
  const layer = (e: ZipEntry): ShapefileLayer => {
    const base = e.name.slice(0, -4);
    return { base, name: base.split('/').pop()! };
  };
  const shps = entries.filter((e) => e.name.toLowerCase().endsWith('.shp')).map(layer);
  if (shps.length) return shps;
  // No .shp: name the layer after its .dbf, so the answer can say what it lacks.
  return entries.filter((e) => e.name.toLowerCase().endsWith('.dbf')).map(layer);
}

function chosenLayer(layers: readonly ShapefileLayer[], input: ReaderInput): ShapefileLayer {
  const list = layers.map((l) => `"${l.name}"`).join(', ');
  if (layers.length === 0) throw new HttpProblem(400, 'import-shapefile-no-layer', { file: input.fileName });
  if (input.sheet !== null) {
    const wanted = input.sheet.toLowerCase();
    const found = layers.find((l) => l.name.toLowerCase() === wanted || l.base.toLowerCase() === wanted);
    if (!found) throw new HttpProblem(400, 'import-shapefile-unknown-layer', { layer: input.sheet, layers: list });
    return found;
  }
  if (layers.length > 1) throw new HttpProblem(400, 'import-shapefile-many-layers', { count: layers.length, layers: list });
  return layers[0]!;
}

/**
 * The .cpg names the DBF's code page as ArcGIS and GDAL write it: `UTF-8`,
 * `65001`, `1258`, `ANSI 1258`, `CP1258`, `windows-1258`… Answered as a
 * TextDecoder label (parsedbf decodes with TextDecoder).
 */
export function encodingFromCpg(cpg: string): string {
  const folded = cpg.trim().toLowerCase();
  const codePage = /^(?:ansi\s*|cp|windows-?)?(\d{3,5})$/.exec(folded)?.[1];
  const label = folded === 'utf8' || folded === 'utf-8' || codePage === '65001'
    ? 'utf-8'
    : codePage ? `windows-${codePage}` : folded;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new HttpProblem(400, 'import-dbf-encoding-unknown', { encoding: cpg.slice(0, 40) });
  }
}

function dbfValueText(value: string | number | boolean | Date): string {
  // parsedbf builds a date field's Date from its local-time parts: read them back the same way.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === 'number') return numberText(value);
  return attributeText(value);
}

function geometryOf(value: Geometry | null, record: number): Geometry | null {
  if (value === null) return null;
  const geometry = checkedGeometry(value);
  if (!geometry) throw new HttpProblem(400, 'import-geojson-bad-geometry', { feature: record, type: value.type });
  return geometry;
}
