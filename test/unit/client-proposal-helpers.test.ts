import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../server/src/contracts/auth-contracts.js';
import type { ColocationCandidate, SitePlannerPick } from '../../server/src/contracts/colocation-contracts.js';
import { bestCandidateWithRoom, gainAgainstNewSite, hasRoom, tenantsText } from '../../client/src/colocation/candidate-labels.js';
import { cumulativeChart } from '../../client/src/planner/cumulative-chart-geometry.js';
import { draftForCandidate, draftForNewSite, draftForPick, draftProblems, submitBody } from '../../client/src/proposals/proposal-draft.js';
import { mayDecide, mayWithdraw, ratioChangePoints, statusChips, submittingOperator } from '../../client/src/proposals/proposal-formats.js';

// Pure helpers of the co-location search, the proposal form and list, and the
// site planner's chart, on hand-made values.

const radio = { technology: '4G' as const, bandMHz: 1800, antennaHeightM: 30 };

function candidate(over: Partial<ColocationCandidate>): ColocationCandidate {
  return {
    rank: 1,
    siteKey: 'TG-0001',
    siteCode: 'TG-0001',
    inferred: false,
    owner: 'vnpt',
    ownerName: 'VNPT',
    structureType: 'monopole',
    heightM: 25,
    tenants: ['vnpt', 'mobifone'],
    tenantLimit: 3,
    distanceM: 320,
    lon: 106.3,
    lat: 10.35,
    effectiveAntennaHeightM: 25,
    populationNewlyCovered: 1200,
    newlyCoveredHamlets: [],
    hamletsNewlyCovered: 0,
    warnings: ['structure_lower_than_antenna'],
    footprint: null,
    ...over,
  };
}

function session(role: 'planner' | 'operator' | 'inspector', operator: string | null, permissions: string[]): SessionInfo {
  return {
    user: { username: 'u', displayName: 'U', role, operator, active: true, version: 1, createdAt: '', updatedAt: '' },
    csrfToken: 'x',
    permissions,
    anonymousRead: true,
    expiresAt: null,
  };
}

describe('co-location candidates on screen', () => {
  it('shows tenants against the limit of the structure type, with a dash when the type is unknown', () => {
    expect(tenantsText(candidate({}))).toBe('2/3');
    expect(tenantsText(candidate({ tenants: ['viettel'], tenantLimit: null }))).toBe('1/–');
  });

  it('passes over a structure without room when looking for the best candidate with room', () => {
    const full = candidate({ siteKey: 'A', warnings: ['no_room'] });
    const open = candidate({ siteKey: 'B', warnings: [] });
    expect(hasRoom(full)).toBe(false);
    expect(bestCandidateWithRoom([full, open])?.siteKey).toBe('B');
    expect(bestCandidateWithRoom([full])).toBeNull();
  });

  it('compares a candidate with a new site at the point: 1,200 against 800 people is +400', () => {
    expect(gainAgainstNewSite(candidate({}), { populationNewlyCovered: 800 })).toBe(400);
    expect(gainAgainstNewSite(candidate({ populationNewlyCovered: 500 }), { populationNewlyCovered: 800 })).toBe(-300);
  });
});

describe('the proposal form', () => {
  it('prefills a co-location with the radio asked for, mounted at the height the gain was computed at (a 25 m structure for a 30 m antenna)', () => {
    const draft = draftForCandidate('viettel', radio, candidate({}));
    expect(draft).toMatchObject({ kind: 'colocation', operator: 'viettel', siteKey: 'TG-0001', radio: { technology: '4G', bandMHz: 1800, antennaHeightM: 25 } });
    expect(submitBody(draft)).toEqual({ kind: 'colocation', operator: 'viettel', siteKey: 'TG-0001', radio: { technology: '4G', bandMHz: 1800, antennaHeightM: 25 } });
    expect(submitBody({ ...draft, note: '  Lắp 3 sector  ' })).toMatchObject({ note: 'Lắp 3 sector' });
  });

  it('asks a new site for a justification when a candidate with room stood in the radius, and not otherwise', () => {
    const draft = draftForNewSite('viettel', radio, 106.31, 10.36, 1000, 2);
    expect(draftProblems(draft)).toEqual({ justification: 'proposalForm.justificationRequired' });
    expect(draftProblems({ ...draft, justification: '   ' })).toEqual({ justification: 'proposalForm.justificationRequired' });
    expect(draftProblems({ ...draft, justification: 'Cột VNPT không chịu thêm tải.' })).toEqual({});
    expect(draftProblems(draftForNewSite('viettel', radio, 106.31, 10.36, 1000, 0))).toEqual({});
    expect(submitBody({ ...draft, justification: ' Cột VNPT không chịu thêm tải. ' })).toEqual({
      kind: 'new_site',
      operator: 'viettel',
      lon: 106.31,
      lat: 10.36,
      structureType: 'self_supporting',
      heightM: 30,
      radio,
      searchRadiusM: 1000,
      justification: 'Cột VNPT không chịu thêm tải.',
    });
  });

  it('refuses a new structure height outside 1–300 m before sending', () => {
    expect(draftProblems({ ...draftForNewSite('viettel', radio, 106.31, 10.36, 1000, 0), heightM: 0 })).toEqual({ heightM: 'proposalForm.heightRange' });
  });

  it('turns a site-planner pick into co-location on its structure (antenna no higher than a 20 m structure) or a new site at its point', () => {
    const pick: SitePlannerPick = {
      order: 1,
      kind: 'colocation',
      siteKey: 'SUY-12',
      siteCode: null,
      owner: null,
      structureType: null,
      heightM: 20,
      lon: 106.2,
      lat: 10.4,
      marginalGain: 900,
      standaloneGain: 900,
      cumulativeGain: 900,
      hamlets: [],
      warnings: ['structure_unknown'],
    };
    expect(draftForPick('viettel', radio, pick, 1000)).toMatchObject({ kind: 'colocation', siteKey: 'SUY-12', radio: { antennaHeightM: 20 } });
    const newSite = draftForPick('viettel', radio, { ...pick, kind: 'new_site', siteKey: null, heightM: null }, 1000);
    expect(newSite).toMatchObject({ kind: 'new_site', lon: 106.2, lat: 10.4, searchRadiusM: 1000, radio: { antennaHeightM: 30 } });
  });
});

