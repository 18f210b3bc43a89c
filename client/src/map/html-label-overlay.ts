import type { MapSourceDataEvent, Map as MaplibreMap } from 'maplibre-gl';
import { keptLabels, type LabelBox } from './label-declutter.js';

/** One HTML label and the map position it is pinned to. */
export interface PlacedLabel {
  element: HTMLSpanElement;
  lngLat: [number, number];
}

/** Sources settle in bursts of tile loads: the labels are rebuilt once the burst has paused this long. */
const rebuildDelayMs = 120;

export interface HtmlLabelOverlayOptions {
  /** Builds the labels anew from what the map renders now (the owner calls show()). */
  rebuild: () => void;
  /** Whether a source event calls for a rebuild (tile loads of the sources labelled). */
  rebuildsOn: (event: MapSourceDataEvent) => boolean;
  /** Whether the labels show now; while not, the overlay is hidden and nothing is placed. */
  shown: () => boolean;
  /**
   * Hide labels that would overlap one shown before them (label-declutter.ts),
   * or come within `gap` px of the `blocked` boxes (labels of a higher rank).
   * Without it every label shows (the cluster counts: one on each circle).
   */
  declutter?: { gap: number; blocked?: () => readonly LabelBox[] };
}

/**
 * HTML text pinned to map positions, over the canvas: the offline style has no
 * glyphs, and HTML renders Vietnamese diacritics with the system fonts. The
 * owner builds the labels from queryRenderedFeatures when the map comes to rest
 * (moveend) and when its sources load tiles, not on every frame; while the map
 * moves the labels only move with it. Labels take no pointer events (CSS), so
 * clicks reach the map. Used by the cluster counts and the unit names.
 */
export class HtmlLabelOverlay {
  readonly element: HTMLDivElement;
  private labels: PlacedLabel[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly map: MaplibreMap,
    className: string,
    private readonly options: HtmlLabelOverlayOptions,
  ) {
    this.element = document.createElement('div');
    this.element.className = `map-labels ${className}`;
    this.element.setAttribute('aria-hidden', 'true');
    map.getCanvasContainer().appendChild(this.element);
    map.on('move', this.place);
    map.on('resize', this.place);
    map.on('moveend', this.schedule);
    map.on('sourcedata', this.onSourceData);
  }

  /** Puts these labels in place of the old ones (a pending rebuild is dropped). */
  show(labels: PlacedLabel[]): void {
    this.cancel();
    this.labels = labels;
    const fragment = document.createDocumentFragment();
    for (const label of labels) fragment.appendChild(label.element);
    this.element.replaceChildren(fragment);
    this.place();
    this.declutter();
  }

  /**
   * Shows only labels clear of one another (options.declutter), after a rebuild
   * or when the blocked labels changed. Panning moves them all alike, so it is
   * not needed on every frame. All boxes are read before any label is hidden:
   * one layout, however many labels.
   */
  declutter(): void {
    const options = this.options.declutter;
    if (!options || this.element.hidden) return;
    const boxes = this.labels.map((label) => label.element.getBoundingClientRect());
    const kept = keptLabels(boxes, options.blocked?.() ?? [], options.gap);
    this.labels.forEach((label, i) => {
      label.element.style.visibility = kept[i] ? '' : 'hidden';
    });
  }

  /** The boxes of the labels on screen now (for labels of a lower rank to keep clear of). */
  shownBoxes(): LabelBox[] {
    if (this.element.hidden) return [];
    return this.labels.filter((label) => label.element.style.visibility !== 'hidden').map((label) => label.element.getBoundingClientRect());
  }

  /** Hides or shows the overlay as options.shown() now says, and places the labels if shown. */
  readonly place = (): void => {
    const visible = this.options.shown();
    this.element.hidden = !visible;
    if (!visible) return;
    for (const label of this.labels) {
      const point = this.map.project(label.lngLat);
      label.element.style.transform = `translate(${point.x.toFixed(1)}px, ${point.y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  };

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly schedule = (): void => {
    this.cancel();
    this.timer = setTimeout(this.options.rebuild, rebuildDelayMs);
  };

  private readonly onSourceData = (event: MapSourceDataEvent): void => {
    if (this.options.rebuildsOn(event)) this.schedule();
  };

  remove(): void {
    this.cancel();
    this.map.off('move', this.place);
    this.map.off('resize', this.place);
    this.map.off('moveend', this.schedule);
    this.map.off('sourcedata', this.onSourceData);
    this.element.remove();
  }
}
