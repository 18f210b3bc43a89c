import type { Operator, TechnologyGroup } from '../domain/contract-types.js';
import { anyOperator } from '../domain/enum-values.js';
import type { Translate } from '../i18n/i18n-context.js';

/** "Mọi nhà mạng" for '*', else the operator's short name (the bare code when unknown). */
export function operatorChoiceLabel(t: Translate, code: string, operators: readonly Operator[]): string {
  if (code === anyOperator) return t('coverage.anyOperator');
  return operators.find((o) => o.code === code)?.shortName ?? code;
}

/** "Băng rộng (3G/4G/5G)" or the technology itself. */
export function groupLabel(t: Translate, group: TechnologyGroup, long = false): string {
  if (group !== 'broadband') return group;
  return t(long ? 'group.broadbandLong' : 'group.broadband');
}
