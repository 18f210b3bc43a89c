import type { Meta, ProposalImpact, ProposalKind } from '../domain/contract-types.js';
import { percent } from '../coverage/coverage-formats.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { withUnit } from '../inspector/value-formats.js';
import { ratioChangePoints } from './proposal-formats.js';

/** The predicted impact stored with a proposal at submission; each figure with what it counts. */
export function ProposalImpactSummary({ meta, impact, technology, kind }: { meta: Meta; impact: ProposalImpact; technology: string; kind: ProposalKind }) {
  const i18n = useI18n();
  const { t } = i18n;
  const change = ratioChangePoints(impact.sharingBefore, impact.sharingAfter);
  return (
    <div className="impact" data-testid="proposal-impact">
      <dl className="stat-cards stat-cards--two">
        <div className="stat-card">
          <dd data-testid="impact-population">{i18n.formatNumber(impact.populationNewlyCovered)}</dd>
          <dt title={t('impact.populationHint', { technology })}>{t('colocation.populationNewlyCovered')}</dt>
        </div>
        <div className="stat-card">
          <dd data-testid="impact-hamlets">{i18n.formatNumber(impact.hamletsNewlyCovered.length)}</dd>
          <dt>{t('impact.hamletsGaining')}</dt>
        </div>
      </dl>
      <p className="tool-panel__definition">{t('impact.populationHint', { technology })}</p>
      <div className="impact__sharing" data-testid="impact-sharing">
        <strong>{t('impact.sharing')}</strong>{' '}
        <span data-testid="impact-sharing-values">
          {percent(i18n, impact.sharingBefore.value)} → {percent(i18n, impact.sharingAfter.value)}
        </span>
        {change !== null ? <span className="impact__change"> ({change >= 0 ? '+' : ''}{i18n.formatNumber(change, 2)} {t('impact.points')})</span> : null}
        <span className="impact__fraction">
          {t('impact.sharingFraction', {
            before: `${i18n.formatNumber(impact.sharingBefore.numerator)}/${i18n.formatNumber(impact.sharingBefore.denominator)}`,
            after: `${i18n.formatNumber(impact.sharingAfter.numerator)}/${i18n.formatNumber(impact.sharingAfter.denominator)}`,
          })}
        </span>
        <span className="tool-panel__definition">{t('impact.sharingDefinition')}</span>
      </div>
      {impact.hamletsNewlyCovered.length > 0 ? (
        <table className="bts-table impact__hamlets">
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col" className="num">{t('impact.populationGain')}</th>
              <th scope="col">{t('whatIf.verdictChange')}</th>
            </tr>
          </thead>
          <tbody>
            {impact.hamletsNewlyCovered.map((h) => (
              <tr key={h.code}>
                <td>{h.name}</td>
                <td className="num">+{i18n.formatNumber(h.populationGain)}</td>
                <td>
                  {verdictText(t, h.verdictBefore)} → {verdictText(t, h.verdictAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="impact__nearest">
        <strong>{t('impact.nearest')}</strong>{' '}
        {impact.nearestStructure ? (
          <>
            {impact.nearestStructure.siteCode ?? `${t('colocation.inferredSite')} ${impact.nearestStructure.siteKey}`}
            {impact.nearestStructure.owner ? (
              <>
                {' · '}
                <OperatorLabel code={impact.nearestStructure.owner} operators={meta.operators} />
              </>
            ) : null}
            {' · '}
            {withUnit(i18n, impact.nearestStructure.distanceM, 'unit.m')}
          </>
        ) : (
          t('impact.noneNearby')
        )}
      </p>
      {/* What a new site passed over: a co-location is itself the shared option. */}
      {kind === 'new_site' || impact.candidatesInRadius.length > 0 ? (
        <p className="impact__candidates" data-testid="impact-candidates">
          <strong>{t('impact.candidatesInRadius', { count: impact.candidatesInRadius.length })}</strong>{' '}
          {impact.candidatesInRadius
            .map((c) => `${c.siteKey} (${withUnit(i18n, c.distanceM, 'unit.m')}, +${i18n.formatNumber(c.populationNewlyCovered)} ${t('unit.people')})`)
            .join('; ')}
        </p>
      ) : null}
      <p className="legend__note">{t('impact.computedAt', { date: i18n.formatDateTime(impact.computedAt) })}</p>
    </div>
  );
}

function verdictText(t: ReturnType<typeof useI18n>['t'], verdict: string): string {
  return verdict === 'covered' || verdict === 'lom_song' || verdict === 'trang_song' ? t(`verdict.${verdict}`) : verdict;
}
