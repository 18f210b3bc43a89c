import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_GAPS } from '../../server/src/demo/demo-coverage-gaps.js';
import { DEFAULT_DEMO_SEED, buildDemoPlan, type DemoPlan } from '../../server/src/demo/demo-plan.js';
import { bearingDeg, distanceKm, nearestSeedIndex, pointInRing } from '../../server/src/demo/demo-plane-geometry.js';
import { DEMO_INFERENCE_CASES } from '../../server/src/demo/demo-site-inference-cases.js';

// The plan is the pure half of the generator: everything but the polygons,
// which PostGIS draws from the plan's seeds. Building it takes a few seconds.
const hashOf = (plan: DemoPlan) => crypto.createHash('sha256').update(JSON.stringify(plan)).digest('hex');

describe('the demo province plan', () => {
  let plan: DemoPlan;
  beforeAll(() => {
    plan = buildDemoPlan(DEFAULT_DEMO_SEED);
  });
  const allBts = () => plan.sites.flatMap((s) => s.bts.map((b) => ({ site: s, bts: b })));

  it('is identical when built twice from the same seed, and different from another seed', () => {
    const again = buildDemoPlan(DEFAULT_DEMO_SEED);
    expect(hashOf(again)).toBe(hashOf(plan));
    const other = buildDemoPlan(DEFAULT_DEMO_SEED + 1);
    expect(other.sites.map((s) => s.location)).not.toEqual(plan.sites.map((s) => s.location));
  });

  it('draws an elongated east-west province of 2,556 km² where Tiền Giang lies', () => {
    expect(plan.provinceAreaKm2).toBeCloseTo(2556, 0);
    const lons = plan.provinceRing.map((p) => p[0]);
    const lats = plan.provinceRing.map((p) => p[1]);
    expect(Math.min(...lons)).toBeGreaterThan(105.8);
    expect(Math.max(...lons)).toBeLessThan(106.82);
    expect(Math.min(...lats)).toBeGreaterThan(10.15);
    expect(Math.max(...lats)).toBeLessThan(10.62);
  });

  it('places Cái Bè in the west, Mỹ Tho in the centre-east and Gò Công in the east', () => {
    const centroidLon = (code: string) => {
      const d = plan.districts.find((x) => x.code === code)!;
      return d.communeIndices.reduce((s, i) => s + plan.communes[i]!.seed[0], 0) / d.communeIndices.length;
    };
    expect(centroidLon('819')).toBeLessThan(centroidLon('817'));
    expect(centroidLon('817')).toBeLessThan(centroidLon('815'));
    expect(centroidLon('815')).toBeLessThan(centroidLon('816'));
    expect(centroidLon('815')).toBeGreaterThan(106.25);
  });

  it('has 11 districts, 172 communes with unique 5-digit codes, and a thị trấn Cái Bè', () => {
    expect(plan.districts).toHaveLength(11);
    expect(plan.communes).toHaveLength(172);
    expect(plan.communes.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
    expect(new Set(plan.communes.map((c) => c.code)).size).toBe(172);
    const caiBe = plan.communes.find((c) => c.name === 'Thị trấn Cái Bè')!;
    expect(plan.districts[caiBe.districtIndex]!.name).toBe('Huyện Cái Bè');
    expect(plan.communes.filter((c) => c.unitType === 'phuong').every((c) => plan.districts[c.districtIndex]!.unitType !== 'huyen')).toBe(true);
  });

  it('merges every 2023 commune into exactly one 2025 commune of 2–4 communes of one district', () => {
    expect(plan.communes2025.length).toBeGreaterThanOrEqual(50);
    expect(plan.communes2025.length).toBeLessThanOrEqual(60);
    const members = plan.communes2025.flatMap((g) => g.memberIndices);
    expect(members.slice().sort((a, b) => a - b)).toEqual(plan.communes.map((c) => c.index));
    for (const g of plan.communes2025) {
      expect(g.memberIndices.length).toBeGreaterThanOrEqual(2);
      expect(g.memberIndices.length).toBeLessThanOrEqual(4);
      expect(new Set(g.memberIndices.map((i) => plan.communes[i]!.districtIndex)).size).toBe(1);
    }
    expect(plan.communes2025.map((c) => c.name)).toEqual(expect.arrayContaining(['Phường Mỹ Tho', 'Xã Cái Bè']));
    expect(new Set(plan.communes2025.map((c) => c.code)).size).toBe(plan.communes2025.length);
  });

  it('has about 1,000 hamlets holding exactly the province’s 1,790,700 people', () => {
    expect(plan.hamlets.length).toBeGreaterThanOrEqual(900);
    expect(plan.hamlets.length).toBeLessThanOrEqual(1100);
    expect(plan.hamlets.reduce((s, h) => s + h.population, 0)).toBe(1_790_700);
    expect(new Set(plan.hamlets.map((h) => h.code)).size).toBe(plan.hamlets.length);
    for (const h of plan.hamlets) {
      expect(h.clusters.length).toBeGreaterThanOrEqual(1);
      expect(h.clusters.length).toBeLessThanOrEqual(4);
      expect(h.clusters.reduce((s, c) => s + c.population, 0)).toBe(h.population);
      expect(h.households).toBeLessThanOrEqual(h.population);
      const isWard = plan.communes[h.communeIndex]!.unitType === 'phuong';
      expect(h.kind).toBe(isWard ? 'khu_pho' : 'ap');
      expect(h.name.startsWith(isWard ? 'Khu phố ' : 'Ấp ')).toBe(true);
    }
    const households = plan.hamlets.reduce((s, h) => s + h.households, 0);
    expect(1_790_700 / households).toBeGreaterThan(3.6);
    expect(1_790_700 / households).toBeLessThan(4.0);
  });

  it('makes urban hamlets denser than rural ones', () => {
    const density = (type: string) => {
      const hs = plan.hamlets.filter((h) => plan.communes[h.communeIndex]!.unitType === type);
      return hs.reduce((s, h) => s + h.population, 0) / hs.reduce((s, h) => s + h.areaKm2, 0);
    };
    expect(density('phuong')).toBeGreaterThan(3 * density('xa'));
  });

  it('has about 2,000 sites with unique codes and BTS totals of the 2023 plan', () => {
    expect(plan.sites.length).toBe(2000);
    expect(plan.sites.every((s) => /^TGG\d{4}$/.test(s.code))).toBe(true);
    expect(new Set(plan.sites.map((s) => s.code)).size).toBe(plan.sites.length);
    const bts = allBts();
    expect(new Set(bts.map((b) => b.bts.code)).size).toBe(bts.length);
    const count = (tech: string) => bts.filter((b) => b.bts.technology === tech).length;
    expect([count('2G'), count('3G'), count('4G')]).toEqual([1290, 1814, 1873]);
    expect(count('5G')).toBeGreaterThan(0);
    expect(count('5G')).toBeLessThan(30);
  });

  it('splits BTS between operators in realistic proportions', () => {
    const bts = allBts();
    const share = (op: string) => bts.filter((b) => b.bts.operatorCode === op).length / bts.length;
    expect(share('viettel')).toBeGreaterThan(0.34);
    expect(share('viettel')).toBeLessThan(0.45);
    expect(share('vnpt')).toBeGreaterThan(0.22);
    expect(share('mobifone')).toBeGreaterThan(0.2);
    expect(share('vietnamobile')).toBeGreaterThan(0.05);
    expect(share('vietnamobile')).toBeLessThan(0.12);
    expect(share('gmobile')).toBeLessThan(0.01);
  });

  it('shares 25–35% of on-air sites between two or more operators', () => {
    const active = plan.sites.filter((s) => s.bts.some((b) => b.status === 'on_air'));
    const shared = active.filter((s) => new Set(s.bts.filter((b) => b.status === 'on_air').map((b) => b.operatorCode)).size >= 2);
    expect(shared.length / active.length).toBeGreaterThan(0.25);
    expect(shared.length / active.length).toBeLessThan(0.35);
  });

  it('reports about 15 % of its BTS without a site code, 2–15 m from their structure, and leaves a few shared structures out of the register', () => {
    const bts = allBts();
    const uncoded = bts.filter((b) => b.bts.withoutSiteCode);
    expect(uncoded.length / bts.length).toBeGreaterThan(0.13);
    expect(uncoded.length / bts.length).toBeLessThan(0.18);
    for (const { site, bts: b } of uncoded) expect(distanceKm(b.location, site.location)).toBeLessThanOrEqual(0.0151);
    const unregistered = plan.sites.filter((s) => !s.inRegister);
    expect(unregistered).toHaveLength(DEMO_INFERENCE_CASES.inferredOnly);
    for (const s of unregistered) {
      expect(new Set(s.bts.map((b) => b.operatorCode)).size).toBe(2);
      expect(s.bts.every((b) => b.withoutSiteCode)).toBe(true);
    }
  });

  it('gives structures realistic heights and antennas no higher than their structure', () => {
    const far = allBts().filter(({ site, bts }) => distanceKm(bts.location, site.location) > 0.016);
    expect(new Set(far.map((x) => x.site.code)).size).toBe(DEMO_INFERENCE_CASES.misplacedBts);
    const misplaced = new Set(far.map((x) => x.bts.code));
    for (const s of plan.sites) {
      if (s.structureType === 'self_supporting' || s.structureType === 'guyed') {
        expect(s.heightM).toBeGreaterThanOrEqual(30);
        expect(s.heightM).toBeLessThanOrEqual(60);
      }
      if (s.structureType === 'rooftop') expect(s.heightM).toBeLessThanOrEqual(40);
      for (const b of s.bts) {
        expect(b.antennaHeightM).toBeGreaterThan(0);
        expect(b.antennaHeightM).toBeLessThanOrEqual(s.heightM);
        // A handful of coded BTS are misplaced on purpose (site inference reports them); the rest stand on their structure.
        if (!misplaced.has(b.code)) expect(distanceKm(b.location, s.location)).toBeLessThanOrEqual(0.016);
        expect(b.code).toMatch(new RegExp(`^[A-Z]+-${s.code}-${b.technology}$`));
      }
    }
  });

  it('uses bands, EIRP and sectors plausible for each technology', () => {
    const bands: Record<string, number[]> = { '2G': [900, 1800], '3G': [900, 2100], '4G': [1800, 2600], '5G': [2600, 3500] };
    const eirp: Record<string, [number, number]> = { '2G': [55, 58], '3G': [57, 60], '4G': [58, 62], '5G': [60, 66] };
    let omni = 0;
    for (const { bts } of allBts()) {
      expect(bands[bts.technology]).toContain(bts.bandMhz);
      expect(bts.eirpDbm).toBeGreaterThanOrEqual(eirp[bts.technology]![0]);
      expect(bts.eirpDbm).toBeLessThanOrEqual(eirp[bts.technology]![1]);
      if (bts.sectors.length === 1) {
        omni += 1;
        expect(bts.sectors[0]!.beamwidthDeg).toBe(360);
      } else {
        expect(bts.sectors.map((s) => s.beamwidthDeg)).toEqual([65, 65, 65]);
        for (const s of bts.sectors) {
          expect(s.azimuthDeg).toBeGreaterThanOrEqual(0);
          expect(s.azimuthDeg).toBeLessThan(360);
          expect(s.tiltDeg).toBeGreaterThanOrEqual(2);
          expect(s.tiltDeg).toBeLessThanOrEqual(6);
        }
      }
    }
    expect(omni).toBeGreaterThan(0);
    expect(omni).toBeLessThan(allBts().length * 0.05);
  });

  it('leaves its coverage gaps in rural xã free of sites, with nearby sectors turned away', () => {
    expect(COVERAGE_GAPS.length).toBeGreaterThanOrEqual(3);
    for (const gap of plan.coverageGaps) {
      expect(pointInRing(gap.centre, plan.provinceRing)).toBe(true);
      const commune = plan.communes[nearestSeedIndex(gap.centre, plan.communes.map((c) => c.seed))]!;
      expect(commune.unitType).toBe('xa');
      // Some hamlet's cultural house stands in the gap's uncovered core.
      expect(plan.hamlets.some((h) => distanceKm(h.refPoint, gap.centre) < 1.2)).toBe(true);
      for (const site of plan.sites) {
        const d = distanceKm(site.location, gap.centre);
        expect(d).toBeGreaterThanOrEqual(gap.exclusionRadiusKm);
        if (d >= gap.shadowRadiusKm) continue;
        const towardsGap = bearingDeg(site.location, gap.centre);
        for (const b of site.bts) {
          expect(b.sectors.length).toBe(3);
          for (const s of b.sectors) {
            const off = Math.abs(((s.azimuthDeg - towardsGap + 540) % 360) - 180);
            expect(off).toBeGreaterThan(32.5);
          }
        }
      }
    }
  });

  it('lays 10–30% of its fibre length underground, with cores by kind and gently bent lines', () => {
    const total = plan.fiberRoutes.reduce((s, r) => s + r.lengthKm, 0);
    const underground = plan.fiberRoutes.filter((r) => r.laying === 'underground').reduce((s, r) => s + r.lengthKm, 0);
    expect(underground / total).toBeGreaterThan(0.1);
    expect(underground / total).toBeLessThan(0.3);
    expect(new Set(plan.fiberRoutes.map((r) => r.code)).size).toBe(plan.fiberRoutes.length);
    const cores = { backbone: [96], distribution: [48], access: [12, 24] };
    for (const r of plan.fiberRoutes) {
      expect(cores[r.kind]).toContain(r.cores);
      const line = r.lines[0]!;
      expect(line.length).toBeGreaterThanOrEqual(3);
      expect(r.lengthKm).toBeGreaterThanOrEqual(distanceKm(line[0]!, line[line.length - 1]!));
    }
    for (const op of ['viettel', 'vnpt', 'mobifone']) {
      expect(plan.fiberRoutes.some((r) => r.operatorCode === op && r.kind === 'backbone')).toBe(true);
    }
  });
});
