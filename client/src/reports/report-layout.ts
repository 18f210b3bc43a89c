import type { AdminUnitProperties, FeatureCollection } from '../domain/contract-types.js';
import { coordinatesBbox } from '../map/geometry-measures.js';

// Sizes of the report's figures on an A4 page (CSS pixels, 96 per inch).

/** Width of the printed chart in CSS pixels: A4's 210 mm less 2 × 15 mm margins at 96 px per inch. */
export const pageWidthPx = Math.round((180 / 25.4) * 96);
/** Height a chart may take on a page beside its heading (A4's 267 mm of content, less room for the heading). */
const maxChartHeightPx = 880;

/**
 * The target of the dashed line: the one most units share (the province's
 * target for every unit, unless units have their own); null without any.
 */
export function commonTarget(targets: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const target of targets) if (target !== null) counts.set(target, (counts.get(target) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [target, count] of counts) {
    if (count > bestCount) {
      best = target;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The width the chart is drawn at so that, scaled to the page's width, it fits
 * one page: a chart of many units (the 2025 communes) is drawn wider and prints
 * smaller, instead of being cut between two pages.
 */
export function chartDrawWidth(rows: number): number {
  // The bar chart's layout: 36 px above the rows, 22 px a row, 8 px below.
  const height = 36 + 22 * rows + 8;
  return Math.max(pageWidthPx, Math.ceil((height * pageWidthPx) / maxChartHeightPx));
}

/**
 * A height that holds the units' extent at the page's width (Web Mercator
 * ratio, plus the fit's padding): a long province gets a low map instead of
 * empty bands, a tall one at most about two thirds of a page.
 */
export function reportMapHeight(shapes: FeatureCollection<AdminUnitProperties>, codes: ReadonlySet<string>): number {
  let box: [number, number, number, number] | null = null;
  for (const feature of shapes.features) {
    if (!codes.has(feature.properties.code)) continue;
    const b = coordinatesBbox(feature.geometry.coordinates);
    if (b) box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  if (!box) return 360;
  const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const width = ((box[2] - box[0]) * Math.PI) / 180;
  const height = mercatorY(box[3]) - mercatorY(box[1]);
  if (!(width > 0)) return 360;
  const padding = 2 * 16;
  return Math.round(Math.min(640, Math.max(280, ((pageWidthPx - padding) * height) / width + padding)));
}
