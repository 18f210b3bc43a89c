import type { MessageKey } from '../../i18n/server-messages.js';
import { indicatorByCode } from '../../indicators/indicator-catalogue.js';
import { fromWritten, valueProblem } from '../../contracts/indicator-value-rules.js';

export type FigureResult = { value: number } | { messageKey: MessageKey; params: Record<string, string | number> };

/**
 * A reported figure as the file writes it, to the value stored for its
 * indicator: a share is written in percent, with or without the sign
 * (74,6 or 74,6% → 0.746, `fromWritten`); subscriptions per 100 people and
 * Mbit/s are taken as they are, and a percent sign on them is refused (the
 * figure was meant for another indicator or column). Then the measure's
 * limits (`valueProblem`): no share over 100 %, nothing negative, no figure
 * past the measure's maximum. Null: the indicator is unknown, which the
 * indicator cell has already reported.
 */
export function storedFigure(indicatorCode: string, written: number, withPercentSign: boolean): FigureResult | null {
  const indicator = indicatorByCode(indicatorCode);
  if (!indicator) return null;
  const { measure } = indicator;
  const named = { indicator: indicator.code, unitVi: indicator.unitLabel.vi, unitEn: indicator.unitLabel.en };
  if (withPercentSign && measure !== 'share') return { messageKey: 'row-figure-percent', params: named };
  const value = fromWritten(measure, written);
  const problem = valueProblem(measure, value);
  if (!problem) return { value };
  switch (problem.key) {
    case 'indicator-value-share-over-100':
      return { messageKey: 'row-figure-share-over-100', params: { percent: problem.params.value } };
    case 'indicator-value-too-large':
      return { messageKey: 'row-figure-too-large', params: { ...named, max: problem.params.max } };
    case 'indicator-value-negative':
      return { messageKey: 'row-figure-negative', params: {} };
  }
}
