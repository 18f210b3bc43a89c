import { useEffect, useRef, useState } from 'react';
import { Marker, type GeoJSONSource, type Map as MaplibreMap } from 'maplibre-gl';
import type { HatangMap } from '../map/hatang-map.js';
import { whenStyleReady } from '../map/when-style-ready.js';

// What the proposal tools draw on the map, in sources and layers of their own
// (added when a tool opens, removed when it closes): the footprint preview of a
// candidate or a proposal, the point asked about, and numbered markers (ranked
// candidates, the site planner's picks, a proposal's location). Markers are
// HTML so they carry their number without map glyphs (the offline basemap has none).

export const proposalFootprintSourceId = 'proposal-footprint';
/** Layer ids the browser test queries. */
export const proposalLayerIds = { footprintFill: 'proposal-footprint-fill', footprintOutline: 'proposal-footprint-outline' } as const;

export interface OverlayMarker {
  key: string;
  lon: number;
  lat: number;
  /** The number on the marker ("1", "2", …), or "+" for the point asked about. */
  label: string;
  kind: 'candidate' | 'candidate-full' | 'pick-colocation' | 'pick-new' | 'proposal' | 'point';
  active: boolean;
  title: string;
}

export interface ProposalOverlay {
  /** A polygon geometry (EPSG:4326) and its colour, or null. */
  footprint: { geometry: { type: string; coordinates: unknown }; colour: string } | null;
  markers: readonly OverlayMarker[];
}

export const emptyOverlay: ProposalOverlay = { footprint: null, markers: [] };


class OverlayOnMap {
  private ready = false;
  private pending: ProposalOverlay = emptyOverlay;
  private readonly markers = new Map<string, { marker: Marker; element: HTMLButtonElement }>();
  private readonly stopWaiting: () => void;

  constructor(
    private readonly map: MaplibreMap,
    private readonly handlers: { onMarkerClick: (key: string) => void; onMarkerHover: (key: string | null) => void },
  ) {
    this.stopWaiting = whenStyleReady(map, () => {
      map.addSource(proposalFootprintSourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: proposalLayerIds.footprintFill, type: 'fill', source: proposalFootprintSourceId, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.18 } });
      map.addLayer({
        id: proposalLayerIds.footprintOutline,
        type: 'line',
        source: proposalFootprintSourceId,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
      });
      this.ready = true;
      this.set(this.pending);
    });
  }

  set(overlay: ProposalOverlay): void {
    this.pending = overlay;
    this.setMarkers(overlay.markers);
    if (!this.ready) return;
    const features = overlay.footprint ? [{ type: 'Feature' as const, geometry: overlay.footprint.geometry, properties: { colour: overlay.footprint.colour } }] : [];
    this.map.getSource<GeoJSONSource>(proposalFootprintSourceId)?.setData({ type: 'FeatureCollection', features } as Parameters<GeoJSONSource['setData']>[0]);
  }

  private setMarkers(markers: readonly OverlayMarker[]): void {
    const keep = new Set(markers.map((m) => m.key));
    for (const [key, { marker }] of this.markers) {
      if (!keep.has(key)) {
        marker.remove();
        this.markers.delete(key);
      }
    }
    for (const m of markers) {
      let entry = this.markers.get(m.key);
      if (!entry) {
        const element = document.createElement('button');
        element.type = 'button';
        element.addEventListener('click', (event) => {
          // Not a click on the map under it (which would select or place).
          event.stopPropagation();
          this.handlers.onMarkerClick(m.key);
        });
        element.addEventListener('mouseenter', () => this.handlers.onMarkerHover(m.key));
        element.addEventListener('mouseleave', () => this.handlers.onMarkerHover(null));
        entry = { marker: new Marker({ element, anchor: 'center' }).setLngLat([m.lon, m.lat]).addTo(this.map), element };
        this.markers.set(m.key, entry);
      }
      entry.marker.setLngLat([m.lon, m.lat]);
      const { element } = entry;
      element.className = `map-pin map-pin--${m.kind}${m.active ? ' map-pin--active' : ''}`;
      element.textContent = m.label;
      element.title = m.title;
      element.setAttribute('aria-label', m.title);
      element.dataset.testid = `map-pin-${m.kind}`;
      element.dataset.key = m.key;
      // The active one above the others.
      element.style.zIndex = m.active ? '2' : '1';
    }
  }

  remove(): void {
    this.stopWaiting();
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
    if (!this.ready) return;
    for (const id of [proposalLayerIds.footprintOutline, proposalLayerIds.footprintFill]) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.map.getSource(proposalFootprintSourceId)) this.map.removeSource(proposalFootprintSourceId);
  }
}

interface Props {
  map: HatangMap | null;
  overlay: ProposalOverlay;
  onMarkerClick?: (key: string) => void;
  onMarkerHover?: (key: string | null) => void;
}

/** Draws a tool's overlay while the tool is mounted; nothing of it stays on the map after. */
export function ProposalMapOverlay({ map, overlay, onMarkerClick, onMarkerHover }: Props) {
  const handlers = useRef({ onMarkerClick, onMarkerHover });
  handlers.current = { onMarkerClick, onMarkerHover };
  const [layer, setLayer] = useState<OverlayOnMap | null>(null);
  useEffect(() => {
    if (!map) return;
    const created = new OverlayOnMap(map.map, {
      onMarkerClick: (key) => handlers.current.onMarkerClick?.(key),
      onMarkerHover: (key) => handlers.current.onMarkerHover?.(key),
    });
    setLayer(created);
    return () => {
      created.remove();
      setLayer(null);
    };
  }, [map]);
  useEffect(() => layer?.set(overlay), [layer, overlay]);
  return null;
}
