import { useI18n } from '../i18n/i18n-context.js';
import { ConsolidationSwatch, TenantSwatch } from './sharing-swatches.js';
import { tenantSteps } from './tenant-steps.js';

/** Legend of the shared-sites layer (size and colour by tenant count, inferred sites) and of the consolidation layer. */
export function SharedSiteLegend({ epsM, distanceM }: { epsM: number | null; distanceM: number | null }) {
  const { t } = useI18n();
  return (
    <section className="legend__group" data-testid="shared-site-legend">
      <h3>{t('legend.tenants')}</h3>
      <ul className="legend__columns">
        {tenantSteps.map((step) => (
          <li key={step.label}>
            <TenantSwatch step={step} />
            {step.min === 1 ? t('legend.tenantOne') : t('legend.tenantStep', { count: step.label })}
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <TenantSwatch step={tenantSteps[1]} inferred />
          {epsM === null ? t('legend.inferredSiteNoEps') : t('legend.inferredSite', { eps: epsM })}
        </li>
        <li>
          <ConsolidationSwatch />
          {distanceM === null ? t('legend.consolidation') : t('legend.consolidationWithin', { distance: distanceM })}
        </li>
      </ul>
      <p className="legend__note">{t('legend.tenantsNote')}</p>
    </section>
  );
}
