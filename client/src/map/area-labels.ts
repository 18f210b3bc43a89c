import type { Map as MaplibreMap } from 'maplibre-gl';
import type { AdminUnitProperties, FeatureCollection } from '../domain/contract-types.js';
import { labelPoint } from './geometry-measures.js';

interface PlacedLabel {
  element: HTMLSpanElement;
  lngLat: [number, number];
}

/**
 * Names of districts or communes as HTML text over the map: the offline style
 * has no glyphs, and HTML renders Vietnamese diacritics with the system fonts.
 * One overlay per kind, repositioned on every move only while it is shown;
 * labels take no pointer events, so clicks reach the map beneath.
 */
export class AreaLabels {
  private readonly overlay: HTMLDivElement;
  private labels: PlacedLabel[] = [];
  private shown = true;

  constructor(
    private readonly map: MaplibreMap,
    className: string,
    private readonly minZoom: number,
    private readonly maxZoom: number,
  ) {
    this.overlay = document.createElement('div');
    this.overlay.className = `map-labels ${className}`;
    this.overlay.setAttribute('aria-hidden', 'true');
    map.getCanvasContainer().appendChild(this.overlay);
    map.on('move', this.place);
    map.on('resize', this.place);
  }

  setUnits(units: FeatureCollection<AdminUnitProperties>): void {
    const fragment = document.createDocumentFragment();
    this.labels = [];
    for (const feature of units.features) {
      const at = labelPoint(feature.geometry);
      if (!at) continue;
      const element = document.createElement('span');
      element.className = 'map-label';
      element.textContent = feature.properties.name;
      fragment.appendChild(element);
      this.labels.push({ element, lngLat: at });
    }
    this.overlay.replaceChildren(fragment);
    this.place();
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    this.place();
  }

  private readonly place = (): void => {
    const zoom = this.map.getZoom();
    const visible = this.shown && zoom >= this.minZoom && zoom < this.maxZoom;
    this.overlay.hidden = !visible;
    if (!visible) return;
    for (const label of this.labels) {
      const point = this.map.project(label.lngLat);
      label.element.style.transform = `translate(${point.x.toFixed(1)}px, ${point.y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  };

  remove(): void {
    this.map.off('move', this.place);
    this.map.off('resize', this.place);
    this.overlay.remove();
  }
}
