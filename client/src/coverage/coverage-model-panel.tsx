import type { CoverageModel } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { areaM2, percent } from './coverage-formats.js';
import { modelWarningLabel } from './model-warning-label.js';
import { RangeCalculator } from './range-calculator.js';
import type { CoverageModelLoad } from './use-coverage-model.js';

/**
 * The coverage model as it is configured on this server: the parameters of the
 * verdicts, the link budget, the propagation formulas in words, their validity,
 * and how many footprints were computed outside it.
 */
export function CoverageModelPanel({ load, onRetry }: { load: CoverageModelLoad; onRetry: () => void }) {
  const { t } = useI18n();
  if (load.status === 'loading') return <p className="inspector__message">{t('model.loading')}</p>;
  if (load.status === 'error') {
    return (
      <p className="inspector__message inspector__message--error">
        {t('model.failed', { detail: load.error })}{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </p>
    );
  }
  return <ModelDetails model={load.model} />;
}

function ModelDetails({ model }: { model: CoverageModel }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const { validity } = model;
  return (
    <div className="model-panel" data-testid="model-panel">
      <section className="model-panel__column">
        <h3 className="model-panel__heading">{t('model.parameters')}</h3>
        <dl className="field-list field-list--compact">
          <div className="field-list__row">
            <dt>{t('model.theta')}</dt>
            <dd data-testid="model-theta">{percent(i18n, model.theta, 0)}</dd>
          </div>
          <div className="field-list__row">
            <dt>{t('model.minGapArea')}</dt>
            <dd>{areaM2(i18n, model.minGapAreaM2)}</dd>
          </div>
          <div className="field-list__row">
            <dt>{t('model.mobileHeight')}</dt>
            <dd>
              {formatNumber(model.mobileHeightM, 1)} {t('unit.m')}
            </dd>
          </div>
          <div className="field-list__row">
            <dt>{t('model.footprints')}</dt>
            <dd>{formatNumber(model.footprints)}</dd>
          </div>
        </dl>
        <h3 className="model-panel__heading">{t('model.linkBudget')}</h3>
        <p className="legend__note">{t('model.maplRule')}</p>
        <table className="bts-table model-table" data-testid="link-budget">
          <thead>
            <tr>
              <th scope="col">{t('btsTable.technology')}</th>
              <th scope="col">{t('model.band')}</th>
              <th scope="col" className="num">{t('model.threshold')}</th>
              <th scope="col" className="num">{t('model.margins')}</th>
              <th scope="col" className="num">{t('model.mapl')}</th>
            </tr>
          </thead>
          <tbody>
            {model.linkBudget.map((entry) => {
              const offset = -entry.receiverThresholdDbm - entry.marginsDb;
              return (
                <tr key={`${entry.technology}/${entry.bandMHz ?? '*'}`}>
                  <td>
                    <span className={`tech-badge tech-badge--${entry.technology.toLowerCase()}`}>{entry.technology}</span>
                  </td>
                  <td>{entry.bandMHz === null ? t('model.allBands') : `${formatNumber(entry.bandMHz)} MHz`}</td>
                  <td className="num">{formatNumber(entry.receiverThresholdDbm, 1)}</td>
                  <td className="num">{formatNumber(entry.marginsDb, 1)}</td>
                  <td className="num model-table__mapl">
                    EIRP {offset >= 0 ? '+' : '−'} {formatNumber(Math.abs(offset), 1)} dB
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="model-panel__column">
        <h3 className="model-panel__heading">{t('model.propagation')}</h3>
        <ol className="model-steps">
          <li>{t('model.step.footprint')}</li>
          <li>
            {t('model.step.okumura', { from: validity.okumuraHataMHz[0], to: validity.okumuraHataMHz[1] })}
            <code className="formula">{t('formula.okumura')}</code>
          </li>
          <li>
            {t('model.step.cost231', { from: validity.cost231HataMHz[0], to: validity.cost231HataMHz[1] })}
            <code className="formula">{t('formula.cost231')}</code>
          </li>
          <li>
            {t('model.step.mobile', { hm: formatNumber(model.mobileHeightM, 1) })}
            <code className="formula">{t('formula.aHm')}</code>
          </li>
          <li>
            {t('model.step.environment')}
            <ul className="model-env">
              <li>{t('model.env.urban')}</li>
              <li>
                {t('model.env.suburban')} <code className="formula formula--inline">{t('formula.suburban')}</code>
              </li>
              <li>
                {t('model.env.rural')} <code className="formula formula--inline">{t('formula.rural')}</code>
              </li>
            </ul>
          </li>
          <li>{t('model.step.units')}</li>
        </ol>
      </section>

      <section className="model-panel__column">
        <h3 className="model-panel__heading">{t('model.validity')}</h3>
        <ul className="model-validity">
          <li>{t('model.validity.okumura', { from: validity.okumuraHataMHz[0], to: validity.okumuraHataMHz[1] })}</li>
          <li>{t('model.validity.cost231', { from: validity.cost231HataMHz[0], to: validity.cost231HataMHz[1] })}</li>
          <li>{t('model.validity.height', { from: validity.baseHeightM[0], to: validity.baseHeightM[1] })}</li>
          <li>{t('model.validity.range', { max: validity.maxRangeKm })}</li>
        </ul>
        <p className="legend__note">{t('model.validityNote')}</p>
        <h3 className="model-panel__heading">{t('model.outside')}</h3>
        {model.footprintWarnings.length === 0 ? (
          <p className="legend__note">{t('model.noWarnings')}</p>
        ) : (
          <table className="bts-table model-table" data-testid="footprint-warnings">
            <thead>
              <tr>
                <th scope="col">{t('model.warning')}</th>
                <th scope="col" className="num">{t('model.sectors')}</th>
                <th scope="col" className="num">{t('model.shareOfFootprints')}</th>
              </tr>
            </thead>
            <tbody>
              {model.footprintWarnings.map((w) => (
                <tr key={w.warning}>
                  <td>
                    <span className="warning-chip">⚠ {modelWarningLabel(t, w.warning)}</span>
                  </td>
                  <td className="num">{formatNumber(w.sectors)}</td>
                  <td className="num">{percent(i18n, model.footprints > 0 ? w.sectors / model.footprints : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 className="model-panel__heading">{t('model.calculator')}</h3>
        <RangeCalculator />
      </section>
    </div>
  );
}
