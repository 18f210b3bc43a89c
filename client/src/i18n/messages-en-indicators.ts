import type { messagesViIndicators } from './messages-vi-indicators.js';

// English messages of the plan indicators: the same keys as messages-vi-indicators.ts.
export const messagesEnIndicators: Record<keyof typeof messagesViIndicators, string> = {
  'indicators.unit.points': 'percentage points',
  'indicators.counts.hamlets': 'hamlets',
  'indicators.counts.people': 'people',
  'indicators.counts.m': 'm',
  'indicators.counts.sites': 'sites',
  'indicators.counts.subscriptions': 'subscriptions',
  'indicators.counts.households': 'households',
  'indicators.status.met': 'Met',
  'indicators.status.below': 'Not met',
  'indicators.status.no-target': 'No target',
  'indicators.status.no-value': 'No data',

  'indicators.map.noData': 'no data',
  'indicators.map.class': 'from {low} to below {high}{unit}',
  'indicators.map.classLast': 'from {low} to {high}{unit}',
  'indicators.map.noDataCount': 'No data ({count} units)',
  'indicators.map.classesNote': 'Five equal intervals from the smallest to the largest value of the units on the map.',

  'indicators.chart.label': 'The indicator per unit; the dashed line is the target {target}. Green: target met, amber: not met.',
  'indicators.chart.labelNoTarget': 'The indicator per unit (no target set).',
  'indicators.chart.barTarget': 'target {target}',
  'indicators.chart.targetLine': 'Target {target}',
};
