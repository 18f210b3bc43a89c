import type { Geometry } from 'geojson';
import type { ImportFormat } from '../contracts/import-contracts.js';

/**
 * What every file reader yields, whatever the format: named columns, one row
 * per record with its cells as text (as the user typed them: a number keeps its
 * decimal comma, a DMS angle its symbols) and, for GIS formats, its geometry
 * in the coordinates of the file.
 */
export interface ImportRow {
  /** As the user sees it: a spreadsheet's or CSV's header is row 1, so the first record is row 2; GIS features count from 1. */
  rowNo: number;
  cells: Record<string, string>;
  geometry: Geometry | null;
}

export interface ImportTable {
  format: ImportFormat;
  columns: string[];
  rows: ImportRow[];
  /** XLSX: every sheet's name, and the one read. */
  sheets: string[] | null;
  sheet: string | null;
  /** CSV and DBF: the encoding the text was decoded from (`utf-8`, `utf-8-bom`, `windows-1258`, …). */
  encoding: string | null;
  /** The SRID the file declares (a shapefile's .prj, an old GeoJSON `crs` member; KML is always 4326), or null. */
  declaredSrid: number | null;
  /** The declaration as written (the .prj text), for the report. */
  declaredCrsText: string | null;
}

/** Limits that keep a hostile or mistaken file from exhausting the server. */
export interface ImportLimits {
  /** Largest upload, bytes. */
  maxFileBytes: number;
  /** Largest total of the files a zip (KMZ, zipped shapefile, XLSX) expands to, bytes. */
  maxExpandedBytes: number;
  maxRows: number;
}
