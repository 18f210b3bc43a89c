import { useEffect, useState } from 'react';
import type { HatangMap } from '../map/hatang-map.js';
import { ImportPreviewOnMap, type PreviewCollection } from './import-preview-layers.js';

interface Props {
  map: HatangMap | null;
  /** The dry run's preview, or null to draw nothing. */
  collection: PreviewCollection | null;
}

/** Draws the preview while mounted; nothing of it stays on the map after (the panel closing unmounts it). */
export function ImportPreview({ map, collection }: Props) {
  const [layer, setLayer] = useState<ImportPreviewOnMap | null>(null);
  useEffect(() => {
    if (!map) return;
    const created = new ImportPreviewOnMap(map.map);
    setLayer(created);
    return () => {
      created.remove();
      setLayer(null);
    };
  }, [map]);
  useEffect(() => {
    layer?.set(collection);
  }, [layer, collection]);
  return null;
}
