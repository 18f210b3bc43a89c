import type { HamletCoverageResponse, HamletCoverageRow, WhatIfResponse } from '../domain/contract-types.js';
import type { VerdictOverride } from '../map/coverage-layers.js';
import type { CoverageChoice } from '../url/view-state.js';
import type { WhatIfRatio } from './what-if-panel.js';

/**
 * The hamlet rows as they would be with the hypothetical BTS: each changed
 * hamlet takes its verdict after. Unchanged when there is no answer, or the
 * answer is for another operator or technology group than the rows.
 */
export function rowsAfterWhatIf(coverage: HamletCoverageResponse | null, whatIf: WhatIfResponse | null): HamletCoverageRow[] | null {
  if (!coverage) return null;
  if (!whatIf || whatIf.changedHamlets.length === 0) return coverage.rows;
  if (whatIf.operator !== coverage.operator || whatIf.technologyGroup !== coverage.technologyGroup) return coverage.rows;
  const after = new Map(whatIf.changedHamlets.map((h) => [h.code, h.after]));
  return coverage.rows.map((row) => {
    const verdict = after.get(row.code);
    return verdict ? { ...row, verdict } : row;
  });
}

/** Covered hamlets ÷ hamlets of the rows on screen, today and with the hypothetical BTS. */
export function whatIfRatio(before: readonly HamletCoverageRow[] | null, after: readonly HamletCoverageRow[] | null, inUnit: boolean): WhatIfRatio | null {
  if (!before || !after) return null;
  const covered = (rows: readonly HamletCoverageRow[]) => rows.filter((r) => r.verdict === 'covered').length;
  return { hamlets: before.length, coveredBefore: covered(before), coveredAfter: covered(after), inUnit };
}

/**
 * The hamlets the map colours otherwise than their tiles while a what-if
 * answer is shown: each changed hamlet with its verdict after. None when the
 * answer is for another operator or technology group than the map shows.
 */
export function whatIfVerdictOverrides(choice: CoverageChoice, whatIf: WhatIfResponse | null): VerdictOverride[] {
  if (!whatIf || whatIf.operator !== choice.operator || whatIf.technologyGroup !== choice.group) return [];
  return whatIf.changedHamlets.map((h) => ({ code: h.code, verdict: h.after }));
}
