import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Runs `fn` once the style's own layers exist (the style object is parsed after
 * the map is constructed), so overlays added by panels sit above them. Returns
 * the function that stops waiting.
 */
export function whenStyleReady(map: MaplibreMap, fn: () => void): () => void {
  if (map.getLayer('districts-fill')) {
    fn();
    return () => undefined;
  }
  const onStyle = () => {
    if (!map.getLayer('districts-fill')) return;
    map.off('styledata', onStyle);
    fn();
  };
  map.on('styledata', onStyle);
  return () => map.off('styledata', onStyle);
}
