import type { SharingResponse, SiteConflict } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages-vi.js';
import type { CachedAnswerLoad } from '../api/use-cached-answer.js';
import type { SiteConflictsResponse } from '../domain/contract-types.js';

interface InferenceSummaryProps {
  inference: SharingResponse['inference'];
  epsM: number;
  conflicts: CachedAnswerLoad<SiteConflictsResponse>;
  onConflictClick: (conflict: SiteConflict) => void;
}

/** How the physical sites were found from the operators' BTS lists, and the inconsistencies of the register inference found. */
export function InferenceSummary({ inference, epsM, conflicts, onConflictClick }: InferenceSummaryProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const figures: [MessageKey, number, MessageKey, string][] = [
    ['sharing.inference.siteRecords', inference.siteRecords, 'sharing.inference.siteRecordsHint', 'site-records'],
    ['sharing.inference.inferredSites', inference.inferredSites, 'sharing.inference.inferredSitesHint', 'inferred-sites'],
    ['sharing.inference.btsExplicit', inference.btsExplicit, 'sharing.inference.btsExplicitHint', 'bts-explicit'],
    ['sharing.inference.btsJoined', inference.btsJoined, 'sharing.inference.btsJoinedHint', 'bts-joined'],
    ['sharing.inference.btsInferred', inference.btsInferred, 'sharing.inference.btsInferredHint', 'bts-inferred'],
    ['sharing.inference.conflicts', inference.conflicts, 'sharing.inference.conflictsHint', 'conflicts'],
  ];
  const list = conflicts.data?.conflicts ?? [];
  return (
    <div className="inference" data-testid="inference-summary">
      <div className="inference__summary">
        <p className="sharing-panel__definition">{t('sharing.inference.rule', { eps: epsM })}</p>
        <dl className="inference__figures">
          {figures.map(([label, value, hint, id]) => (
            <div key={label} className="inference__figure" title={t(hint, { eps: epsM })}>
              <dd data-testid={`inference-${id}`}>{i18n.formatNumber(value)}</dd>
              <dt>{t(label)}</dt>
            </div>
          ))}
        </dl>
        <p className="sharing-panel__definition">
          {t('sharing.inference.btsTotal', { total: inference.btsExplicit + inference.btsJoined + inference.btsInferred })}
        </p>
      </div>
      <div className="inference__conflicts">
        <h3 className="sharing-panel__subheading">{t('sharing.conflicts.heading', { count: list.length })}</h3>
        <p className="sharing-panel__definition">{t('sharing.conflicts.definition', { eps: epsM })}</p>
        {conflicts.status === 'error' ? <p className="layer-row__error">{t('sharing.failed', { detail: conflicts.error ?? '' })}</p> : null}
        {conflicts.status === 'loading' && list.length === 0 ? <p className="sharing-panel__message">{t('sharing.loading')}</p> : null}
        {list.length > 0 ? (
          <table className="data-table" data-testid="conflict-table">
            <thead>
              <tr>
                <th scope="col">{t('sharing.conflicts.kind')}</th>
                <th scope="col">{t('sharing.conflicts.siteCodes')}</th>
                <th scope="col">{t('sharing.conflicts.btsCodes')}</th>
                <th scope="col" className="num">
                  {t('sharing.conflicts.distance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((conflict) => (
                <tr key={conflict.id} className="data-table__row" onClick={() => onConflictClick(conflict)} data-testid={`conflict-${conflict.id}`} title={t('sharing.flyTo')}>
                  <td>{t(`sharing.conflicts.kind.${conflict.kind}`)}</td>
                  <td className="data-table__code">{conflict.siteCodes.join(', ')}</td>
                  <td className="data-table__code sharing-table__wrap">{conflict.btsCodes.join(', ')}</td>
                  <td className="num">{`${i18n.formatNumber(conflict.distanceM, 0)} ${t('unit.m')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : conflicts.status === 'ready' ? (
          <p className="sharing-panel__message">{t('sharing.conflicts.none')}</p>
        ) : null}
      </div>
    </div>
  );
}
