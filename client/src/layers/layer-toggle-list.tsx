import type { ReactNode } from 'react';
import type { LayerName, Meta } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { mapPalette } from '../map/map-palette.js';
import { radioOperators } from '../map/operator-colours.js';
import type { LayerFilterState } from '../url/view-state.js';
import { layerIsFiltered } from './layer-queries.js';
import { AreaSwatch, FiberSwatch, RingsSwatch, SiteSwatch } from './legend-swatches.js';
import type { LayerLoads } from './use-layer-data.js';

/** Toggle order: as drawn, top of the map first. */
const toggleOrder: readonly LayerName[] = ['sites', 'shared-sites', 'bts', 'fiber', 'hamlets', 'communes', 'districts'];

interface LayerToggleListProps {
  meta: Meta;
  visible: readonly LayerName[];
  loads: LayerLoads;
  filters: LayerFilterState;
  onToggle: (layer: LayerName, visible: boolean) => void;
}

export function LayerToggleList({ meta, visible, loads, filters, onToggle }: LayerToggleListProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const neutral = mapPalette.neutralOwner;
  const swatches: Record<LayerName, ReactNode> = {
    sites: <SiteSwatch kind="single" colour={neutral} />,
    'shared-sites': <SiteSwatch kind="shared" colour={neutral} />,
    bts: <RingsSwatch colours={radioOperators(meta.operators).map((o) => o.colour)} />,
    fiber: <FiberSwatch kind="distribution" />,
    hamlets: <AreaSwatch fill={mapPalette.hamletFill} fillOpacity={0.35} stroke={mapPalette.hamletLine} />,
    communes: <AreaSwatch fill={mapPalette.land} stroke={mapPalette.communeLine} />,
    districts: <AreaSwatch fill="none" stroke={mapPalette.districtLine} strokeWidth={2} />,
  };
  const hints: Partial<Record<LayerName, string>> = {
    sites: t('definition.site'),
    'shared-sites': t('definition.sharedSite'),
    bts: t('definition.bts'),
  };

  return (
    <ul className="layer-list">
      {toggleOrder.map((layer) => {
        const load = loads[layer];
        const isVisible = visible.includes(layer);
        const filtered = layerIsFiltered(layer, filters);
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
              <span className="layer-row__count">
                {load?.status === 'loading' ? t('layer.loading') : load?.data ? t('layer.count', { count: load.data.numberReturned }) : ''}
              </span>
            </label>
            {load?.status === 'error' && isVisible ? <p className="layer-row__error">{t('layer.failed', { layer: t(`layer.${layer}`), detail: load.error ?? '' })}</p> : null}
            {load?.data?.truncated && isVisible ? <p className="layer-row__warning">{t('layer.truncated', { count: load.data.numberReturned })}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
