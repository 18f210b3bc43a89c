import type { Translate } from '../i18n/i18n-context.js';

const knownWarnings = [
  'antenna-height-below-model',
  'antenna-height-above-model',
  'frequency-below-model',
  'frequency-above-model',
  'range-above-model',
] as const;

/** A model validity warning of the server in words; an unknown code is shown as it is. */
export function modelWarningLabel(t: Translate, warning: string): string {
  return (knownWarnings as readonly string[]).includes(warning) ? t(`modelWarning.${warning as (typeof knownWarnings)[number]}`) : warning;
}

export function modelName(t: Translate, model: string): string {
  if (model === 'okumura-hata') return t('model.okumuraHata');
  if (model === 'cost231-hata') return t('model.cost231Hata');
  if (model === 'override') return t('model.override');
  return model;
}
