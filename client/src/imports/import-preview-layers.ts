import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { ImportChangeKind } from '../../../server/src/contracts/import-contracts.js';
import type { Bbox } from '../map/geometry-measures.js';
import { whenStyleReady } from '../map/when-style-ready.js';

// The dry run's preview on the main map, in a temporary source and layers of
// its own (added when the import panel shows a report, removed when it closes):
// what each valid row becomes, coloured by what the commit would do.

export const importPreviewSourceId = 'import-preview';
/** Layer ids the browser test queries. */
export const importPreviewLayerIds = { fill: 'import-preview-fill', line: 'import-preview-line', halo: 'import-preview-halo', points: 'import-preview-points' } as const;

/** Insert green, update amber, unchanged grey (the report's counts use the same). */
export const importChangeColours: Record<ImportChangeKind, string> = { insert: '#16a34a', update: '#d97706', unchanged: '#94a3b8' };

const colourByChange = ['match', ['get', 'change'], 'insert', importChangeColours.insert, 'update', importChangeColours.update, importChangeColours.unchanged] as unknown as string;

export interface PreviewCollection {
  type: 'FeatureCollection';
  features: readonly unknown[];
}

const emptyCollection: PreviewCollection = { type: 'FeatureCollection', features: [] };


export class ImportPreviewOnMap {
  private ready = false;
  private pending: PreviewCollection = emptyCollection;
  private readonly stopWaiting: () => void;

  constructor(private readonly map: MaplibreMap) {
    this.stopWaiting = whenStyleReady(map, () => {
      map.addSource(importPreviewSourceId, { type: 'geojson', data: emptyCollection as Parameters<GeoJSONSource['setData']>[0] });
      const polygons = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
      const lines = ['match', ['geometry-type'], ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'], true, false];
      const points = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
      map.addLayer({ id: importPreviewLayerIds.fill, type: 'fill', source: importPreviewSourceId, filter: polygons as never, paint: { 'fill-color': colourByChange, 'fill-opacity': 0.25 } });
      map.addLayer({
        id: importPreviewLayerIds.line,
        type: 'line',
        source: importPreviewSourceId,
        filter: lines as never,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': colourByChange, 'line-width': 3 },
      });
      // A wide pale ring first: the previewed points stand out among the register's own.
      map.addLayer({
        id: importPreviewLayerIds.halo,
        type: 'circle',
        source: importPreviewSourceId,
        filter: points as never,
        paint: { 'circle-color': colourByChange, 'circle-opacity': 0.28, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 11, 14, 16] },
      });
      map.addLayer({
        id: importPreviewLayerIds.points,
        type: 'circle',
        source: importPreviewSourceId,
        filter: points as never,
        paint: { 'circle-color': colourByChange, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5.5, 14, 9], 'circle-stroke-color': '#0f172a', 'circle-stroke-width': 1.5 },
      });
      this.ready = true;
      this.set(this.pending);
    });
  }

  set(collection: PreviewCollection | null): void {
    this.pending = collection ?? emptyCollection;
    if (!this.ready) return;
    this.map.getSource<GeoJSONSource>(importPreviewSourceId)?.setData(this.pending as Parameters<GeoJSONSource['setData']>[0]);
  }

  remove(): void {
    this.stopWaiting();
    if (!this.ready) return;
    for (const id of [importPreviewLayerIds.points, importPreviewLayerIds.halo, importPreviewLayerIds.line, importPreviewLayerIds.fill]) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.map.getSource(importPreviewSourceId)) this.map.removeSource(importPreviewSourceId);
  }
}

/** Fits the preview's bbox, keeping it clear of the panel over the map's left part (`leftPx` from the map's left edge); a single row shows at street scale. */
export function fitImportPreview(map: MaplibreMap, [minLon, minLat, maxLon, maxLat]: Bbox, leftPx: number): void {
  const width = map.getContainer().clientWidth;
  // A map too narrow for the panel and the data side by side: the data may pass under the panel.
  const left = Math.min(Math.max(40, leftPx), Math.max(40, width - 240));
  map.fitBounds([minLon, minLat, maxLon, maxLat], { padding: { top: 56, bottom: 40, left, right: 56 }, maxZoom: 15, duration: 600 });
}
