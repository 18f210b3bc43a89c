import { useState, type FormEvent } from 'react';
import { describeError, fetchRange } from '../api/api-client.js';
import type { RangeResponse, Technology } from '../domain/contract-types.js';
import { environmentValues, type Environment } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { modelName, modelWarningLabel } from './model-warning-label.js';
import { TechnologyBandFields } from './technology-band-fields.js';

type RangeState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; result: RangeResponse } | { status: 'error'; error: string };

/** GET /api/coverage/range for one hypothetical antenna: the model's range, so its numbers can be checked by hand. */
export function RangeCalculator() {
  const i18n = useI18n();
  const { t } = i18n;
  const [technology, setTechnology] = useState<Technology>('4G');
  const [bandMHz, setBandMHz] = useState(1800);
  const [antennaHeightM, setAntennaHeightM] = useState(30);
  const [environment, setEnvironment] = useState<Environment>('rural');
  const [eirpDbm, setEirpDbm] = useState(60);
  const [state, setState] = useState<RangeState>({ status: 'idle' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'loading' });
    fetchRange({ technology, bandMHz, antennaHeightM, environment, eirpDbm }, i18n.lang)
      .then((result) => setState({ status: 'ready', result }))
      .catch((error: unknown) => setState({ status: 'error', error: describeError(error) }));
  };

  return (
    <form className="range-calculator" onSubmit={submit} data-testid="range-calculator">
      <div className="form-grid">
        <TechnologyBandFields
          technology={technology}
          bandMHz={bandMHz}
          onChange={(nextTechnology, nextBand) => {
            setTechnology(nextTechnology);
            setBandMHz(nextBand);
          }}
        />
        <label className="field">
          <span className="field__label">{t('whatIf.antennaHeight')}</span>
          <input type="number" min={1} max={300} step={0.5} value={antennaHeightM} onChange={(event) => setAntennaHeightM(Number(event.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('whatIf.eirp')}</span>
          <input type="number" min={0} max={90} step={0.1} value={eirpDbm} onChange={(event) => setEirpDbm(Number(event.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('whatIf.environment')}</span>
          <select value={environment} onChange={(event) => setEnvironment(event.target.value as Environment)}>
            {environmentValues.map((env) => (
              <option key={env} value={env}>
                {t(`environment.${env}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field field--button">
          <button type="submit" className="button button--small button--primary" disabled={state.status === 'loading'}>
            {t('model.compute')}
          </button>
        </div>
      </div>
      {state.status === 'ready' ? (
        <p className="range-calculator__result" data-testid="range-result">
          {t('model.rangeResult', {
            range: i18n.formatNumber(state.result.rangeKm, 3),
            model: modelName(t, state.result.model),
            mapl: i18n.formatNumber(state.result.maplDb, 1),
          })}
          {state.result.warnings.length > 0 ? (
            <span className="warning-list">
              {state.result.warnings.map((w) => (
                <span key={w} className="warning-chip">
                  ⚠ {modelWarningLabel(t, w)}
                </span>
              ))}
            </span>
          ) : null}
        </p>
      ) : state.status === 'error' ? (
        <p className="inspector__message--error">{state.error}</p>
      ) : null}
    </form>
  );
}
