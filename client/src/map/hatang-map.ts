import {
  Map as MaplibreMap,
  NavigationControl,
  ScaleControl,
  prewarm,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type PointLike,
  type VectorTileSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, LayerName, Operator } from '../domain/contract-types.js';
import type { MapToggle, SelectableLayer } from '../domain/enum-values.js';
import type { MapCamera, Selection } from '../url/view-state.js';
import { AreaLabels } from './area-labels.js';
import { ClusterLabels } from './cluster-labels.js';
import { verdictPaint, type VerdictOverride } from './coverage-layers.js';
import { registerGapHatch } from './gap-hatch-pattern.js';
import { registerInferredRing } from './shared-site-layers.js';
import type { Bbox } from './geometry-measures.js';
import { clusterLayerIds, type ClusteredLayer } from './cluster-layers.js';
import {
  clickableLayers,
  hiddenLayerIds,
  mapLayerIds,
  mapLayersByToggle,
  measurementSourceId,
  whatIfBtsSourceId,
  whatIfFootprintSourceId,
} from './layer-ids.js';
import { tileLayerNames, type TileLayerName } from './tile-sources.js';
import { buildMapStyle } from './map-style.js';
import { exposeMap, markReady } from './map-test-hooks.js';
import { measurementSelectionFilter } from './measurement-layers.js';
import { codeFilter, gapSelectionFilter, selectionAreaIds } from './selection-layers.js';
import { changedHamletsFilter } from './what-if-layers.js';
import { consolidationGroupFilter } from './consolidation-layers.js';

// The worker is shipped as a file of our own build, served from our origin, and
// started at once so it is ready when the first data arrive.
setWorkerUrl(workerUrl);
prewarm();

/** What the what-if tool draws: the server's footprints, the points where the hypothetical BTS were placed, the hamlets they change. */
export interface WhatIfOverlay {
  footprints: { type: 'FeatureCollection'; features: unknown[] };
  points: { type: 'FeatureCollection'; features: unknown[] };
  changedHamlets: readonly string[];
}

export interface MapUiStrings {
  zoomIn: string;
  zoomOut: string;
  resetBearing: string;
}

export interface HatangMapOptions {
  container: HTMLElement;
  operators: readonly Operator[];
  /** Camera from the URL, else the province extent. */
  camera: MapCamera | null;
  extent: Bbox | null;
  visibleLayers: readonly MapToggle[];
  /** GeoJSON layers whose data must be on the map before the app counts as ready (tile layers are waited for by the first idle). */
  initialLayers: readonly LayerName[];
  /** Tile URL templates of the tile layers under the current filters (tile-sources.ts). */
  tileUrls: Record<TileLayerName, string>;
  strings: MapUiStrings;
  /** A click on a feature (or on nothing: null), with a box of a few pixels around the click. */
  onSelect: (selection: Selection | null, near: Bbox | null) => void;
  /** A click while placing a hypothetical BTS (instead of a selection). */
  onPlace: (lon: number, lat: number) => void;
  onCameraChange: (camera: MapCamera) => void;
  onHoverText: (feature: MapGeoJSONFeature | null, layer: SelectableLayer | null) => string | null;
  /** The text over a cluster of `count` points of a layer. */
  clusterText: (layer: ClusteredLayer, count: number) => string;
  /** A cluster's label: its number of points in the page's language (vi: 1.234). */
  formatCount: (count: number) => string;
}

/** Half the side of the box around a click in which the selected feature is looked up (px; more than any click tolerance). */
const clickBoxPx = 12;

/** Cluster layers, the top-most drawn first (the order of the style). */
const clusterHitOrder: readonly ClusteredLayer[] = ['sites', 'bts', 'shared-sites', 'hamlets'];

/** Padding that keeps fitted features clear of the map's own controls. */
const fitPadding = { top: 48, bottom: 40, left: 40, right: 56 };

