import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { coveragePanelValues, type CoveragePanel } from '../url/view-state.js';

const tabLabels = { 'hamlet-table': 'tools.hamletTable', model: 'tools.modelLong', sharing: 'sharing.panelTitle' } as const;

interface CoverageDrawerProps {
  panel: CoveragePanel;
  onPanelChange: (panel: CoveragePanel | null) => void;
  children: ReactNode;
}

/** The lower part of the map area: the hamlet coverage table or the model, with tabs to switch between them. */
export function CoverageDrawer({ panel, onPanelChange, children }: CoverageDrawerProps) {
  const { t } = useI18n();
  return (
    <section className="drawer" aria-label={t(tabLabels[panel])} data-testid="coverage-drawer">
      <header className="drawer__header">
        <div className="drawer__tabs" role="tablist">
          {coveragePanelValues.map((value) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={value === panel}
              className="drawer__tab"
              onClick={() => onPanelChange(value)}
              data-testid={`drawer-tab-${value}`}
            >
              {t(tabLabels[value])}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" onClick={() => onPanelChange(null)} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </header>
      <div className="drawer__body" role="tabpanel">
        {children}
      </div>
    </section>
  );
}
