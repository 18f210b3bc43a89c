import type { CandidateWarning, ColocationCandidate } from '../domain/contract-types.js';
import type { Translate } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages-vi.js';

// How a co-location candidate is named and flagged on screen. Pure: the panel
// and the unit tests share it.

/** Badge text and explanation of each warning the server gives a candidate. */
export const candidateWarningKeys: Record<CandidateWarning, { badge: MessageKey; hint: MessageKey }> = {
  no_room: { badge: 'colocation.warning.no_room', hint: 'colocation.warningHint.no_room' },
  structure_lower_than_antenna: { badge: 'colocation.warning.structure_lower_than_antenna', hint: 'colocation.warningHint.structure_lower_than_antenna' },
  structure_unknown: { badge: 'colocation.warning.structure_unknown', hint: 'colocation.warningHint.structure_unknown' },
};

/** The site code, or "vị trí suy luận" for a structure inferred from BTS without a code. */
export function candidateName(t: Translate, candidate: Pick<ColocationCandidate, 'siteCode' | 'siteKey'>): string {
  return candidate.siteCode ?? t('colocation.inferredSite');
}

/** Tenants now and the limit of the structure type: "2/3"; "2/–" when the type (so the limit) is unknown. */
export function tenantsText(candidate: Pick<ColocationCandidate, 'tenants' | 'tenantLimit'>): string {
  return `${candidate.tenants.length}/${candidate.tenantLimit === null ? '–' : String(candidate.tenantLimit)}`;
}

/** Whether the structure can take one more tenant (no "hết chỗ" warning). */
export function hasRoom(candidate: Pick<ColocationCandidate, 'warnings'>): boolean {
  return !candidate.warnings.includes('no_room');
}

/**
 * How a candidate compares with a new site at the clicked point: the
 * population it would add minus what the new site would add (negative: the
 * new site covers more people).
 */
export function gainAgainstNewSite(candidate: Pick<ColocationCandidate, 'populationNewlyCovered'>, atPoint: { populationNewlyCovered: number }): number {
  return candidate.populationNewlyCovered - atPoint.populationNewlyCovered;
}

/** The first candidate with room: the one a new-site proposal must justify passing over. */
export function bestCandidateWithRoom<C extends Pick<ColocationCandidate, 'warnings'>>(candidates: readonly C[]): C | null {
  return candidates.find(hasRoom) ?? null;
}
