import type { messagesViImportsIndicators } from './messages-vi-imports-indicators.js';

// The import of reported indicator values in English: typed against the Vietnamese keys, so a missing or extra key is a compile error.
export const messagesEnImportsIndicators: Record<keyof typeof messagesViImportsIndicators, string> = {
  'import.layer.indicator-values': 'Reported indicator values',
  'import.indicatorValuesHint':
    'One figure a row: indicator code (or the indicator\'s name), unit code, period (2023, 2025-Q2, Q2 2025, First half of 2025, 2025-06), value; optionally unit name, document and note. Shares are written in percent (74.6 or 74.6%), subscriptions per 100 people and Mbit/s as reported. The period must already be declared; a figure already stored for the same indicator, unit and period is updated.',
  'import.indicatorValuesBoundarySetHint': 'The unit codes of the file are looked up in this boundary set.',
  'import.previewNotOnMap': 'Indicator figures have no position, so there is no map preview; the counts above say how many rows will be added, updated or left as they are.',
  'import.requiredLegendNoPosition': '* required',
};
