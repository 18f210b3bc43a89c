import { HttpProblem } from '../http/http-problem.js';
import { MAX_TILE_ZOOM } from './tile-layers.js';

/** A Web Mercator tile: zoom z, column x (west → east), row y (north → south), each 0 … 2^z − 1. */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

// Plain decimal, no sign, no leading zero: one spelling per tile, so one cache entry.
const decimalIndex = /^(0|[1-9][0-9]{0,6})$/;

/** z/x/y of the path; anything else is a 400 naming the parameter. */
export function parseTileAddress(rawZ: string, rawX: string, rawY: string): TileAddress {
  if (!decimalIndex.test(rawZ) || Number(rawZ) > MAX_TILE_ZOOM) {
    throw new HttpProblem(400, 'tile-zoom', { value: rawZ.slice(0, 20), max: MAX_TILE_ZOOM }, 'z');
  }
  const z = Number(rawZ);
  const max = 2 ** z - 1;
  const index = (raw: string, parameter: 'x' | 'y') => {
    if (!decimalIndex.test(raw) || Number(raw) > max) {
      throw new HttpProblem(400, 'tile-index', { parameter, value: raw.slice(0, 20), z, max }, parameter);
    }
    return Number(raw);
  };
  return { z, x: index(rawX, 'x'), y: index(rawY, 'y') };
}
