import type { ColocationCandidate, PlannedRadio, ProposalSubmit, SitePlannerPick, StructureType } from '../domain/contract-types.js';

// What the submission form edits, where it starts from (a co-location
// candidate, a point on the map, a site-planner pick) and the body it sends.
// Pure, so the unit tests check the prefilling and the body.

export interface ProposalDraft {
  kind: 'colocation' | 'new_site';
  operator: string;
  /** Co-location: the site code or the key of an inferred site (SUY-…). */
  siteKey: string | null;
  /** Shown in the form's heading: the site code, or null for an inferred site or a new site. */
  siteCode: string | null;
  lon: number;
  lat: number;
  structureType: StructureType;
  heightM: number;
  radio: PlannedRadio;
  searchRadiusM: number | null;
  justification: string;
  note: string;
  /**
   * What the client knows of co-location candidates with room within the search radius
   * when a new site is proposed (the server checks again and answers 422 without a justification).
   */
  candidatesWithRoom: number;
}

/** A new site at a point is most often a self-supporting tower as tall as the antenna asks. */
const defaultStructure: StructureType = 'self_supporting';

export function draftForCandidate(operator: string, radio: PlannedRadio, candidate: ColocationCandidate): ProposalDraft {
  return {
    kind: 'colocation',
    operator,
    siteKey: candidate.siteKey,
    siteCode: candidate.siteCode,
    lon: candidate.lon,
    lat: candidate.lat,
    structureType: candidate.structureType ?? defaultStructure,
    heightM: candidate.heightM ?? radio.antennaHeightM,
    // Mounted no higher than the structure: the height the gain was computed at.
    radio: { ...radio, antennaHeightM: candidate.effectiveAntennaHeightM },
    searchRadiusM: null,
    justification: '',
    note: '',
    candidatesWithRoom: 0,
  };
}

export function draftForNewSite(operator: string, radio: PlannedRadio, lon: number, lat: number, searchRadiusM: number, candidatesWithRoom: number): ProposalDraft {
  return {
    kind: 'new_site',
    operator,
    siteKey: null,
    siteCode: null,
    lon,
    lat,
    structureType: defaultStructure,
    heightM: Math.max(radio.antennaHeightM, 1),
    radio: { ...radio },
    searchRadiusM,
    justification: '',
    note: '',
    candidatesWithRoom,
  };
}

/** A site-planner pick: co-location on its structure, or a new site at its point (the planner put it where no structure has room). */
export function draftForPick(operator: string, radio: PlannedRadio, pick: SitePlannerPick, searchRadiusM: number): ProposalDraft {
  if (pick.kind === 'colocation' && pick.siteKey) {
    return {
      ...draftForNewSite(operator, radio, pick.lon, pick.lat, searchRadiusM, 0),
      kind: 'colocation',
      siteKey: pick.siteKey,
      siteCode: pick.siteCode,
      structureType: pick.structureType ?? defaultStructure,
      heightM: pick.heightM ?? radio.antennaHeightM,
      radio: { ...radio, antennaHeightM: pick.heightM !== null ? Math.min(radio.antennaHeightM, pick.heightM) : radio.antennaHeightM },
      searchRadiusM: null,
    };
  }
  return draftForNewSite(operator, radio, pick.lon, pick.lat, searchRadiusM, 0);
}

/** Fields the form marks before sending (message keys); the server's own field errors come on top. */
export function draftProblems(draft: ProposalDraft): Partial<Record<'justification' | 'heightM', 'proposalForm.justificationRequired' | 'proposalForm.heightRange'>> {
  const problems: ReturnType<typeof draftProblems> = {};
  if (draft.kind === 'new_site' && draft.candidatesWithRoom > 0 && draft.justification.trim() === '') problems.justification = 'proposalForm.justificationRequired';
  if (draft.kind === 'new_site' && !(draft.heightM > 0 && draft.heightM <= 300)) problems.heightM = 'proposalForm.heightRange';
  return problems;
}

/** The body of POST /api/proposals; empty texts are left out. */
export function submitBody(draft: ProposalDraft): ProposalSubmit {
  const note = draft.note.trim();
  if (draft.kind === 'colocation') {
    return { kind: 'colocation', operator: draft.operator, siteKey: draft.siteKey ?? '', radio: draft.radio, ...(note ? { note } : {}) };
  }
  const justification = draft.justification.trim();
  return {
    kind: 'new_site',
    operator: draft.operator,
    lon: draft.lon,
    lat: draft.lat,
    structureType: draft.structureType,
    heightM: draft.heightM,
    radio: draft.radio,
    ...(draft.searchRadiusM !== null ? { searchRadiusM: draft.searchRadiusM } : {}),
    ...(justification ? { justification } : {}),
    ...(note ? { note } : {}),
  };
}
