import type { Map as MaplibreMap } from 'maplibre-gl';
import { mapPalette } from './map-palette.js';

export const gapHatchImageId = 'gap-hatch';

const size = 10;

/** Diagonal stripes on transparency, drawn into pixels: the offline style has no sprite to take a pattern from. */
function hatchPixels(): Uint8Array {
  const hex = mapPalette.gapHatch.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Stripes along x + y = const, 2-3 px wide in a 10 px tile, so tiles join seamlessly.
      const d = (x + y) % size;
      const alpha = d < 2 ? 255 : d === 2 ? 110 : 0;
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = alpha;
    }
  }
  return data;
}

/** Registers the hatch image once the style exists (and again if the style ever asks for it). */
export function registerGapHatch(map: MaplibreMap): void {
  const add = () => {
    if (!map.hasImage(gapHatchImageId)) map.addImage(gapHatchImageId, { width: size, height: size, data: hatchPixels() });
  };
  add();
  map.on('styleimagemissing', (event: { id: string }) => {
    if (event.id === gapHatchImageId) add();
  });
}
