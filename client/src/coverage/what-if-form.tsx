import { useState, type FormEvent } from 'react';
import type { Operator, Technology, WhatIfBts } from '../domain/contract-types.js';
import { anyOperator, environmentValues, type Environment } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { lonLat } from '../inspector/value-formats.js';
import { radioOperators } from '../map/operator-colours.js';
import { RadioOperatorOptions } from './radio-operator-options.js';
import { TechnologyBandFields } from './technology-band-fields.js';

/** Sector presets: three 65° sectors at 0°, 120°, 240° (the usual macro site), or one omnidirectional antenna. */
export const sectorPresets = {
  tri65: [
    { azimuthDeg: 0, beamwidthDeg: 65 },
    { azimuthDeg: 120, beamwidthDeg: 65 },
    { azimuthDeg: 240, beamwidthDeg: 65 },
  ],
  omni: [{ azimuthDeg: 0, beamwidthDeg: 360 }],
} as const;
export type SectorPreset = keyof typeof sectorPresets;

/** Typical values of the demo register per technology: a sensible start, always editable. */
const defaultBand: Record<Technology, number> = { '2G': 900, '3G': 2100, '4G': 1800, '5G': 3500 };
const defaultEirp: Record<Technology, number> = { '2G': 56, '3G': 59, '4G': 60, '5G': 62 };

export function sectorPresetOf(bts: WhatIfBts): SectorPreset {
  return bts.sectors?.length === 1 && bts.sectors[0]?.beamwidthDeg === 360 ? 'omni' : 'tri65';
}

interface WhatIfFormProps {
  lon: number;
  lat: number;
  operators: readonly Operator[];
  /** The coverage choice's operator ('*' = any): the default operator of a new BTS. */
  coverageOperator: string;
  /** The last BTS added, whose values the form starts from. */
  previous: WhatIfBts | null;
  onSubmit: (bts: WhatIfBts) => void;
  onCancel: () => void;
}

/** The parameters of one hypothetical BTS at a clicked point. */
export function WhatIfForm({ lon, lat, operators, coverageOperator, previous, onSubmit, onCancel }: WhatIfFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const mnos = radioOperators(operators);
  const initialOperator =
    coverageOperator !== anyOperator ? coverageOperator : (previous?.operator ?? mnos.find((o) => o.code === 'viettel')?.code ?? mnos[0]?.code ?? '');
  const [operator, setOperator] = useState(initialOperator);
  const [technology, setTechnology] = useState<Technology>(previous?.technology ?? '4G');
  const [bandMHz, setBandMHz] = useState(previous?.bandMHz ?? defaultBand['4G']);
  const [antennaHeightM, setAntennaHeightM] = useState(previous?.antennaHeightM ?? 30);
  const [eirpDbm, setEirpDbm] = useState(previous?.eirpDbm ?? defaultEirp['4G']);
  const [preset, setPreset] = useState<SectorPreset>(previous ? sectorPresetOf(previous) : 'tri65');
  const [environment, setEnvironment] = useState<Environment | 'auto'>(previous?.environment ?? 'auto');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      lon,
      lat,
      operator,
      technology,
      bandMHz,
      antennaHeightM,
      eirpDbm,
      sectors: sectorPresets[preset].map((s) => ({ ...s })),
      ...(environment === 'auto' ? {} : { environment }),
    });
  };

  return (
    <form className="what-if-form" onSubmit={submit} data-testid="what-if-form">
      <p className="what-if-form__where">
        {t('whatIf.at')} <strong>{lonLat(i18n, lon, lat)}</strong>
      </p>
      <div className="form-grid">
        <label className="field">
          <span className="field__label">{t('whatIf.operator')}</span>
          <select value={operator} onChange={(event) => setOperator(event.target.value)} data-testid="what-if-operator">
            <RadioOperatorOptions operators={operators} />
          </select>
        </label>
        <TechnologyBandFields
          technology={technology}
          bandMHz={bandMHz}
          testIdPrefix="what-if"
          defaultBand={(next) => defaultBand[next]}
          onChange={(nextTechnology, nextBand) => {
            if (nextTechnology !== technology) setEirpDbm(defaultEirp[nextTechnology]);
            setTechnology(nextTechnology);
            setBandMHz(nextBand);
          }}
        />
        <label className="field">
          <span className="field__label">{t('whatIf.antennaHeight')}</span>
          <input type="number" required min={1} max={300} step={0.5} value={antennaHeightM} onChange={(event) => setAntennaHeightM(Number(event.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('whatIf.eirp')}</span>
          <input type="number" required min={0} max={90} step={0.1} value={eirpDbm} onChange={(event) => setEirpDbm(Number(event.target.value))} />
        </label>
        <label className="field">
          <span className="field__label">{t('whatIf.environment')}</span>
          <select value={environment} onChange={(event) => setEnvironment(event.target.value as Environment | 'auto')}>
            <option value="auto">{t('environment.auto')}</option>
            {environmentValues.map((env) => (
              <option key={env} value={env}>
                {t(`environment.${env}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="chip-group">
        <legend>{t('whatIf.sectors')}</legend>
        {(Object.keys(sectorPresets) as SectorPreset[]).map((key) => (
          <button key={key} type="button" className="chip" aria-pressed={preset === key} onClick={() => setPreset(key)} data-testid={`what-if-sectors-${key}`}>
            {t(`whatIf.preset.${key}`)}
          </button>
        ))}
      </fieldset>
      <div className="what-if-form__actions">
        <button type="submit" className="button button--primary" data-testid="what-if-add">
          {t('whatIf.add')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('whatIf.cancel')}
        </button>
      </div>
    </form>
  );
}
