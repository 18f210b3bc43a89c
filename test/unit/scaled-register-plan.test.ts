import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INFERENCE_CASES } from '../../server/src/demo/demo-site-inference-cases.js';
import { planProvince, type PlannedProvince } from '../../server/src/demo/scaled/plan-province.js';
import { CELL_DEG, DEMO_CELL_CENTRE, VIETNAM_EXTENT, provinceSlots } from '../../server/src/demo/scaled/province-slots.js';
import { NATIONAL_DENSITY, NATIONAL_PROVINCES, NATIONAL_TARGETS } from '../../server/src/demo/scaled/scaled-density.js';
import { parseScale } from '../../server/src/demo/scaled/seed-scaled-register.js';

// The pure half of the scaled register: where provinces go, what they are
// called, and how dense a national one is. One national province plan (about
// two seconds) stands for all 63: each has the same counts by construction,
// except fibre, which follows the plan and varies by a few per cent.

const SEED = 20231226;
const hashOf = (p: PlannedProvince) => crypto.createHash('sha256').update(JSON.stringify(p.plan)).digest('hex');

describe('the provinces of a scaled register', () => {
  it('are 63 with distinct real two-digit codes, Tiền Giang (82) first and in its own place', () => {
    const slots = provinceSlots(63);
    expect(slots).toHaveLength(63);
    expect(slots[0]!.units.unit2023).toMatchObject({ code: '82', name: 'Tỉnh Tiền Giang' });
    expect(slots[0]!.offset).toEqual([0, 0]);
    expect(new Set(slots.map((s) => s.units.unit2023.code)).size).toBe(63);
    expect(slots.every((s) => /^\d{2}$/.test(s.units.unit2023.code))).toBe(true);
    expect(new Set(slots.map((s) => s.sitePrefix)).size).toBe(63);
    expect(() => provinceSlots(64)).toThrow();
    expect(() => provinceSlots(0)).toThrow();
  });

  it('sit in disjoint cells inside Vietnam’s extent', () => {
    const cells = provinceSlots(63).map((s) => {
      const [lon, lat] = [DEMO_CELL_CENTRE[0] + s.offset[0], DEMO_CELL_CENTRE[1] + s.offset[1]];
      return { minLon: lon - CELL_DEG.lon / 2, maxLon: lon + CELL_DEG.lon / 2, minLat: lat - CELL_DEG.lat / 2, maxLat: lat + CELL_DEG.lat / 2 };
    });
    for (const c of cells) {
      expect(c.minLon).toBeGreaterThanOrEqual(VIETNAM_EXTENT.minLon - 1e-9);
      expect(c.maxLon).toBeLessThanOrEqual(VIETNAM_EXTENT.maxLon + 1e-9);
      expect(c.minLat).toBeGreaterThanOrEqual(VIETNAM_EXTENT.minLat - 1e-9);
      expect(c.maxLat).toBeLessThanOrEqual(VIETNAM_EXTENT.maxLat + 1e-9);
    }
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const [a, b] = [cells[i]!, cells[j]!];
        const overlap = Math.min(a.maxLon, b.maxLon) - Math.max(a.minLon, b.minLon) > 1e-9 && Math.min(a.maxLat, b.maxLat) - Math.max(a.minLat, b.minLat) > 1e-9;
        expect(overlap, `cells ${i} and ${j}`).toBe(false);
      }
    }
  });

  it('takes national or 1..63 as a scale and refuses anything else', () => {
    expect(parseScale('national')).toBe('national');
    expect(parseScale('1')).toBe(1);
    expect(parseScale('63')).toBe(63);
    for (const bad of ['0', '64', '2.5', '-3', 'nation', '', '5x']) expect(() => parseScale(bad), bad).toThrow(/--scale/);
  });
});

describe('a national province plan', () => {
  const slot = provinceSlots(2)[1]!;
  let planned: PlannedProvince;
  beforeAll(() => {
    planned = planProvince('national', SEED, slot);
  }, 60_000);

  it('is the same plan when built twice from the same seed', () => {
    expect(hashOf(planProvince('national', SEED, slot))).toBe(hashOf(planned));
  }, 60_000);

  it('times 63 lands within ±10 % of the national figures', () => {
    const { plan } = planned;
    expect(plan.sites).toHaveLength(NATIONAL_DENSITY.sites.sites);
    expect(plan.hamlets).toHaveLength(NATIONAL_DENSITY.hamlets);
    const registeredSites = plan.sites.filter((s) => s.inRegister).length;
    expect(registeredSites).toBe(NATIONAL_DENSITY.sites.sites - DEMO_INFERENCE_CASES.inferredOnly);
    const bts = plan.sites.reduce((n, s) => n + s.bts.length, 0);
    const fiberKm = plan.fiberRoutes.reduce((n, r) => n + r.lengthKm, 0);
    const national = {
      sites: registeredSites * NATIONAL_PROVINCES,
      bts: bts * NATIONAL_PROVINCES,
      hamlets: plan.hamlets.length * NATIONAL_PROVINCES,
      communes: plan.communes.length * NATIONAL_PROVINCES,
      fiberKm: fiberKm * NATIONAL_PROVINCES,
    };
    for (const key of Object.keys(NATIONAL_TARGETS) as (keyof typeof NATIONAL_TARGETS)[]) {
      expect(Math.abs(national[key] / NATIONAL_TARGETS[key] - 1), `${key}: ${national[key]}`).toBeLessThan(0.1);
    }
  });

  it('lies inside its own cell, with codes of its own province', () => {
    const { plan } = planned;
    const centre = [DEMO_CELL_CENTRE[0] + slot.offset[0], DEMO_CELL_CENTRE[1] + slot.offset[1]];
    const inCell = ([lon, lat]: [number, number]) => Math.abs(lon - centre[0]!) < CELL_DEG.lon / 2 && Math.abs(lat - centre[1]!) < CELL_DEG.lat / 2;
    expect(plan.provinceRing.every(inCell)).toBe(true);
    expect(plan.sites.every((s) => inCell(s.location) && s.bts.every((b) => inCell(b.location)))).toBe(true);
    expect(plan.hamlets.every((h) => inCell(h.refPoint))).toBe(true);
    // Province 01 (the second): districts 826–836, communes 29249…, sites P01…, fibre …-P01-….
    expect(plan.districts.map((d) => d.code)).toEqual(Array.from({ length: 11 }, (_, k) => String(826 + k)));
    expect(plan.communes.every((c) => /^\d{5}$/.test(c.code) && Number(c.code) >= 29249 && Number(c.code) < 30000)).toBe(true);
    expect(plan.communes2025.every((c) => Number(c.code) >= 29801 && Number(c.code) < 30000)).toBe(true);
    expect(plan.hamlets.every((h) => h.code.startsWith(plan.communes[h.communeIndex]!.code))).toBe(true);
    expect(plan.sites.every((s) => /^P01\d{4}$/.test(s.code) && s.address.endsWith('Tỉnh Mô phỏng 01'))).toBe(true);
    expect(plan.sites.every((s) => s.bts.every((b) => b.code.includes(`-${s.code}-`)))).toBe(true);
    expect(plan.fiberRoutes.every((r) => r.code.includes('-P01-'))).toBe(true);
  });
});
