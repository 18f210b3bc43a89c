import type { MapSourceDataEvent, Map as MaplibreMap } from 'maplibre-gl';
import { clusterLayerIds, clusterSteps, type ClusteredLayer } from './cluster-layers.js';

/** At most this many clusters are labelled (the largest in view): a national view at z5 holds a few hundred. */
export const maxClusterLabels = 300;
/** Sources settle in bursts of tile loads: the labels are rebuilt once the burst has paused this long. */
const refreshDelayMs = 120;

interface PlacedClusterLabel {
  element: HTMLSpanElement;
  lngLat: [number, number];
}

/** The cluster layers in hit order (top-most first): where two clusters coincide, the top one is labelled. */
const labelledLayers: readonly ClusteredLayer[] = ['sites', 'bts', 'shared-sites', 'hamlets'];

/**
 * The number of points of each cluster in view, as HTML text centred on it:
 * the offline style has no glyphs (as the area labels, area-labels.ts). The
 * set of labels is rebuilt when the map comes to rest (moveend) and when the
 * clustered sources load tiles (sourcedata), not on every frame; while the map
 * pans the labels only move with it, and while it zooms (the clusters change
 * with the zoom) they are hidden. Bounded to the `limit` largest clusters in
 * view; labels take no pointer events, so a click reaches the cluster.
 */
export class ClusterLabels {
  private readonly overlay: HTMLDivElement;
  private labels: PlacedClusterLabel[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private zooming = false;

  constructor(
    private readonly map: MaplibreMap,
    /** Number formatting of the page's language (Vietnamese: 1.234). */
    private format: (count: number) => string,
    private readonly limit = maxClusterLabels,
  ) {
    this.overlay = document.createElement('div');
    this.overlay.className = 'map-labels map-labels--clusters';
    this.overlay.setAttribute('aria-hidden', 'true');
    this.overlay.dataset.testid = 'cluster-labels';
    map.getCanvasContainer().appendChild(this.overlay);
    map.on('move', this.place);
    map.on('resize', this.place);
    map.on('zoomstart', this.hide);
    map.on('moveend', this.schedule);
    map.on('sourcedata', this.onSourceData);
  }

  /** A new language: the same counts, formatted again. */
  setFormat(format: (count: number) => string): void {
    this.format = format;
    this.refresh();
  }

  /** Rebuilds the labels at once (after a change of visible layers). */
  refresh = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.zooming = false;
    const layers = labelledLayers.map((layer) => clusterLayerIds[layer]).filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none');
    const seen = new Set<string>();
    const clusters: { count: number; lngLat: [number, number]; layer: string }[] = [];
    const rendered = layers.length === 0 ? [] : this.map.queryRenderedFeatures({ layers });
    // queryRenderedFeatures gives the top-most layer's features first.
    for (const feature of rendered) {
      if (feature.geometry.type !== 'Point') continue;
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const at = this.map.project([lon, lat]);
      // One label a place: a cluster of a layer beneath at the same pixel, or the same cluster from a neighbouring tile's buffer.
      const key = `${Math.round(at.x)}/${Math.round(at.y)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      clusters.push({ count: Number(feature.properties.point_count), lngLat: [lon, lat], layer: feature.layer.id });
    }
    clusters.sort((a, b) => b.count - a.count);
    const fragment = document.createDocumentFragment();
    this.labels = clusters.slice(0, this.limit).map((cluster) => {
      const element = document.createElement('span');
      const step = [...clusterSteps].reverse().find((s) => cluster.count >= s.min) ?? clusterSteps[0];
      // Light text on the dark fills of the large site clusters, dark text elsewhere.
      const dark = cluster.layer === clusterLayerIds.sites && step.min >= 100;
      element.className = dark ? 'map-label map-cluster-label map-cluster-label--on-dark' : 'map-label map-cluster-label';
      element.textContent = this.format(cluster.count);
      element.dataset.count = String(cluster.count);
      fragment.appendChild(element);
      return { element, lngLat: cluster.lngLat };
    });
    this.overlay.replaceChildren(fragment);
    this.overlay.hidden = false;
    this.place();
  };

  private readonly schedule = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(this.refresh, refreshDelayMs);
  };

  private readonly onSourceData = (event: MapSourceDataEvent): void => {
    if (!this.zooming && event.sourceId in clusterLayerIds && event.dataType === 'source') this.schedule();
  };

  private readonly hide = (): void => {
    this.zooming = true;
    this.overlay.hidden = true;
  };

  private readonly place = (): void => {
    if (this.zooming) return;
    for (const label of this.labels) {
      const point = this.map.project(label.lngLat);
      label.element.style.transform = `translate(${point.x.toFixed(1)}px, ${point.y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  };

  remove(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.map.off('move', this.place);
    this.map.off('resize', this.place);
    this.map.off('zoomstart', this.hide);
    this.map.off('moveend', this.schedule);
    this.map.off('sourcedata', this.onSourceData);
    this.overlay.remove();
  }
}
