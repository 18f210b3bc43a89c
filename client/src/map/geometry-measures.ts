// Small planar helpers on GeoJSON coordinates (lon/lat degrees), used only to
// place labels and fit the camera, never for statistics (those come from PostGIS).

export type Bbox = [number, number, number, number];
type Position = [number, number];
type Ring = Position[];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number';
}

/** [minLon, minLat, maxLon, maxLat] of any GeoJSON geometry's coordinates, or null when empty. */
export function coordinatesBbox(coordinates: unknown): Bbox | null {
  let box: Bbox | null = null;
  const walk = (value: unknown): void => {
    if (isPosition(value)) {
      const [x, y] = value;
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item);
    }
  };
  walk(coordinates);
  return box;
}

function polygonsOf(geometry: { type: string; coordinates: unknown }): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (a && b) sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

function ringCentroid(ring: Ring): Position {
  let x = 0;
  let y = 0;
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (!a || !b) continue;
    const cross = a[0] * b[1] - b[0] * a[1];
    x += (a[0] + b[0]) * cross;
    y += (a[1] + b[1]) * cross;
    area += cross;
  }
  if (area === 0) return ring[0] ?? [0, 0];
  return [x / (3 * area), y / (3 * area)];
}

/** Where the horizontal line at `y` is inside the polygon: the midpoint of the widest inside stretch. */
function widestStretchMidpoint(rings: Ring[], y: number, preferX: number): Position | null {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j];
      const b = ring[i];
      if (!a || !b) continue;
      if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    }
  }
  xs.sort((p, q) => p - q);
  let best: Position | null = null;
  let bestWidth = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const left = xs[k] as number;
    const right = xs[k + 1] as number;
    if (preferX >= left && preferX <= right) return [preferX, y];
    if (right - left > bestWidth) {
      bestWidth = right - left;
      best = [(left + right) / 2, y];
    }
  }
  return best;
}

/** A point inside the largest polygon part, near its centroid: where its name is written. */
export function labelPoint(geometry: { type: string; coordinates: unknown }): Position | null {
  let largest: Ring[] | null = null;
  let largestArea = 0;
  for (const polygon of polygonsOf(geometry)) {
    const outer = polygon[0];
    if (!outer) continue;
    const area = Math.abs(ringArea(outer));
    if (area > largestArea) {
      largestArea = area;
      largest = polygon;
    }
  }
  if (!largest || !largest[0]) return null;
  const centroid = ringCentroid(largest[0]);
  return widestStretchMidpoint(largest, centroid[1], centroid[0]) ?? centroid;
}