describe('proposals on screen', () => {
  it('shows one chip per status in the workflow order, 0 where the server counted none', () => {
    expect(statusChips({ approved: 2, submitted: 5 })).toEqual([
      { status: 'submitted', count: 5 },
      { status: 'approved', count: 2 },
      { status: 'rejected', count: 0 },
      { status: 'withdrawn', count: 0 },
    ]);
  });

  it("lets only the proposal's own operator withdraw it, and only while it is submitted", () => {
    const viettel = session('operator', 'viettel', ['proposals.submit']);
    expect(mayWithdraw(viettel, { status: 'submitted', operator: 'viettel' })).toBe(true);
    expect(mayWithdraw(viettel, { status: 'approved', operator: 'viettel' })).toBe(false);
    expect(mayWithdraw(session('operator', 'vnpt', ['proposals.submit']), { status: 'submitted', operator: 'viettel' })).toBe(false);
    expect(mayWithdraw(session('planner', null, ['proposals.decide']), { status: 'submitted', operator: 'viettel' })).toBe(false);
    expect(submittingOperator(viettel)).toBe('viettel');
    expect(submittingOperator(session('planner', null, ['proposals.decide']))).toBeNull();
  });

  it('offers the decision to planners on a submitted proposal only', () => {
    const planner = session('planner', null, ['proposals.decide']);
    expect(mayDecide(planner, { status: 'submitted' })).toBe(true);
    expect(mayDecide(planner, { status: 'rejected' })).toBe(false);
    expect(mayDecide(session('operator', 'viettel', ['proposals.submit']), { status: 'submitted' })).toBe(false);
    expect(mayDecide(null, { status: 'submitted' })).toBe(false);
  });

  it('gives the change of the sharing ratio in percentage points: 30 % → 30.4 % is +0.4', () => {
    expect(ratioChangePoints({ value: 0.3 }, { value: 0.304 })).toBeCloseTo(0.4, 10);
    expect(ratioChangePoints({ value: null }, { value: 0.3 })).toBeNull();
  });
});

describe("the site planner's cumulative chart", () => {
  // Plot 100 × 100 units (108 × 124 minus padding 4/4 and 8/16), bottom at y = 108;
  // gains 600, 300, 100 → cumulative 600, 900, 1000 (the top), slots 33.33 wide, bars 20.
  const chart = cumulativeChart(
    [
      { order: 1, marginalGain: 600, cumulativeGain: 600 },
      { order: 2, marginalGain: 300, cumulativeGain: 900 },
      { order: 3, marginalGain: 100, cumulativeGain: 1000 },
    ],
    108,
    124,
  );

  it('stacks each pick on the gain of the picks before it', () => {
    expect(chart.maxGain).toBe(1000);
    expect(chart.bars.map((b) => [b.baseY, b.topY])).toEqual([
      [108, 48],
      [48, 18],
      [18, 8],
    ]);
    expect(chart.bars[0]!.x).toBeCloseTo(4 + (100 / 3 - 20) / 2, 10);
    expect(chart.bars[0]!.width).toBeCloseTo(20, 10);
  });

  it('draws the cumulative line from nothing picked to the total', () => {
    expect(chart.line).toBe('4,108 37.33,48 70.67,18 104,8');
  });

  it('lays picks that add nobody flat on the axis', () => {
    const flat = cumulativeChart([{ order: 1, marginalGain: 0, cumulativeGain: 0 }], 108, 124);
    expect(flat.bars[0]).toMatchObject({ baseY: 108, topY: 108 });
  });
});

describe('the proposal tools in the link', () => {
  it('gives back the open tool and proposal, and drops a tool or code that is not one', async () => {
    const { defaultViewState, parseViewState, serializeViewState } = await import('../../client/src/url/view-state.js');
    const view = { ...defaultViewState('vi'), tool: 'proposals' as const, proposal: 'DX-2026-0007' };
    const hash = serializeViewState(view);
    expect(hash).toContain('tool=proposals&proposal=DX-2026-0007');
    expect(parseViewState(hash)).toEqual(view);
    const bad = parseViewState('#tool=nope&proposal=<b>');
    expect([bad.tool, bad.proposal]).toEqual([null, null]);
  });
});
