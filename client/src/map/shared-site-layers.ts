import type { ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { tenantSteps } from '../sharing/tenant-steps.js';
import { mapLayerIds } from './layer-ids.js';
import { mapPalette } from './map-palette.js';

/**
 * Shared sites (GET /api/layers/shared-sites: physical sites, inferred ones
 * included) drawn beneath the site symbols as a disc whose size and colour step
 * with the tenant count (1, 2, 3, ≥ 4 operators with an active BTS). An
 * inferred site (BTS without a site code grouped within ε) has no site record,
 * so no site symbol above it: it gets a dark core and a dashed ring instead.
 */

const tenants: ExpressionSpecification = ['coalesce', ['get', 'operatorCount'], 0];

/** A value per tenant step, for a data expression. */
function byStep(values: readonly number[] | readonly string[]): ExpressionSpecification {
  const [first, ...rest] = values;
  const stops: (number | string)[] = [];
  rest.forEach((value, i) => stops.push(tenantSteps[i + 1]?.min ?? Infinity, value));
  return ['step', tenants, first ?? 0, ...stops] as unknown as ExpressionSpecification;
}

/** Disc radius (px) per step at zoom 8, 10, 12 and 14: from a few pixels at province zoom to well clear of the site symbol (≤ 11 px) when zoomed in. */
const radiusAtZoom: Record<8 | 10 | 12 | 14 | 16, readonly number[]> = {
  8: [3.2, 4.2, 5.2, 6.4],
  10: [4.6, 6, 7.4, 9],
  12: [9, 11, 13.5, 16],
  14: [14, 17, 21, 25],
  16: [17, 21, 26, 31],
};

export const sharedSiteRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  8,
  byStep(radiusAtZoom[8]),
  10,
  byStep(radiusAtZoom[10]),
  12,
  byStep(radiusAtZoom[12]),
  14,
  byStep(radiusAtZoom[14]),
  16,
  byStep(radiusAtZoom[16]),
];

const isInferred: FilterSpecification = ['==', ['get', 'inferred'], true];

export function sharedSiteLayer(): LayerSpecification {
  return {
    id: mapLayerIds.sharedSites,
    type: 'circle',
    source: 'shared-sites',
    layout: { 'circle-sort-key': tenants },
    paint: {
      'circle-radius': sharedSiteRadius,
      'circle-color': byStep(tenantSteps.map((s) => s.colour)),
      'circle-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.85, 12, 0.65],
      'circle-stroke-color': byStep(tenantSteps.map((s) => s.stroke)),
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 12, 1.4],
      'circle-stroke-opacity': 0.9,
    },
  };
}

/** The core of an inferred site: there is no site symbol to sit in the disc's middle. */
export function inferredSiteCoreLayer(): LayerSpecification {
  return {
    id: mapLayerIds.inferredSiteCores,
    type: 'circle',
    source: 'shared-sites',
    filter: isInferred,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 12, 3.5, 14, 5, 16, 6],
      'circle-color': mapPalette.inferredSite,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1],
    },
  };
}

export const inferredRingImageId = 'inferred-site-ring';
/** The ring image: `ringImagePx` square at pixel ratio 2, ring radius `ringRadiusPx` (both in CSS px). */
const ringImagePx = 32;
const ringRadiusPx = 14;

/** Dashed ring of an inferred site, sized a little outside its tenant disc. */
export function inferredSiteRingLayer(): LayerSpecification {
  const scaleAt = (zoom: 8 | 10 | 12 | 14 | 16) => byStep(radiusAtZoom[zoom].map((r) => (r + 2.5) / ringRadiusPx));
  return {
    id: mapLayerIds.inferredSiteRings,
    type: 'symbol',
    source: 'shared-sites',
    filter: isInferred,
    layout: {
      'icon-image': inferredRingImageId,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 8, scaleAt(8), 10, scaleAt(10), 12, scaleAt(12), 14, scaleAt(14), 16, scaleAt(16)],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  };
}

/** A dashed circle drawn into pixels (the offline style has no sprite): 12 dashes, each 60 % of its arc. */
function ringPixels(ratio: number): { width: number; height: number; data: Uint8Array } {
  const size = ringImagePx * ratio;
  const hex = mapPalette.inferredSite.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const data = new Uint8Array(size * size * 4);
  const centre = size / 2;
  const radius = ringRadiusPx * ratio;
  const half = 0.9 * ratio;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - centre;
      const dy = y + 0.5 - centre;
      const off = Math.abs(Math.hypot(dx, dy) - radius);
      if (off > half + 1) continue;
      const angle = (Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI);
      if ((angle * 12) % 1 > 0.6) continue;
      const alpha = Math.round(255 * Math.min(1, Math.max(0, half + 1 - off)));
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = alpha;
    }
  }
  return { width: size, height: size, data };
}

export function registerInferredRing(map: MaplibreMap): void {
  const add = () => {
    if (!map.hasImage(inferredRingImageId)) map.addImage(inferredRingImageId, ringPixels(2), { pixelRatio: 2 });
  };
  add();
  map.on('styleimagemissing', (event: { id: string }) => {
    if (event.id === inferredRingImageId) add();
  });
}
