import type { MapSourceDataEvent, Map as MaplibreMap } from 'maplibre-gl';

interface PlacedLabel {
  element: HTMLSpanElement;
  lngLat: [number, number];
}

/** Sources settle in bursts of tile loads: the labels are rebuilt once the burst has paused this long. */
const refreshDelayMs = 120;
/** At most this many names in view (a z11 screen of the densest province holds a few hundred communes). */
export const maxAreaLabels = 600;

/**
 * Names of districts or communes as HTML text over the map: the offline style
 * has no glyphs, and HTML renders Vietnamese diacritics with the system fonts.
 * The names are those of the label points the unit tiles carry (one a unit,
 * ST_PointOnSurface; drawn by an invisible circle layer), read back with
 * queryRenderedFeatures when the map comes to rest (moveend) and when the
 * unit source loads tiles (sourcedata), as the cluster labels are
 * (cluster-labels.ts): so a national view never builds 10,000 labels. While
 * the map moves the labels only move with it. One overlay per kind, shown
 * between its zooms; labels take no pointer events, so clicks reach the map.
 */
export class AreaLabels {
  private readonly overlay: HTMLDivElement;
  private labels: PlacedLabel[] = [];
  private shown = true;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly map: MaplibreMap,
    className: string,
    /** The tile source of the units, and the circle layer of its label points. */
    private readonly source: string,
    private readonly labelLayerId: string,
    private readonly minZoom: number,
    private readonly maxZoom: number,
  ) {
    this.overlay = document.createElement('div');
    this.overlay.className = `map-labels ${className}`;
    this.overlay.setAttribute('aria-hidden', 'true');
    map.getCanvasContainer().appendChild(this.overlay);
    map.on('move', this.place);
    map.on('resize', this.place);
    map.on('moveend', this.schedule);
    map.on('sourcedata', this.onSourceData);
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    this.refresh();
  }

  private inZoom(): boolean {
    const zoom = this.map.getZoom();
    return zoom >= this.minZoom && zoom < this.maxZoom;
  }

  /** Rebuilds the labels from the label points rendered now. */
  refresh = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const layer = this.map.getLayer(this.labelLayerId);
    if (!this.shown || !this.inZoom() || !layer || this.map.getLayoutProperty(this.labelLayerId, 'visibility') === 'none') {
      this.labels = [];
      this.overlay.replaceChildren();
      this.place();
      return;
    }
    const seen = new Set<string>();
    const fragment = document.createDocumentFragment();
    this.labels = [];
    for (const feature of this.map.queryRenderedFeatures({ layers: [this.labelLayerId] })) {
      if (feature.geometry.type !== 'Point') continue;
      // One label a unit: its point is also in the neighbouring tiles' buffers.
      const code = String(feature.properties.code);
      if (seen.has(code)) continue;
      seen.add(code);
      const element = document.createElement('span');
      element.className = 'map-label';
      element.textContent = String(feature.properties.name ?? '');
      element.dataset.code = code;
      fragment.appendChild(element);
      this.labels.push({ element, lngLat: feature.geometry.coordinates as [number, number] });
      if (this.labels.length >= maxAreaLabels) break;
    }
    this.overlay.replaceChildren(fragment);
    this.place();
  };

  private readonly schedule = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(this.refresh, refreshDelayMs);
  };

  private readonly onSourceData = (event: MapSourceDataEvent): void => {
    if (event.sourceId === this.source && event.dataType === 'source') this.schedule();
  };

  private readonly place = (): void => {
    const visible = this.shown && this.inZoom();
    this.overlay.hidden = !visible;
    if (!visible) return;
    for (const label of this.labels) {
      const point = this.map.project(label.lngLat);
      label.element.style.transform = `translate(${point.x.toFixed(1)}px, ${point.y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  };

  remove(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.map.off('move', this.place);
    this.map.off('resize', this.place);
    this.map.off('moveend', this.schedule);
    this.map.off('sourcedata', this.onSourceData);
    this.overlay.remove();
  }
}
