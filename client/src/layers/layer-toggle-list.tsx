import type { ReactNode } from 'react';
import type { Meta } from '../domain/contract-types.js';
import type { MapToggle } from '../domain/enum-values.js';
import type { MeasurementLoad } from '../coverage/use-measurements.js';
import { useI18n } from '../i18n/i18n-context.js';
import { coverageOpacity, mapPalette } from '../map/map-palette.js';
import { radioOperators } from '../map/operator-colours.js';
import type { LayerFilterState } from '../url/view-state.js';
import { layerIsFiltered } from './layer-queries.js';
import { ConsolidationSwatch, TenantStepsSwatch } from '../sharing/sharing-swatches.js';
import { AreaSwatch, FiberSwatch, HatchSwatch, MeasurementSwatch, RingsSwatch, SiteSwatch, VerdictsSwatch } from './legend-swatches.js';
import type { LayerLoads } from './use-layer-data.js';
import type { TileCountLoads } from './use-tile-layer-counts.js';
import { isTileLayer } from '../map/tile-sources.js';

/** Toggle order of the register layers: as drawn, top of the map first. */
export const registerToggleOrder: readonly MapToggle[] = ['sites', 'shared-sites', 'consolidation', 'bts', 'fiber', 'hamlets', 'communes', 'districts'];

/** Toggles of the coverage section. */
export const coverageToggleOrder: readonly MapToggle[] = ['hamlet-verdicts', 'gaps', 'coverage', 'measurements'];

interface LayerToggleListProps {
  meta: Meta;
  toggles: readonly MapToggle[];
  visible: readonly MapToggle[];
  loads: LayerLoads;
  /** Counts of the tiled layers (the hamlets' with their verdicts, for the choropleth's row). */
  tileCounts: TileCountLoads;
  /** The field measurements of the coverage choice (their count and errors); only the coverage section has them. */
  measurementLoad?: MeasurementLoad;
  filters: LayerFilterState;
  /** Colour of the coverage wash: the chosen operator's, or the any-operator blue. */
  coverageColour: string;
  onToggle: (layer: MapToggle, visible: boolean) => void;
}

interface ToggleStatus {
  loading: boolean;
  /** Features on the map (for the coverage union: its area). */
  count: string | null;
  /** What the count counts, shown on hover. */
  countHint?: string;
  error: string | null;
  truncated: boolean;
}

export function LayerToggleList({ meta, toggles, visible, loads, tileCounts, measurementLoad, filters, coverageColour, onToggle }: LayerToggleListProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const neutral = mapPalette.neutralOwner;
  const swatches: Record<MapToggle, ReactNode> = {
    sites: <SiteSwatch kind="single" colour={neutral} />,
    'shared-sites': <TenantStepsSwatch />,
    consolidation: <ConsolidationSwatch />,
    bts: <RingsSwatch colours={radioOperators(meta.operators).map((o) => o.colour)} />,
    fiber: <FiberSwatch kind="distribution" />,
    hamlets: <AreaSwatch fill={mapPalette.hamletFill} fillOpacity={0.35} stroke={mapPalette.hamletLine} />,
    communes: <AreaSwatch fill={mapPalette.land} stroke={mapPalette.communeLine} />,
    districts: <AreaSwatch fill="none" stroke={mapPalette.districtLine} strokeWidth={2} />,
    coverage: <AreaSwatch fill={coverageColour} fillOpacity={coverageOpacity.coverage + 0.1} stroke={coverageColour} />,
    gaps: <HatchSwatch />,
    'hamlet-verdicts': <VerdictsSwatch />,
    measurements: <MeasurementSwatch />,
  };
  const hints: Partial<Record<MapToggle, string>> = {
    sites: t('definition.site'),
    'shared-sites': t('definition.sharedSiteLayer'),
    consolidation: t('definition.consolidation'),
    bts: t('definition.bts'),
    coverage: t('definition.coverage'),
    gaps: t('definition.gap'),
    'hamlet-verdicts': t('definition.verdictShort'),
    measurements: t('definition.measurements'),
  };
  const statusOf = (toggle: MapToggle): ToggleStatus => {
    // The tiled layers: the server's count under the same filters as the tiles, over the whole layer (not the view).
    const counted = toggle === 'hamlet-verdicts' ? 'hamlets' : toggle;
    if (isTileLayer(counted)) {
      const load = tileCounts[counted];
      const data = load?.data ?? null;
      const error = load?.status === 'error' ? (load.error ?? '') : null;
      if (toggle === 'hamlet-verdicts') {
        const verdicts = data?.verdicts ?? null;
        return { loading: load?.status === 'loading', count: verdicts ? t('layer.count', { count: verdicts.hamlets }) : null, countHint: t('layer.countVerdictsHint'), error, truncated: false };
      }
      if (counted === 'coverage') {
        const km2 = data?.areaKm2 ?? null;
        return { loading: load?.status === 'loading', count: km2 === null ? null : `${i18n.formatNumber(km2)} ${t('unit.km2')}`, countHint: t('layer.countCoverageHint'), error, truncated: false };
      }
      return { loading: load?.status === 'loading', count: data ? t('layer.count', { count: data.count }) : null, countHint: t(`layer.countHint.${counted}`), error, truncated: false };
    }
    if (toggle === 'measurements') {
      const data = measurementLoad?.data ?? null;
      return {
        loading: measurementLoad?.status === 'loading',
        count: data ? t('layer.count', { count: data.features.length }) : null,
        error: measurementLoad?.status === 'error' ? (measurementLoad.error ?? '') : null,
        truncated: data?.truncated ?? false,
      };
    }
    // The GeoJSON layer (consolidation): the features loaded.
    const load = loads[toggle as Exclude<MapToggle, 'hamlet-verdicts' | 'measurements'>];
    return { loading: load?.status === 'loading', count: load?.data ? t('layer.count', { count: load.data.numberReturned }) : null, error: load?.status === 'error' ? (load.error ?? '') : null, truncated: load?.data?.truncated ?? false };
  };

  return (
    <ul className="layer-list">
      {toggles.map((layer) => {
        const status = statusOf(layer);
        const isVisible = visible.includes(layer);
        const filtered = layer !== 'hamlet-verdicts' && layer !== 'measurements' && layerIsFiltered(layer, filters);
        return (
          <li key={layer} className={isVisible ? 'layer-row' : 'layer-row layer-row--off'}>
            <label className="layer-row__label" title={hints[layer]}>
              <input
                type="checkbox"
                data-testid={`layer-toggle-${layer}`}
                checked={isVisible}
                onChange={(event) => onToggle(layer, event.target.checked)}
              />
              {swatches[layer]}
              <span className="layer-row__name">{t(`layer.${layer}`)}</span>
              {filtered && isVisible ? (
                <span className="layer-row__filtered" title={t('layer.filteredHint')} aria-label={t('layer.filteredHint')}>
                  ⧩
                </span>
              ) : null}
              <span className="layer-row__count" data-testid={`layer-count-${layer}`} title={status.count !== null ? status.countHint : undefined}>
                {status.loading ? t('layer.loading') : (status.count ?? '')}
              </span>
            </label>
            {status.error !== null && isVisible ? <p className="layer-row__error">{t('layer.failed', { layer: t(`layer.${layer}`), detail: status.error })}</p> : null}
            {status.truncated && isVisible ? <p className="layer-row__warning">{t('layer.truncated', { count: status.count ?? '' })}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
