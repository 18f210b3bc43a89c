import type { ConsolidationGroup, ConsolidationResponse, Operator } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import type { CachedAnswerLoad } from '../api/use-cached-answer.js';

interface ConsolidationTableProps {
  load: CachedAnswerLoad<ConsolidationResponse>;
  operators: readonly Operator[];
  selectedId: number | null;
  onGroupClick: (group: ConsolidationGroup) => void;
}

/** Groups of sites of different owners within D metres that could become one structure; a click shows the group on the map. */
export function ConsolidationTable({ load, operators, selectedId, onGroupClick }: ConsolidationTableProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const data = load.data;
  if (!data) {
    return load.status === 'error' ? (
      <p className="layer-row__error">{t('sharing.failed', { detail: load.error ?? '' })}</p>
    ) : (
      <p className="sharing-panel__message">{t('sharing.loading')}</p>
    );
  }
  const saved = data.groups.reduce((sum, g) => sum + g.structuresSaved, 0);
  const sitesInGroups = data.groups.reduce((sum, g) => sum + g.sites.length, 0);
  return (
    <div className="consolidation" data-testid="consolidation">
      <p className="sharing-panel__definition">{t('sharing.consolidation.definition', { distance: data.distanceM })}</p>
      <p className="sharing-panel__summary" data-testid="consolidation-summary">
        {t('sharing.consolidation.summary', { groups: data.groups.length, sites: sitesInGroups, saved })}
      </p>
      {load.status === 'error' ? <p className="layer-row__error">{t('sharing.failed', { detail: load.error ?? '' })}</p> : null}
      {data.groups.length === 0 ? (
        <p className="sharing-panel__message">{t('sharing.consolidation.none')}</p>
      ) : (
        <table className="data-table" data-testid="consolidation-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('sharing.consolidation.group')}
              </th>
              <th scope="col">{t('sharing.consolidation.commune')}</th>
              <th scope="col">{t('sharing.consolidation.sites')}</th>
              <th scope="col">{t('sharing.consolidation.owners')}</th>
              <th scope="col">{t('sharing.consolidation.operators')}</th>
              <th scope="col" className="num" title={t('sharing.consolidation.spanHint')}>
                {t('sharing.consolidation.span')}
              </th>
              <th scope="col" className="num" title={t('sharing.consolidation.savedHint')}>
                {t('sharing.consolidation.saved')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((group) => (
              <tr
                key={group.id}
                className={group.id === selectedId ? 'data-table__row data-table__row--selected' : 'data-table__row'}
                onClick={() => onGroupClick(group)}
                data-testid={`consolidation-row-${group.id}`}
                title={t('sharing.consolidation.showOnMap')}
              >
                <td className="num">{group.id}</td>
                <td>{group.communeName ?? t('value.none')}</td>
                <td className="sharing-table__wrap">
                  {group.sites.map((site) => (
                    <span key={site.siteKey} className={site.inferred ? 'site-key site-key--inferred' : 'site-key'} title={site.inferred ? t('sharing.inferredSite') : undefined}>
                      {site.siteKey}
                    </span>
                  ))}
                </td>
                <td>
                  <span className="operator-list">
                    {group.owners.map((owner) => (
                      <OperatorLabel key={owner} code={owner} operators={operators} />
                    ))}
                  </span>
                </td>
                <td>
                  <span className="operator-list">
                    {group.operators.map((op) => (
                      <OperatorLabel key={op} code={op} operators={operators} />
                    ))}
                  </span>
                </td>
                <td className="num">{`${i18n.formatNumber(group.spanM, 0)} ${t('unit.m')}`}</td>
                <td className="num">{i18n.formatNumber(group.structuresSaved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
