import type { Response } from 'express';
import ExcelJS from 'exceljs';
import type { ExportColumn } from './export-columns.js';
import type { ExportFormat } from './export-layers.js';
import type { ExportRecord } from './export-records.js';
import { csvBom, csvLine } from './csv-export-writer.js';
import { flushOut, writeOut } from './export-stream.js';
import type { GeoJsonGeometry } from './geojson-to-wkt.js';
import { kmlDocumentEnd, kmlDocumentStart, kmlPlacemark } from './kml-export-writer.js';

/** What the sinks need to know of the export. */
export interface ExportSinkContext {
  res: Response;
  /** CSV/XLSX: the columns; GeoJSON/KML: ignored. */
  columns: ExportColumn[];
  /** The XLSX sheet and KML document name, in Vietnamese. */
  title: string;
  /** GeoJSON and KML properties of a record: canonical keys and values. */
  properties(record: ExportRecord): Record<string, unknown>;
}

/** Turns pages of records into the response body of one format, as they come. */
export interface ExportSink {
  begin(): Promise<void>;
  write(records: ExportRecord[]): Promise<void>;
  end(): Promise<void>;
}

export const exportContentTypes: Record<ExportFormat, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
};

function csvSink(c: ExportSinkContext): ExportSink {
  return {
    begin: () => writeOut(c.res, csvBom + csvLine(c.columns.map((col) => col.header))),
    write: (records) => writeOut(c.res, records.map((r) => csvLine(c.columns.map((col) => col.value(r)))).join('')),
    end: async () => {
      c.res.end();
    },
  };
}

/** RFC 7946: WGS 84 lon/lat, no crs member; the features stream out one page at a time. */
function geoJsonSink(c: ExportSinkContext): ExportSink {
  let first = true;
  return {
    begin: () => writeOut(c.res, '{"type":"FeatureCollection","features":[\n'),
    write: async (records) => {
      const text = records
        .map((r) => `{"type":"Feature","id":${JSON.stringify(r.key)},"geometry":${r.geometry ?? 'null'},"properties":${JSON.stringify(c.properties(r))}}`)
        .join(',\n');
      await writeOut(c.res, (first ? '' : ',\n') + text);
      if (first) flushOut(c.res);
      first = false;
    },
    end: async () => {
      await writeOut(c.res, '\n]}\n');
      c.res.end();
    },
  };
}

function kmlSink(c: ExportSinkContext): ExportSink {
  let first = true;
  return {
    begin: () => writeOut(c.res, kmlDocumentStart(c.title)),
    write: async (records) => {
      const text = records
        .map((r) => kmlPlacemark(r.key, Object.entries(c.properties(r)), r.geometry ? (JSON.parse(r.geometry) as GeoJsonGeometry) : null))
        .join('');
      await writeOut(c.res, text);
      if (first) flushOut(c.res);
      first = false;
    },
    end: async () => {
      await writeOut(c.res, kmlDocumentEnd);
      c.res.end();
    },
  };
}

/** exceljs's streaming writer: rows are zipped out as they are committed; one sheet, bold frozen header, numbers as numbers. */
function xlsxSink(c: ExportSinkContext): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: c.res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(c.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  return {
    begin: async () => {
      sheet.columns = c.columns.map((col) => ({ key: col.key, width: Math.min(40, Math.max(10, col.header.length + 2)) }));
      const header = sheet.addRow(c.columns.map((col) => col.header));
      header.font = { bold: true };
      header.commit();
    },
    write: async (records) => {
      for (const r of records) sheet.addRow(c.columns.map((col) => col.value(r))).commit();
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function exportSink(format: ExportFormat, context: ExportSinkContext): ExportSink {
  switch (format) {
    case 'csv':
      return csvSink(context);
    case 'geojson':
      return geoJsonSink(context);
    case 'kml':
      return kmlSink(context);
    case 'xlsx':
      return xlsxSink(context);
  }
}