/** Imperative owner of the MapLibre map: sources, visibility, selection, camera. */
export class HatangMap {
  readonly map: MaplibreMap;
  private readonly districtLabels: AreaLabels;
  private readonly communeLabels: AreaLabels;
  private readonly clusterLabels: ClusterLabels;
  private readonly pendingData = new Map<string, unknown>();
  private readonly initialPending: Set<LayerName>;
  private readonly tooltip: HTMLDivElement;
  private styleLoaded = false;
  private readyMarked = false;
  private readonly resizeObserver: ResizeObserver;
  private knownWidth: number;
  private placing = false;
  private readonly tileUrls: Record<TileLayerName, string>;

  constructor(private readonly options: HatangMapOptions) {
    const { container, camera, extent } = options;
    this.tileUrls = { ...options.tileUrls };
    // Hidden at start: layers of toggles that are off (their tiles are not loaded) and the what-if outline until it has hamlets.
    const hidden = hiddenLayerIds(options.visibleLayers);
    hidden.add(mapLayerIds.whatIfChangedHamlets);
    this.map = new MaplibreMap({
      container,
      style: buildMapStyle(options.operators, this.tileUrls, hidden),
      ...(camera
        ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom }
        : extent
          ? { bounds: extent, fitBoundsOptions: { padding: fitPadding } }
          : { center: [106.3, 10.4] as [number, number], zoom: 9 }),
      minZoom: 4,
      maxZoom: 18,
      maxPitch: 0,
      fadeDuration: 0,
      dragRotate: false,
      attributionControl: false,
      locale: {
        'NavigationControl.ZoomIn': options.strings.zoomIn,
        'NavigationControl.ZoomOut': options.strings.zoomOut,
        'NavigationControl.ResetBearing': options.strings.resetBearing,
      },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    exposeMap(this.map);

    // From z7: further out (a whole country, minZoom 4) the names of hundreds of districts pile up into one smudge.
    // Commune names keep clear of the district names, which rank above them.
    this.districtLabels = new AreaLabels(this.map, 'map-labels--districts', 'districts', mapLayerIds.districtsLabelPoints, 7, 13, {
      onChange: () => this.communeLabels?.declutter(),
    });
    this.communeLabels = new AreaLabels(this.map, 'map-labels--communes', 'communes', mapLayerIds.communesLabelPoints, 10, 99, {
      below: () => this.districtLabels.shownBoxes(),
    });
    this.clusterLabels = new ClusterLabels(this.map, (count) => options.formatCount(count));
    this.initialPending = new Set(options.initialLayers);

    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tooltip';
    this.tooltip.hidden = true;
    container.appendChild(this.tooltip);

    this.map.on('load', () => {
      registerGapHatch(this.map);
      registerInferredRing(this.map);
      this.styleLoaded = true;
      for (const [source, data] of this.pendingData) this.applySourceData(source, data);
      this.pendingData.clear();
      this.setVisibleLayers(options.visibleLayers);
      this.maybeMarkReady();
    });
    const reportCamera = () => {
      const center = this.map.getCenter();
      options.onCameraChange({ lon: center.lng, lat: center.lat, zoom: this.map.getZoom() });
    };
    this.map.on('moveend', reportCamera);
    this.map.once('load', reportCamera);
    this.map.on('click', (event) => {
      if (this.placing) {
        options.onPlace(event.lngLat.lng, event.lngLat.lat);
        return;
      }
      const cluster = this.clusterAt(event.point);
      if (cluster) {
        // Two zoom levels in, centred on the cluster: its members split into smaller clusters or points.
        this.map.easeTo({ center: cluster.at, zoom: Math.min(this.map.getZoom() + 2, 18), duration: 500 });
        return;
      }
      const hit = this.featureAt(event.point);
      const sw = this.map.unproject([event.point.x - clickBoxPx, event.point.y + clickBoxPx]);
      const ne = this.map.unproject([event.point.x + clickBoxPx, event.point.y - clickBoxPx]);
      options.onSelect(hit ? { layer: hit.layer, code: hit.code } : null, [sw.lng, sw.lat, ne.lng, ne.lat]);
    });
    // When the inspector opens or closes, the map's right edge moves: keep what
    // is on screen where it was (relative to the left edge) instead of re-centring.
    this.knownWidth = container.clientWidth;
    this.resizeObserver = new ResizeObserver(() => {
      const width = container.clientWidth;
      const shrunkBy = this.knownWidth - width;
      this.knownWidth = width;
      if (shrunkBy === 0 || width === 0) return;
      this.map.resize();
      this.map.panBy([-shrunkBy / 2, 0], { duration: 0 });
    });
    this.resizeObserver.observe(container);
    this.map.on('mousemove', (event) => this.hover(event.point, event.originalEvent));
    this.map.on('mouseout', () => this.hover(null, null));
  }

  /** The top-most visible cluster under a pixel (within its circle), or null. */
  clusterAt(point: { x: number; y: number }): { layer: ClusteredLayer; count: number; at: [number, number] } | null {
    if (!this.styleLoaded) return null;
    for (const layer of clusterHitOrder) {
      const id = clusterLayerIds[layer];
      if (this.map.getLayoutProperty(id, 'visibility') === 'none') continue;
      const feature = nearest(this.map.queryRenderedFeatures([point.x, point.y], { layers: [id] }), point, this.map);
      if (!feature || feature.geometry.type !== 'Point') continue;
      return { layer, count: Number(feature.properties.point_count), at: feature.geometry.coordinates as [number, number] };
    }
    return null;
  }

  /** The top-most clickable feature near a pixel, by layer priority (sites first, districts last). */
  featureAt(point: { x: number; y: number }): { feature: MapGeoJSONFeature; layer: SelectableLayer; code: string } | null {
    if (!this.styleLoaded) return null;
    for (const candidate of clickableLayers) {
      if (!this.map.getLayer(candidate.id) || this.map.getLayoutProperty(candidate.id, 'visibility') === 'none') continue;
      const t = candidate.tolerancePx;
      const where: PointLike | [PointLike, PointLike] =
        t === 0
          ? [point.x, point.y]
          : [
              [point.x - t, point.y - t],
              [point.x + t, point.y + t],
            ];
      const features = this.map.queryRenderedFeatures(where, { layers: [candidate.id] });
      const feature = nearest(features, point, this.map);
      if (!feature) continue;
      const properties = feature.properties as Record<string, unknown>;
      const code = candidate.codeOf ? candidate.codeOf(properties) : properties.code === undefined ? null : String(properties.code);
      if (code !== null) return { feature, layer: candidate.layer, code };
    }
    return null;
  }

  private hover(point: { x: number; y: number } | null, event: MouseEvent | null): void {
    if (this.placing) {
      this.map.getCanvas().style.cursor = 'crosshair';
      this.tooltip.hidden = true;
      return;
    }
    const cluster = point ? this.clusterAt(point) : null;
    const hit = point && !cluster ? this.featureAt(point) : null;
    this.map.getCanvas().style.cursor = hit || cluster ? 'pointer' : '';
    const text = cluster
      ? this.options.clusterText(cluster.layer, cluster.count)
      : hit && hit.layer !== 'communes' && hit.layer !== 'districts'
        ? this.options.onHoverText(hit.feature, hit.layer)
        : null;
    if (!text || !point || !event) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    this.tooltip.style.transform = `translate(${Math.round(point.x + 14)}px, ${Math.round(point.y + 14)}px)`;
  }

  setLayerData<L extends LayerName>(layer: L, data: FeatureCollection<unknown>): void {
    this.setSourceData(layer, data);
    if (this.initialPending.delete(layer)) this.maybeMarkReady();
  }

  /**
   * Points the tile sources at new URLs (filters, scenario or revision changed):
   * MapLibre drops the tiles of the old URL and loads the new ones; the old
   * tiles stay drawn until then.
   */
  setTileUrls(urls: Record<TileLayerName, string>): void {
    for (const layer of tileLayerNames) {
      if (urls[layer] === this.tileUrls[layer]) continue;
      this.tileUrls[layer] = urls[layer];
      this.map.getSource<VectorTileSource>(layer)?.setTiles([urls[layer]]);
    }
  }

  /** The field measurements shown (an empty collection clears them). */
  setMeasurements(data: FeatureCollection<unknown> | null): void {
    this.setSourceData(measurementSourceId, data ?? { type: 'FeatureCollection', features: [] });
  }

  private setSourceData(source: string, data: unknown): void {
    if (this.styleLoaded) this.applySourceData(source, data);
    else this.pendingData.set(source, data);
  }

  private applySourceData(source: string, data: unknown): void {
    // Tile layers have vector sources: their data come from the tiles, never from here.
    const target = this.map.getSource(source);
    if (target?.type === 'geojson') (target as GeoJSONSource).setData(data as Parameters<GeoJSONSource['setData']>[0]);
  }

  /** Ready = style loaded, every initial layer's data handed to the map, then the next idle. */
  private maybeMarkReady(): void {
    if (this.readyMarked || !this.styleLoaded || this.initialPending.size > 0) return;
    this.readyMarked = true;
    this.map.once('idle', () => markReady());
    this.map.triggerRepaint();
  }

  /** Also marks ready when an initial layer failed: the app is then usable, showing the error. */
  giveUpWaitingFor(layer: LayerName): void {
    if (this.initialPending.delete(layer)) this.maybeMarkReady();
  }

  setVisibleLayers(visible: readonly MapToggle[]): void {
    if (!this.styleLoaded) return;
    const shown = new Set<string>();
    for (const toggle of visible) for (const id of mapLayersByToggle[toggle]) shown.add(id);
    for (const ids of Object.values(mapLayersByToggle)) {
      for (const id of ids) {
        const visibility = shown.has(id) ? 'visible' : 'none';
        if (this.map.getLayoutProperty(id, 'visibility') !== visibility) this.map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
    this.districtLabels.setShown(visible.includes('districts'));
    this.communeLabels.setShown(visible.includes('communes'));
    // A cluster layer switched off takes its labels with it at once; one switched on is labelled when its tiles are drawn.
    this.clusterLabels.refresh();
  }

  setSelection(selection: Selection | null): void {
    if (!this.styleLoaded) {
      this.map.once('load', () => this.setSelection(selection));
      return;
    }
    const codeFor = (layers: SelectableLayer[]): string | null => (selection && layers.includes(selection.layer) ? selection.code : null);
    this.map.setFilter(mapLayerIds.selectionSite, codeFilter(codeFor(['sites', 'shared-sites'])));
    this.map.setFilter(mapLayerIds.selectionBts, codeFilter(codeFor(['bts'])));
    this.map.setFilter(mapLayerIds.selectionFiber, codeFilter(codeFor(['fiber'])));
    this.map.setFilter(selectionAreaIds.hamlets, codeFilter(codeFor(['hamlets'])));
    this.map.setFilter(mapLayerIds.selectionGaps, gapSelectionFilter(codeFor(['gaps'])));
    this.map.setFilter(selectionAreaIds.communes, codeFilter(codeFor(['communes'])));
    this.map.setFilter(selectionAreaIds.districts, codeFilter(codeFor(['districts'])));
    this.map.setFilter(mapLayerIds.selectionMeasurements, measurementSelectionFilter(codeFor(['measurements'])));
  }

  /** Outlines the unit the filters are limited to (the code may be a district's or a commune's). */
  setUnitFocus(code: string | null): void {
    if (!this.styleLoaded) {
      this.map.once('load', () => this.setUnitFocus(code));
      return;
    }
    this.map.setFilter(mapLayerIds.unitFocusDistricts, codeFilter(code));
    this.map.setFilter(mapLayerIds.unitFocusCommunes, codeFilter(code));
  }

  /** Rings the consolidation group chosen in the sharing panel (its number); null rings none. */
  setConsolidationGroup(group: number | null): void {
    if (!this.styleLoaded) {
      this.map.once('load', () => this.setConsolidationGroup(group));
      return;
    }
    this.map.setFilter(mapLayerIds.consolidationHighlight, consolidationGroupFilter(group));
  }

  /**
   * The hamlets are coloured by the verdict their tiles carry (the coverage
   * choice is in the tile URL); `overrides` recolour a few of them (the what-if
   * tool's hamlets after its hypothetical BTS).
   */
  setVerdictOverrides(overrides: readonly VerdictOverride[]): void {
    if (!this.styleLoaded) {
      this.map.once('load', () => this.setVerdictOverrides(overrides));
      return;
    }
    this.map.setPaintProperty(mapLayerIds.hamletVerdictsFill, 'fill-color', verdictPaint(overrides));
  }

  /** Draws the what-if footprints, the placed hypothetical BTS and the outline of the hamlets they change (empty clears). */
  setWhatIf(overlay: WhatIfOverlay): void {
    if (!this.styleLoaded) {
      this.map.once('load', () => this.setWhatIf(overlay));
      return;
    }
    this.setSourceData(whatIfFootprintSourceId, overlay.footprints);
    this.setSourceData(whatIfBtsSourceId, overlay.points);
    this.map.setFilter(mapLayerIds.whatIfChangedHamlets, changedHamletsFilter(overlay.changedHamlets));
    // Hidden while empty: a visible layer on the hamlet tiles would load them even with the hamlet layers off.
    this.map.setLayoutProperty(mapLayerIds.whatIfChangedHamlets, 'visibility', overlay.changedHamlets.length > 0 ? 'visible' : 'none');
  }

  /** While placing, a click reports a point instead of selecting a feature. */
  setPlacing(placing: boolean): void {
    this.placing = placing;
    this.map.getCanvas().style.cursor = placing ? 'crosshair' : '';
    if (placing) this.tooltip.hidden = true;
  }

  setStrings(strings: MapUiStrings): void {
    // The language may have changed: the cluster counts are formatted again.
    if (this.styleLoaded) this.clusterLabels.refresh();
    const container = this.map.getContainer();
    const titles: [string, string][] = [
      ['.maplibregl-ctrl-zoom-in', strings.zoomIn],
      ['.maplibregl-ctrl-zoom-out', strings.zoomOut],
      ['.maplibregl-ctrl-compass', strings.resetBearing],
    ];
    for (const [selector, title] of titles) {
      const button = container.querySelector<HTMLButtonElement>(selector);
      if (button) {
        button.title = title;
        button.setAttribute('aria-label', title);
      }
    }
  }

  // Both read the container's current size first: opening the inspector may
  // just have narrowed the map, before MapLibre's own resize observer ran.
  fitBbox(bbox: Bbox, maxZoom = 15): void {
    this.syncSize();
    this.map.fitBounds(bbox, { padding: fitPadding, maxZoom, duration: 700 });
  }

  flyTo(lon: number, lat: number, zoom = 15): void {
    this.syncSize();
    this.map.flyTo({ center: [lon, lat], zoom: Math.max(zoom, this.map.getZoom()), duration: 900 });
  }

  /** Adopts the container's size without the pan that keeps the view in place. */
  private syncSize(): void {
    this.knownWidth = this.map.getContainer().clientWidth;
    this.map.resize();
  }

  jumpTo(camera: MapCamera): void {
    this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.districtLabels.remove();
    this.communeLabels.remove();
    this.clusterLabels.remove();
    this.map.remove();
    if (window.__hatangMap === this.map) delete window.__hatangMap;
  }
}

/** Of the features found in a tolerance box, the point nearest the pixel (others keep render order). */
function nearest(features: MapGeoJSONFeature[], point: { x: number; y: number }, map: MaplibreMap): MapGeoJSONFeature | null {
  let best: MapGeoJSONFeature | null = null;
  let bestDistance = Infinity;
  for (const feature of features) {
    if (feature.geometry.type !== 'Point') return best ?? feature;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const projected = map.project([lon, lat]);
    const distance = Math.hypot(projected.x - point.x, projected.y - point.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = feature;
    }
  }
  return best;
}
