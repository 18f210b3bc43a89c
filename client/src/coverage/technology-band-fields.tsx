import type { Technology } from '../domain/contract-types.js';
import { knownBandsMHz, technologyValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  technology: Technology;
  bandMHz: number;
  /** Called with the new technology and a band valid for it (the current one when it still is). */
  onChange(technology: Technology, bandMHz: number): void;
  /** Prefix of the fields' data-testid, e.g. "what-if" → what-if-technology, what-if-band. */
  testIdPrefix?: string;
  defaultBand?: (technology: Technology) => number;
}

/** Technology and band pickers; the band list follows the technology (known bands per technology). */
export function TechnologyBandFields({ technology, bandMHz, onChange, testIdPrefix, defaultBand }: Props) {
  const { t } = useI18n();
  return (
    <>
      <label className="field">
        <span className="field__label">{t('whatIf.technology')}</span>
        <select
          value={technology}
          data-testid={testIdPrefix ? `${testIdPrefix}-technology` : undefined}
          onChange={(event) => {
            const next = event.target.value as Technology;
            const band = knownBandsMHz[next].includes(bandMHz) ? bandMHz : (defaultBand?.(next) ?? knownBandsMHz[next][0] ?? bandMHz);
            onChange(next, band);
          }}
        >
          {technologyValues.map((tech) => (
            <option key={tech} value={tech}>
              {tech}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('whatIf.band')}</span>
        <select
          value={bandMHz}
          onChange={(event) => onChange(technology, Number(event.target.value))}
          data-testid={testIdPrefix ? `${testIdPrefix}-band` : undefined}
        >
          {knownBandsMHz[technology].map((band) => (
            <option key={band} value={band}>
              {band} MHz
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
