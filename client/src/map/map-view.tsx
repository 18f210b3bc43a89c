import { useEffect, useRef } from 'react';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { FeatureCollection, LayerName, MeasurementProperties, Meta } from '../domain/contract-types.js';
import { dataLayersOf, layerNameValues, type MapToggle, type SelectableLayer } from '../domain/enum-values.js';
import type { LayerLoads } from '../layers/use-layer-data.js';
import type { MapCamera, Selection } from '../url/view-state.js';
import type { ClusteredLayer } from './cluster-layers.js';
import type { VerdictOverride } from './coverage-layers.js';
import type { Bbox } from './geometry-measures.js';
import { HatangMap, type MapUiStrings, type WhatIfOverlay } from './hatang-map.js';
import { isTileLayer, type TileLayerName } from './tile-sources.js';

interface MapViewProps {
  meta: Meta;
  initialCamera: MapCamera | null;
  visibleLayers: readonly MapToggle[];
  /** The GeoJSON layers (admin units, consolidation); the large layers come as tiles (`tileUrls`). */
  loads: LayerLoads;
  tileUrls: Record<TileLayerName, string>;
  /** Hamlets coloured otherwise than their tiles' verdict (the what-if answer). */
  verdictOverrides: readonly VerdictOverride[];
  whatIf: WhatIfOverlay;
  /** Field measurements of the coverage choice; null while none are loaded. */
  measurements: FeatureCollection<MeasurementProperties> | null;
  placing: boolean;
  selection: Selection | null;
  unitFocus: string | null;
  strings: MapUiStrings;
  onReady: (map: HatangMap) => void;
  onSelect: (selection: Selection | null, near: Bbox | null) => void;
  onPlace: (lon: number, lat: number) => void;
  onCameraChange: (camera: MapCamera) => void;
  hoverText: (feature: MapGeoJSONFeature, layer: SelectableLayer) => string | null;
  clusterText: (layer: ClusteredLayer, count: number) => string;
  /** A cluster's label: its number of points (vi: 1.234). */
  formatCount: (count: number) => string;
}

/** The map element; React state flows in through effects, user actions out through callbacks. */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<HatangMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const shownData = useRef(new Map<LayerName, unknown>());

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { meta, initialCamera, visibleLayers } = latest.current;
    const map = new HatangMap({
      container,
      operators: meta.operators,
      camera: initialCamera,
      extent: meta.extent,
      visibleLayers,
      // Tile layers are not waited for here: the first idle comes after their visible tiles are drawn.
      initialLayers: dataLayersOf(visibleLayers).filter((layer) => !isTileLayer(layer)),
      tileUrls: latest.current.tileUrls,
      strings: latest.current.strings,
      onSelect: (selection, near) => latest.current.onSelect(selection, near),
      onPlace: (lon, lat) => latest.current.onPlace(lon, lat),
      onCameraChange: (camera) => latest.current.onCameraChange(camera),
      onHoverText: (feature, layer) => (feature && layer ? latest.current.hoverText(feature, layer) : null),
      clusterText: (layer, count) => latest.current.clusterText(layer, count),
      formatCount: (count) => latest.current.formatCount(count),
    });
    mapRef.current = map;
    shownData.current.clear();
    latest.current.onReady(map);
    return () => {
      map.destroy();
      mapRef.current = null;
    };
  }, []);

  const { loads, tileUrls, visibleLayers, verdictOverrides, whatIf, measurements, placing, selection, unitFocus, strings } = props;

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const layer of layerNameValues) {
      const load = loads[layer];
      if (!load) continue;
      if (load.data && shownData.current.get(layer) !== load.data) {
        shownData.current.set(layer, load.data);
        map.setLayerData(layer, load.data);
      } else if (load.status === 'error' && !load.data) {
        map.giveUpWaitingFor(layer);
      }
    }
  }, [loads]);

  useEffect(() => mapRef.current?.setTileUrls(tileUrls), [tileUrls]);
  useEffect(() => mapRef.current?.setVisibleLayers(visibleLayers), [visibleLayers]);
  useEffect(() => mapRef.current?.setSelection(selection), [selection]);
  useEffect(() => mapRef.current?.setUnitFocus(unitFocus), [unitFocus]);
  useEffect(() => mapRef.current?.setStrings(strings), [strings]);
  useEffect(() => mapRef.current?.setVerdictOverrides(verdictOverrides), [verdictOverrides]);
  useEffect(() => mapRef.current?.setWhatIf(whatIf), [whatIf]);
  useEffect(() => mapRef.current?.setPlacing(placing), [placing]);
  useEffect(() => mapRef.current?.setMeasurements(measurements), [measurements]);

  return <div className="map" ref={containerRef} />;
}
