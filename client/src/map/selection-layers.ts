import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import { mapPalette } from './map-palette.js';

const nothing: FilterSpecification = ['==', ['get', 'code'], ''];

export function codeFilter(code: string | null): FilterSpecification {
  return code === null ? nothing : ['==', ['get', 'code'], code];
}

/** Outline of the administrative unit the filters are limited to. */
export function unitFocusLayer(source: 'districts' | 'communes'): LayerSpecification {
  return {
    id: source === 'districts' ? mapLayerIds.unitFocusDistricts : mapLayerIds.unitFocusCommunes,
    type: 'line',
    source,
    filter: nothing,
    paint: { 'line-color': mapPalette.unitFocus, 'line-width': 3, 'line-opacity': 0.9 },
  };
}

export const selectionAreaIds = {
  districts: mapLayerIds.selectionDistricts,
  communes: mapLayerIds.selectionCommunes,
  hamlets: mapLayerIds.selectionHamlets,
} as const;

/** Highlight of the selected polygon (hamlet, commune or district), one layer per source. */
export function selectionAreaLayer(source: 'districts' | 'communes' | 'hamlets'): LayerSpecification {
  return {
    id: selectionAreaIds[source],
    type: 'line',
    source,
    filter: nothing,
    paint: { 'line-color': mapPalette.selection, 'line-width': 3.5 },
  };
}

export function selectionFiberLayer(): LayerSpecification {
  return {
    id: mapLayerIds.selectionFiber,
    type: 'line',
    source: 'fiber',
    filter: nothing,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': mapPalette.selection, 'line-width': 9, 'line-opacity': 0.45 },
  };
}

export function selectionPointLayer(id: typeof mapLayerIds.selectionSite | typeof mapLayerIds.selectionBts, source: 'sites' | 'bts'): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter: nothing,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 10, 12, 16, 15, 22],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': mapPalette.selection,
      'circle-stroke-width': 3,
    },
  };
}

/** Highlight of the selected uncovered part: its hamlet code and part number (code "hamlet/part"). */
export function gapSelectionFilter(code: string | null): FilterSpecification {
  const at = code ? code.lastIndexOf('/') : -1;
  if (!code || at <= 0) return nothing;
  const partNo = Number(code.slice(at + 1));
  return ['all', ['==', ['get', 'hamletCode'], code.slice(0, at)], ['==', ['get', 'partNo'], Number.isFinite(partNo) ? partNo : -1]];
}

export function selectionGapLayer(): LayerSpecification {
  return {
    id: mapLayerIds.selectionGaps,
    type: 'line',
    source: 'gaps',
    filter: nothing,
    paint: { 'line-color': mapPalette.selection, 'line-width': 4 },
  };
}
