import type { Map as MaplibreMap } from 'maplibre-gl';
import { HtmlLabelOverlay, type PlacedLabel } from './html-label-overlay.js';
import type { LabelBox } from './label-declutter.js';

/** At most this many names in view (a z11 screen of the densest province holds a few hundred communes). */
export const maxAreaLabels = 600;
/** Names closer than this (px) to a name shown are left out: touching names read as one. */
const labelGapPx = 6;

export interface AreaLabelRanks {
  /** Names of a higher rank (the districts' over the communes'): these keep clear of them. */
  below?: () => readonly LabelBox[];
  /** Called when these names changed, for the names of a lower rank to keep clear of them again. */
  onChange?: () => void;
}

/**
 * Names of districts or communes as HTML text over the map (html-label-overlay.ts).
 * The names are those of the label points the unit tiles carry (one a unit,
 * ST_PointOnSurface; drawn by an invisible circle layer), read back with
 * queryRenderedFeatures when the map comes to rest and when the unit source
 * loads tiles: so a national view never builds 10,000 labels. One overlay per
 * kind, shown between its zooms. A name that would overlap one shown, or a
 * name of a higher rank, is left out (in the order of the codes, so the same
 * names win after every pan).
 */
export class AreaLabels {
  private readonly overlay: HtmlLabelOverlay;
  private shown = true;

  constructor(
    private readonly map: MaplibreMap,
    className: string,
    /** The tile source of the units, and the circle layer of its label points. */
    source: string,
    private readonly labelLayerId: string,
    private readonly minZoom: number,
    private readonly maxZoom: number,
    private readonly ranks: AreaLabelRanks = {},
  ) {
    this.overlay = new HtmlLabelOverlay(map, className, {
      rebuild: this.refresh,
      rebuildsOn: (event) => event.sourceId === source && event.dataType === 'source',
      shown: () => this.shown && this.inZoom(),
      declutter: { gap: labelGapPx, ...(ranks.below ? { blocked: ranks.below } : {}) },
    });
  }

  /** The boxes of the names on screen (for names of a lower rank). */
  shownBoxes(): LabelBox[] {
    return this.overlay.shownBoxes();
  }

  /** Keeps clear of the names of a higher rank again, after they changed. */
  declutter(): void {
    this.overlay.declutter();
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
    const layer = this.map.getLayer(this.labelLayerId);
    if (!this.shown || !this.inZoom() || !layer || this.map.getLayoutProperty(this.labelLayerId, 'visibility') === 'none') {
      this.overlay.show([]);
      this.ranks.onChange?.();
      return;
    }
    const seen = new Set<string>();
    const labels: PlacedLabel[] = [];
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
      labels.push({ element, lngLat: feature.geometry.coordinates as [number, number] });
      if (labels.length >= maxAreaLabels) break;
    }
    labels.sort((a, b) => (a.element.dataset.code! < b.element.dataset.code! ? -1 : 1));
    this.overlay.show(labels);
    this.ranks.onChange?.();
  };

  remove(): void {
    this.overlay.remove();
  }
}
