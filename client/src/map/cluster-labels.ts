import type { Map as MaplibreMap } from 'maplibre-gl';
import { clusterLayerIds, clusterSteps, type ClusteredLayer } from './cluster-layers.js';
import { HtmlLabelOverlay, type PlacedLabel } from './html-label-overlay.js';

/** At most this many clusters are labelled (the largest in view): a national view at z5 holds a few hundred. */
export const maxClusterLabels = 300;

/** The cluster layers in hit order (top-most first): where two clusters coincide, the top one is labelled. */
const labelledLayers: readonly ClusteredLayer[] = ['sites', 'bts', 'shared-sites', 'hamlets'];

/**
 * The number of points of each cluster in view, as HTML text centred on it
 * (html-label-overlay.ts, as the unit names). The set of labels is rebuilt when
 * the map comes to rest and when the clustered sources load tiles; while it
 * zooms (the clusters change with the zoom) they are hidden. Bounded to the
 * `limit` largest clusters in view.
 */
export class ClusterLabels {
  private readonly overlay: HtmlLabelOverlay;
  private zooming = false;

  constructor(
    private readonly map: MaplibreMap,
    /** Number formatting of the page's language (Vietnamese: 1.234). */
    private format: (count: number) => string,
    private readonly limit = maxClusterLabels,
  ) {
    this.overlay = new HtmlLabelOverlay(map, 'map-labels--clusters', {
      rebuild: this.refresh,
      rebuildsOn: (event) => !this.zooming && event.sourceId in clusterLayerIds && event.dataType === 'source',
      shown: () => !this.zooming,
    });
    this.overlay.element.dataset.testid = 'cluster-labels';
    map.on('zoomstart', this.hide);
  }

  /** A new language: the same counts, formatted again. */
  setFormat(format: (count: number) => string): void {
    this.format = format;
    this.refresh();
  }

  /** Rebuilds the labels at once (after a change of visible layers). */
  refresh = (): void => {
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
    const labels: PlacedLabel[] = clusters.slice(0, this.limit).map((cluster) => {
      const element = document.createElement('span');
      const step = [...clusterSteps].reverse().find((s) => cluster.count >= s.min) ?? clusterSteps[0];
      // Light text on the dark fills of the large site clusters, dark text elsewhere.
      const dark = cluster.layer === clusterLayerIds.sites && step.min >= 100;
      element.className = dark ? 'map-label map-cluster-label map-cluster-label--on-dark' : 'map-label map-cluster-label';
      element.textContent = this.format(cluster.count);
      element.dataset.count = String(cluster.count);
      return { element, lngLat: cluster.lngLat };
    });
    this.overlay.show(labels);
  };

  private readonly hide = (): void => {
    this.zooming = true;
    this.overlay.place();
  };

  remove(): void {
    this.map.off('zoomstart', this.hide);
    this.overlay.remove();
  }
}
