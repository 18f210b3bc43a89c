import { percent } from '../coverage/coverage-formats.js';
import type { Operator, OperatorSharing } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';

/** Per operator: its sites (with an active BTS of it), how many of them it shares, and with whom. */
export function OperatorSharingBlock({ rows, operators }: { rows: readonly OperatorSharing[]; operators: readonly Operator[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (rows.length === 0) return <p className="sharing-panel__message">{t('sharing.noOperators')}</p>;
  const largest = Math.max(1, ...rows.map((r) => r.sites));
  return (
    <div className="operator-sharing">
      <p className="sharing-panel__definition">{t('sharing.def.operatorSites')}</p>
      <table className="data-table data-table--plain operator-sharing__table" data-testid="operator-sharing">
        <thead>
          <tr>
            <th scope="col">{t('sharing.col.operator')}</th>
            <th scope="col" className="num">
              {t('sharing.col.operatorSites')}
            </th>
            <th scope="col" className="num" title={t('sharing.def.operatorShared')}>
              {t('sharing.col.operatorShared')}
            </th>
            <th scope="col">{t('sharing.col.sharedBar')}</th>
            <th scope="col">{t('sharing.col.partners')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const share = row.sites > 0 ? row.sharedSites / row.sites : null;
            return (
              <tr key={row.operator} data-testid={`operator-sharing-${row.operator}`} data-sites={row.sites} data-shared={row.sharedSites}>
                <td>
                  <OperatorLabel code={row.operator} operators={operators} />
                </td>
                <td className="num">{i18n.formatNumber(row.sites)}</td>
                <td className="num">
                  {t('sharing.operatorShared', { shared: row.sharedSites, sites: row.sites, share: percent(i18n, share) })}
                </td>
                <td>
                  {/* Bar lengths are to the largest operator's site count; the dark part is the shared sites. */}
                  <svg className="operator-sharing__bar" width="120" height="12" viewBox="0 0 120 12" aria-hidden="true">
                    <rect x="0" y="2" width={(120 * row.sites) / largest} height="8" rx="2" className="operator-sharing__bar-all" />
                    <rect x="0" y="2" width={(120 * row.sharedSites) / largest} height="8" rx="2" className="operator-sharing__bar-shared" />
                  </svg>
                </td>
                <td>
                  {row.partners.length === 0 ? (
                    t('value.none')
                  ) : (
                    <ul className="partner-list">
                      {[...row.partners]
                        .sort((a, b) => b.sites - a.sites || a.operator.localeCompare(b.operator))
                        .map((partner) => (
                          <li key={partner.operator} title={t('sharing.partnerHint', { sites: partner.sites })}>
                            <OperatorLabel code={partner.operator} operators={operators} /> <strong>{i18n.formatNumber(partner.sites)}</strong>
                          </li>
                        ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
