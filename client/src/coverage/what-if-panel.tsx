import { useEffect } from 'react';
import type { Meta, WhatIfResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { withUnit } from '../inspector/value-formats.js';
import type { CoverageChoice } from '../url/view-state.js';
import { areaM2, percent } from './coverage-formats.js';
import { groupLabel, operatorChoiceLabel } from './coverage-labels.js';
import { modelName, modelWarningLabel } from './model-warning-label.js';
import type { WhatIf } from './use-what-if.js';
import { VerdictBadge } from './verdict-badge.js';
import { sectorPresetOf, WhatIfForm } from './what-if-form.js';

/** Covered hamlets of the unit on screen, now and with the hypothetical BTS. */
export interface WhatIfRatio {
  hamlets: number;
  coveredBefore: number;
  coveredAfter: number;
  inUnit: boolean;
}

interface WhatIfPanelProps {
  meta: Meta;
  coverage: CoverageChoice;
  whatIf: WhatIf;
  ratio: WhatIfRatio | null;
  onClose: () => void;
  onHamletClick: (code: string) => void;
}

/** Place hypothetical BTS and see what they would change: footprints on the map, hamlets whose verdict changes. */
export function WhatIfPanel({ meta, coverage, whatIf, ratio, onClose, onHamletClick }: WhatIfPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { bts, pending, placing, result } = whatIf;
  const response = result.status === 'ready' ? result.response : result.status === 'empty' ? null : result.previous;
  const { cancelPlacing } = whatIf;

  useEffect(() => {
    if (!placing && !pending) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancelPlacing();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing, pending, cancelPlacing]);

  return (
    <section className="what-if" aria-label={t('whatIf.title')} data-testid="what-if-panel">
      <header className="what-if__header">
        <div>
          <h2 className="what-if__title">{t('whatIf.title')}</h2>
          <p className="what-if__choice">
            {t('whatIf.assessedFor', {
              operator: operatorChoiceLabel(t, coverage.operator, meta.operators),
              group: groupLabel(t, coverage.group, true),
            })}
          </p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </header>
      <div className="what-if__body">
        <p className="what-if__note">{t('whatIf.intro')}</p>

        {placing ? (
          <div className="what-if__placing" role="status">
            <span>{t('whatIf.placingHint')}</span>
            <button type="button" className="button button--small" onClick={whatIf.cancelPlacing}>
              {t('whatIf.cancel')}
            </button>
          </div>
        ) : pending ? (
          <WhatIfForm
            lon={pending.lon}
            lat={pending.lat}
            operators={meta.operators}
            coverageOperator={coverage.operator}
            previous={bts[bts.length - 1] ?? null}
            onSubmit={whatIf.add}
            onCancel={whatIf.cancelPlacing}
          />
        ) : (
          <button type="button" className="button button--primary what-if__place" onClick={whatIf.startPlacing} data-testid="what-if-place">
            <span aria-hidden="true">⊕</span> {t(bts.length === 0 ? 'whatIf.place' : 'whatIf.placeAnother')}
          </button>
        )}

        {bts.length > 0 ? (
          <>
            <h3 className="what-if__subheading">{t('whatIf.placed', { count: bts.length })}</h3>
            <ol className="what-if__list">
              {bts.map((b, index) => {
                const sectors = response?.footprints.features.filter((f) => f.properties.btsIndex === index) ?? [];
                const first = sectors[0]?.properties;
                const warnings = [...new Set(sectors.flatMap((f) => f.properties.warnings))];
                return (
                  <li key={index} className="what-if__item" data-testid="what-if-bts">
                    <div className="what-if__item-head">
                      <span className="what-if__index">{index + 1}</span>
                      <OperatorLabel code={b.operator} operators={meta.operators} />
                      <span className={`tech-badge tech-badge--${b.technology.toLowerCase()}`}>{b.technology}</span>
                      <span className="what-if__spacer" />
                      <button type="button" className="icon-button icon-button--small" onClick={() => whatIf.remove(index)} aria-label={t('whatIf.remove')} title={t('whatIf.remove')}>
                        ×
                      </button>
                    </div>
                    <p className="what-if__params">
                      {b.bandMHz} MHz · {t('whatIf.antennaShort')} {withUnit(i18n, b.antennaHeightM, 'unit.m', 1)} · EIRP {withUnit(i18n, b.eirpDbm ?? null, 'unit.dbm', 1)} ·{' '}
                      {t(`whatIf.preset.${sectorPresetOf(b)}`)}
                    </p>
                    {first ? (
                      <p className="what-if__range">
                        {t('whatIf.range', {
                          range: i18n.formatNumber(first.rangeM / 1000, 2),
                          model: modelName(t, first.model),
                          environment: isEnvironment(first.environment) ? t(`environment.${first.environment}`) : first.environment,
                        })}
                      </p>
                    ) : null}
                    {warnings.length > 0 ? (
                      <p className="warning-list">
                        {warnings.map((w) => (
                          <span key={w} className="warning-chip">
                            ⚠ {modelWarningLabel(t, w)}
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </>
        ) : null}

        {result.status === 'loading' ? <p className="what-if__status">{t('whatIf.computing')}</p> : null}
        {result.status === 'error' ? (
          <p className="inspector__message--error what-if__status" role="alert">
            {t('whatIf.failed', { detail: result.error })}
          </p>
        ) : null}
        {response && bts.length > 0 ? <WhatIfResult response={response} ratio={ratio} onHamletClick={onHamletClick} /> : null}

        {bts.length > 0 || pending ? (
          <div className="what-if__footer">
            <button type="button" className="button button--small" onClick={whatIf.clear} data-testid="what-if-clear">
              {t('whatIf.clear')}
            </button>
            <span className="legend__note">{t('whatIf.notSaved')}</span>
          </div>
        ) : null}
      </div>
    </section>
  );
}

const environments = ['urban', 'dense_urban', 'suburban', 'rural'] as const;
function isEnvironment(value: string): value is (typeof environments)[number] {
  return (environments as readonly string[]).includes(value);
}

const verdictRank = { covered: 0, lom_song: 1, trang_song: 2 } as const;

/** Best outcome first: hamlets that become covered, then by the population gained. */
function byImprovement(a: WhatIfResponse['changedHamlets'][number], b: WhatIfResponse['changedHamlets'][number]): number {
  return (
    verdictRank[a.after] - verdictRank[b.after] ||
    b.populationCoveredAfter - b.populationCoveredBefore - (a.populationCoveredAfter - a.populationCoveredBefore)
  );
}

function WhatIfResult({ response, ratio, onHamletClick }: { response: WhatIfResponse; ratio: WhatIfRatio | null; onHamletClick: (code: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="what-if__result" data-testid="what-if-result">
      {ratio && ratio.hamlets > 0 ? (
        <p className="what-if__ratio" data-testid="what-if-ratio">
          {t('whatIf.ratio', { scope: t(ratio.inUnit ? 'ratio.inUnit' : 'ratio.wholeProvince') })}{' '}
          <strong>
            {percent(i18n, ratio.coveredBefore / ratio.hamlets)} → {percent(i18n, ratio.coveredAfter / ratio.hamlets)}
          </strong>{' '}
          <span className="what-if__ratio-detail">
            ({i18n.formatNumber(ratio.coveredBefore)} → {i18n.formatNumber(ratio.coveredAfter)} / {i18n.formatNumber(ratio.hamlets)})
          </span>
        </p>
      ) : null}
      <dl className="stat-cards">
        <div className="stat-card">
          <dd data-testid="what-if-hamlets-newly-covered">{i18n.formatNumber(response.hamletsNewlyCovered)}</dd>
          <dt>{t('whatIf.hamletsNewlyCovered')}</dt>
        </div>
        <div className="stat-card">
          <dd>{i18n.formatNumber(response.populationNewlyCovered)}</dd>
          <dt>{t('whatIf.populationNewlyCovered')}</dt>
        </div>
        <div className="stat-card">
          <dd>{areaM2(i18n, response.gapAreaRemovedM2)}</dd>
          <dt title={t('whatIf.gapAreaHint')}>{t('whatIf.gapAreaRemoved')}</dt>
        </div>
      </dl>
      <h3 className="what-if__subheading">{t('whatIf.changed', { count: response.changedHamlets.length })}</h3>
      {response.changedHamlets.length > 0 ? <p className="legend__note">{t('whatIf.mapNote')}</p> : null}
      {response.changedHamlets.length === 0 ? (
        <p className="legend__note">{t('whatIf.noChange')}</p>
      ) : (
        <table className="bts-table what-if__changes" data-testid="what-if-changes">
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('whatIf.verdictChange')}</th>
              <th scope="col" className="num">{t('table.share')}</th>
              <th scope="col" className="num">{t('table.populationCovered')}</th>
            </tr>
          </thead>
          <tbody>
            {[...response.changedHamlets].sort(byImprovement).map((h) => (
              <tr key={h.code} data-testid="what-if-changed-hamlet">
                <td>
                  <button type="button" className="row-link" onClick={() => onHamletClick(h.code)}>
                    {h.name}
                  </button>
                  <span className="what-if__commune">{h.communeName}</span>
                </td>
                <td className="what-if__verdicts">
                  <VerdictBadge verdict={h.before} /> <span aria-hidden="true">→</span> <VerdictBadge verdict={h.after} />
                </td>
                <td className="num">
                  {percent(i18n, h.coveredShareBefore, 0)} → {percent(i18n, h.coveredShareAfter, 0)}
                </td>
                <td className="num">
                  {i18n.formatNumber(h.populationCoveredBefore)} → {i18n.formatNumber(h.populationCoveredAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
