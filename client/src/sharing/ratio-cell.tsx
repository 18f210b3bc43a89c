import type { Ratio } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { fractionText, shareText, tenancyText } from './sharing-formats.js';

/** A ratio as shown in the sharing table: the value, with its numerator and denominator beneath. */
export function RatioCell({ ratio, kind, testId }: { ratio: Ratio; kind: 'share' | 'tenancy'; testId?: string }) {
  const i18n = useI18n();
  return (
    <span className="ratio-cell" data-testid={testId} data-numerator={ratio.numerator} data-denominator={ratio.denominator}>
      <span className="ratio-cell__value">{kind === 'share' ? shareText(i18n, ratio) : tenancyText(i18n, ratio)}</span>
      <span className="ratio-cell__fraction">{fractionText(i18n, ratio)}</span>
    </span>
  );
}
