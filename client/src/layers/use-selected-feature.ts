import { useEffect, useState } from 'react';
import { describeError, fetchLayer, layerUrl } from '../api/api-client.js';
import type { LayerName, Scenario } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { Bbox } from '../map/geometry-measures.js';
import type { CoverageChoice, LayerFilterState, Selection } from '../url/view-state.js';
import { layerQuery } from './layer-queries.js';
import { revisionOfLayer, type LayerLoads, type RegisterRevisions } from './use-layer-data.js';

/**
 * Tile layers whose inspector shows the layer's own feature (its properties and
 * geometry as GET /api/layers gives them): a tile feature carries fewer
 * properties, is cut to its tile, and a link may select one before any tile is in.
 * Sites and hamlets have their own detail endpoints. A district or commune is
 * asked for by itself (`unit` = its code: the unit alone at its own level),
 * with its population, hamlet count and area, which its tiles do not carry.
 */
const lookedUp = ['bts', 'fiber', 'gaps', 'shared-sites', 'communes', 'districts'] as const satisfies readonly LayerName[];
const isUnitLayer = (layer: LookedUpLayer): boolean => layer === 'communes' || layer === 'districts';
type LookedUpLayer = (typeof lookedUp)[number];
const isLookedUp = (layer: string): layer is LookedUpLayer => (lookedUp as readonly string[]).includes(layer);

/** Where the selected feature is looked for: around the click that selected it, else the view. */
export interface SelectionArea {
  /** `layer:code` of the selection the box belongs to. */
  key: string;
  bbox: Bbox;
}

export const selectionKey = (selection: Selection): string => `${selection.layer}:${selection.code}`;

/**
 * The selected feature's layer as GeoJSON, for the features in a small box
 * only (`area`, around the click), else the whole layer (a selection from a
 * link or a list may lie outside the view): the inspector finds its feature
 * there. Loaded again after a write to the layer (`revisions`).
 */
export function useSelectedFeature(
  selection: Selection | null,
  area: SelectionArea | null,
  filters: LayerFilterState,
  coverage: CoverageChoice,
  lang: Lang,
  revisions: RegisterRevisions,
  scenario: Scenario,
): LayerLoads {
  const [loads, setLoads] = useState<LayerLoads>({});
  const layer = selection && isLookedUp(selection.layer) ? selection.layer : null;
  const key = selection ? selectionKey(selection) : null;
  const revision = layer ? (revisions[revisionOfLayer[layer] ?? 'radio'] ?? 0) : 0;
  const filtersKey = JSON.stringify([filters, coverage, scenario]);

  useEffect(() => {
    if (!layer || !key) {
      setLoads({});
      return;
    }
    // A selection from a link (or from a list) may lie outside the view: without
    // the click's box, the whole layer is asked for, so the feature is always found.
    const bbox = area?.key === key ? area.bbox : null;
    const query = isUnitLayer(layer)
      ? { ...layerQuery(layer, filters, coverage, scenario), unit: selection!.code }
      : { ...layerQuery(layer, filters, coverage, scenario), ...(bbox ? { bbox: bbox.map((n) => n.toFixed(6)).join(',') } : {}) };
    const url = layerUrl(layer, query);
    const loadKey = `${revision} ${url}`;
    const controller = new AbortController();
    setLoads((prev) => ({ [layer]: { url, key: loadKey, status: 'loading', data: prev[layer]?.data ?? null, error: null } }));
    fetchLayer(layer, query, lang, controller.signal)
      .then((data) => setLoads({ [layer]: { url, key: loadKey, status: 'ready', data, error: null } }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoads({ [layer]: { url, key: loadKey, status: 'error', data: null, error: describeError(error) } });
      });
    return () => controller.abort();
    // The box is read when the selection changes, not on every camera move.
  }, [layer, key, revision, filtersKey, lang]);

  return loads;
}
