import type { DemoPlan } from '../demo-plan.js';
import { ringAreaKm2, roundLonLat, type LonLat } from '../demo-plane-geometry.js';
import { PROVINCE_2023 } from '../demo-admin-catalogue.js';
import type { ProvinceSlot } from './province-slots.js';

/** Demo codes the recoding relies on (demo-admin-units, demo-commune-merges-2025, demo-sites-and-bts, demo-fiber). */
const DEMO_DISTRICT_CODES = { first: 815, last: 825 };
const DEMO_COMMUNE_CODES = { first: 28249, last: 28999 };
/** Each province's 5-digit commune codes (both boundary sets) live in their own block of 1,000. */
const COMMUNE_CODE_BLOCK = 1000;

/**
 * Moves a demo plan to its province's cell and gives it that province's codes,
 * in place (the plan is fresh and used once). The demo province (slot 1) is
 * returned untouched. Coordinates are new arrays: some LonLat of the plan are
 * shared with the district catalogue, which must not move.
 *
 * Codes keep the demo's shapes: district 3 digits (815–825 for Tiền Giang,
 * the next 11 numbers for each following province, wrapping within 001–999),
 * commune 5 digits (+1,000 per province, so 2023 and 2025 blocks stay apart),
 * hamlet = commune + 2 digits, site = prefix + 4 digits (TGG0001 → P010001),
 * BTS = operator-site-technology, fibre = operator-province-kind-number.
 */
export function relocatePlan(plan: DemoPlan, slot: ProvinceSlot): DemoPlan {
  if (slot.ordinal === 1) return plan;
  const k = slot.ordinal - 1;
  const [dLon, dLat] = slot.offset;
  const move = (p: LonLat): LonLat => roundLonLat([p[0] + dLon, p[1] + dLat]);

  const districtCode = (code: string) => {
    const n = Number(code);
    if (!(n >= DEMO_DISTRICT_CODES.first && n <= DEMO_DISTRICT_CODES.last)) throw new Error(`unexpected demo district code ${code}`);
    return String(((n - 1 + 11 * k) % 999) + 1).padStart(3, '0');
  };
  const communeCode = (code: string) => {
    const n = Number(code);
    if (!(n >= DEMO_COMMUNE_CODES.first && n <= DEMO_COMMUNE_CODES.last)) throw new Error(`unexpected demo commune code ${code}`);
    return String(n + COMMUNE_CODE_BLOCK * k);
  };
  const siteCode = (code: string) => {
    if (!/^TGG\d{4}$/.test(code)) throw new Error(`unexpected demo site code ${code}`);
    return `${slot.sitePrefix}${code.slice(3)}`;
  };

  plan.provinceRing = plan.provinceRing.map(move);
  plan.provinceAreaKm2 = Math.round(ringAreaKm2(plan.provinceRing) * 10) / 10;
  for (const d of plan.districts) {
    d.code = districtCode(d.code);
    d.seat = move(d.seat);
  }
  for (const c of plan.communes) {
    c.code = communeCode(c.code);
    c.seed = move(c.seed);
  }
  for (const c of plan.communes2025) c.code = communeCode(c.code);
  for (const h of plan.hamlets) {
    h.code = `${plan.communes[h.communeIndex]!.code}${h.code.slice(5)}`;
    h.seed = move(h.seed);
    h.refPoint = move(h.refPoint);
    for (const cl of h.clusters) {
      if (cl.point) cl.point = move(cl.point);
      if (cl.ring) cl.ring = cl.ring.map(move);
    }
  }
  const oldProvinceName = `, ${PROVINCE_2023.name}`;
  for (const s of plan.sites) {
    const oldCode = s.code;
    s.code = siteCode(oldCode);
    s.location = move(s.location);
    if (s.address.endsWith(oldProvinceName)) s.address = `${s.address.slice(0, -oldProvinceName.length)}, ${slot.units.unit2023.name}`;
    for (const b of s.bts) {
      b.code = b.code.replace(`-${oldCode}-`, `-${s.code}-`);
      b.location = move(b.location);
    }
  }
  for (const r of plan.fiberRoutes) {
    r.code = r.code.replace(/-TG-/, `-${slot.fiberTag}-`);
    r.lines = r.lines.map((line) => line.map(move));
  }
  plan.coverageGaps = plan.coverageGaps.map((g) => ({ ...g, centre: move(g.centre) }));
  return plan;
}
