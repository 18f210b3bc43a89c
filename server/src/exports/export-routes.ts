import { Router } from 'express';
import type { Knex } from 'knex';
import { HttpProblem } from '../http/http-problem.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { exportColumns } from './export-columns.js';
import { exportContentDisposition } from './export-file-name.js';
import { parseExportQuery } from './export-filter-params.js';
import { exportFormats, exportLayers, exportLayerTitles, isRegisterLayer, type ExportFormat, type ExportLayer } from './export-layers.js';
import { derivedRecords, geoProperties, registerRecords, type ExportRecord } from './export-records.js';
import { exportContentTypes, exportSink } from './export-sinks.js';
import { ExportAborted } from './export-stream.js';
import { isTableExport, serveTableExport, tableExports, type TableExportDeps } from './table-export-routes.js';

function splitExportPath(file: string): { name: string; format: string } {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) throw new HttpProblem(404, 'export-path', { file: file.slice(0, 80) });
  return { name: file.slice(0, dot), format: file.slice(dot + 1) };
}

function parseExportPath(layer: string, format: string): { layer: ExportLayer; format: ExportFormat } {
  if (!(exportLayers as readonly string[]).includes(layer)) {
    throw new HttpProblem(404, 'unknown-layer', { layer: layer.slice(0, 50), layers: [...exportLayers, ...tableExports].join(', ') });
  }
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new HttpProblem(404, 'export-unknown-format', { format: format.slice(0, 20), formats: exportFormats.join(', ') });
  }
  return { layer: layer as ExportLayer, format: format as ExportFormat };
}

/**
 * GET /api/exports/{layer}.{format}: a layer, whole or filtered as the map
 * filters it, as GeoJSON, CSV, XLSX or KML; and the tables of the plan's
 * indicators (table-export-routes.ts) as CSV or XLSX. Anyone who may read the
 * map may export it (the API's authentication in front decides, as for /api/layers).
 */
export function exportRoutes(knex: Knex, sharing: Pick<SharingSettings, 'consolidationDistanceM'>, tables: TableExportDeps): Router {
  const router = Router();
  router.get('/exports/:file', async (req, res) => {
    const path = splitExportPath(String(req.params.file));
    if (isTableExport(path.name)) return serveTableExport(knex, path.name, path.format, req, res, tables);
    const { layer, format } = parseExportPath(path.name, path.format);
    const query = await parseExportQuery(knex, req, layer, sharing.consolidationDistanceM);
    const wkt = format === 'csv' || format === 'xlsx';
    const title = exportLayerTitles[layer].vi;
    // Derived layers are built whole by their layer function before anything is sent, so
    // their errors are still problems; register layers stream page by page.
    const pages: AsyncIterable<ExportRecord[]> = isRegisterLayer(layer)
      ? registerRecords(knex, layer, query.filter, query.narrowed, wkt)
      : (async function* () {
          yield await derivedRecords(knex, layer, query.filter);
        })();
    const iterator = pages[Symbol.asyncIterator]();
    const first = await iterator.next();

    res.status(200);
    res.type(exportContentTypes[format]);
    res.set('Content-Disposition', exportContentDisposition(layer, title, format));
    res.set('Cache-Control', 'no-store');
    const sink = exportSink(format, {
      res,
      columns: wkt ? exportColumns(layer, query.lang) : [],
      title,
      properties: (r) => geoProperties(layer, r),
    });
    try {
      await sink.begin();
      if (!first.done && first.value.length) await sink.write(first.value);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) await sink.write(next.value);
      await sink.end();
    } catch (error) {
      if (error instanceof ExportAborted) {
        await iterator.return?.(undefined);
        return;
      }
      // Headers are out: the problem middleware passes the error on, and Express resets the connection.
      throw error;
    }
  });
  return router;
}
