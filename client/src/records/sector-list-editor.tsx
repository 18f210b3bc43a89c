import type { I18n } from '../i18n/i18n-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { numberText, parseDecimal } from './record-draft.js';

export interface SectorDraft {
  azimuth: string;
  beamwidth: string;
  tilt: string;
}

export interface SectorValue {
  azimuthDeg: number;
  beamwidthDeg: number;
  tiltDeg: number;
}

export const maxSectors = 12;

const presets: Record<'tri65' | 'omni', SectorValue[]> = {
  tri65: [0, 120, 240].map((azimuthDeg) => ({ azimuthDeg, beamwidthDeg: 65, tiltDeg: 0 })),
  omni: [{ azimuthDeg: 0, beamwidthDeg: 360, tiltDeg: 0 }],
};

export function sectorDrafts(i18n: I18n, sectors: readonly SectorValue[]): SectorDraft[] {
  return sectors.map((s) => ({ azimuth: numberText(i18n.lang, s.azimuthDeg), beamwidth: numberText(i18n.lang, s.beamwidthDeg), tilt: numberText(i18n.lang, s.tiltDeg) }));
}

/** The sectors as the contract takes them (azimuth 0–<360°, beamwidth >0–360°, tilt −10–20°), or the first problem found. */
export function parseSectors(i18n: I18n, drafts: readonly SectorDraft[]): { value: SectorValue[] | null; error: string | null } {
  const { t } = i18n;
  if (drafts.length < 1 || drafts.length > maxSectors) return { value: null, error: t('edit.sectorCount') };
  const value: SectorValue[] = [];
  for (const [i, d] of drafts.entries()) {
    const azimuth = parseDecimal(d.azimuth);
    const beamwidth = parseDecimal(d.beamwidth);
    const tilt = d.tilt.trim() === '' ? 0 : parseDecimal(d.tilt);
    const n = i + 1;
    if (azimuth === null || azimuth < 0 || azimuth >= 360) return { value: null, error: `${t('edit.sectorNo', { n })} · ${t('edit.azimuth')}: ${t('edit.numberRange', { min: '0', max: '359' })}` };
    if (beamwidth === null || beamwidth <= 0 || beamwidth > 360) return { value: null, error: `${t('edit.sectorNo', { n })} · ${t('edit.beamwidth')}: ${t('edit.numberRange', { min: '1', max: '360' })}` };
    if (tilt === null || tilt < -10 || tilt > 20) return { value: null, error: `${t('edit.sectorNo', { n })} · ${t('edit.tilt')}: ${t('edit.numberRange', { min: '−10', max: '20' })}` };
    value.push({ azimuthDeg: azimuth, beamwidthDeg: beamwidth, tiltDeg: tilt });
  }
  return { value, error: null };
}

interface SectorListEditorProps {
  sectors: SectorDraft[];
  onChange: (sectors: SectorDraft[]) => void;
  error: string | null | undefined;
  changed: boolean;
}

/** The antenna sectors of a BTS: one row each (azimuth, beamwidth, tilt), presets, add and remove. */
export function SectorListEditor({ sectors, onChange, error, changed }: SectorListEditorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = (index: number, part: keyof SectorDraft, text: string) => onChange(sectors.map((s, i) => (i === index ? { ...s, [part]: text } : s)));
  return (
    <fieldset className={['sector-editor', 'form-field--wide', changed ? 'form-field--changed' : '', error ? 'form-field--invalid' : ''].filter(Boolean).join(' ')} data-testid="bts-edit-sectors">
      <legend className="form-field__label">{t('edit.sectors')}</legend>
      <div className="sector-editor__presets">
        {(['tri65', 'omni'] as const).map((key) => (
          <button key={key} type="button" className="chip" onClick={() => onChange(sectorDrafts(i18n, presets[key]))}>
            {t(`whatIf.preset.${key}`)}
          </button>
        ))}
      </div>
      <table className="sector-editor__table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('edit.azimuth')}</th>
            <th scope="col">{t('edit.beamwidth')}</th>
            <th scope="col">{t('edit.tilt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('edit.removeSector', { n: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sectors.map((sector, i) => (
            <tr key={i}>
              <td className="sector-editor__no">{i + 1}</td>
              {(['azimuth', 'beamwidth', 'tilt'] as const).map((part) => (
                <td key={part}>
                  <input
                    className="text-input text-input--number"
                    inputMode="decimal"
                    value={sector[part]}
                    onChange={(e) => set(i, part, e.target.value)}
                    aria-label={`${t('edit.sectorNo', { n: i + 1 })} · ${t(`edit.${part}`)}`}
                    data-testid={`bts-edit-sector-${i}-${part}`}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="icon-button icon-button--small"
                  onClick={() => onChange(sectors.filter((_, j) => j !== i))}
                  disabled={sectors.length <= 1}
                  aria-label={t('edit.removeSector', { n: i + 1 })}
                  title={t('edit.removeSector', { n: i + 1 })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sectors.length < maxSectors ? (
        <button type="button" className="link-button" onClick={() => onChange([...sectors, { azimuth: '0', beamwidth: '65', tilt: '0' }])}>
          {t('edit.addSector')}
        </button>
      ) : null}
      {error ? (
        <span className="form-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
