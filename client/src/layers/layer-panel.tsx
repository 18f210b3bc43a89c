import type { UnitLists } from './use-admin-unit-list.js';
import { useState, type ReactNode } from 'react';
import type { Meta } from '../domain/contract-types.js';
import type { MapToggle } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LayerFilterState } from '../url/view-state.js';
import { LayerFilters } from './layer-filters.js';
import { LayerToggleList, registerToggleOrder } from './layer-toggle-list.js';
import { MapLegend } from './map-legend.js';
import type { LayerLoads } from './use-layer-data.js';
import type { TileCountLoads } from './use-tile-layer-counts.js';

interface LayerPanelProps {
  meta: Meta;
  visible: readonly MapToggle[];
  loads: LayerLoads;
  /** The districts and communes the unit picker offers. */
  units: UnitLists;
  /** Counts of the tiled layers (GET /api/layers/{layer}/count). */
  tileCounts: TileCountLoads;
  coverageColour: string;
  filters: LayerFilterState;
  /** The coverage section (choice, ratio, coverage layers, tools, legend). */
  coverage: ReactNode;
  /** The scenario switch (Hiện trạng / Quy hoạch), above everything it changes. */
  scenario?: ReactNode;
  /** The sharing section (province ratio against the target, the sharing panel's button). */
  sharing?: ReactNode;
  /** Legend of the shared-sites and consolidation layers (needs ε and D from the sharing answers). */
  sharingLegend?: ReactNode;
  onToggle: (layer: MapToggle, visible: boolean) => void;
  onFiltersChange: (filters: LayerFilterState) => void;
  onUnitChosen: (unit: string | null) => void;
}

function PanelSection({ title, children, initiallyOpen = true }: { title: string; children: ReactNode; initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <section className="panel-section">
      <h2 className="panel-section__title">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className="panel-section__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
      </h2>
      {open ? <div className="panel-section__body">{children}</div> : null}
    </section>
  );
}

/** The left-hand panel: data overview, layer toggles, coverage, filters and legend. */
export function LayerPanel({ meta, visible, loads, units, tileCounts, coverageColour, filters, coverage, scenario, sharing, sharingLegend, onToggle, onFiltersChange, onUnitChosen }: LayerPanelProps) {
  const { t, formatNumber } = useI18n();
  // [value, label, what it counts]: the sites and BTS leave out the decommissioned ones the map's layers still draw.
  const counts: [string, string, string?][] = [
    [formatNumber(meta.counts.sites), t('counts.sites'), t('counts.sitesHint')],
    [formatNumber(meta.counts.bts), t('counts.bts'), t('counts.btsHint')],
    [formatNumber(meta.counts.hamlets), t('counts.hamlets')],
    [formatNumber(meta.counts.fiberKm, 0), t('counts.fiberKm')],
  ];
  return (
    <nav className="layer-panel" aria-label={t('panel.layers')}>
      {meta.demoData ? (
        <p className="demo-notice" role="note" data-testid="demo-notice">
          <span className="demo-notice__icon" aria-hidden="true">⚠</span>
          {t('demo.notice')}
        </p>
      ) : null}
      <dl className="counts" aria-label={t('counts.heading')}>
        {counts.map(([value, label, hint]) => (
          <div key={label} className="counts__item" title={hint}>
            <dd>{value}</dd>
            <dt>{label}</dt>
          </div>
        ))}
      </dl>
      {scenario}
      <PanelSection title={t('panel.layers')}>
        <LayerToggleList
          meta={meta}
          toggles={registerToggleOrder}
          visible={visible}
          loads={loads}
          tileCounts={tileCounts}
          filters={filters}
          coverageColour={coverageColour}
          onToggle={onToggle}
        />
      </PanelSection>
      {sharing ? <PanelSection title={t('panel.sharing')}>{sharing}</PanelSection> : null}
      <PanelSection title={t('panel.coverage')}>{coverage}</PanelSection>
      <PanelSection title={t('panel.filters')}>
        <LayerFilters meta={meta} filters={filters} units={units} onChange={onFiltersChange} onUnitChosen={onUnitChosen} />
      </PanelSection>
      <PanelSection title={t('panel.legend')}>
        <MapLegend meta={meta} extra={sharingLegend} />
      </PanelSection>
    </nav>
  );
}
