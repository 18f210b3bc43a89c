import type { HamletCoverageResponse, HamletCoverageRow, WhatIfResponse } from '../domain/contract-types.js';
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
