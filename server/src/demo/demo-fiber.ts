import type { PlannedCommune, PlannedDistrict } from './demo-admin-units.js';
import type { PlannedHamlet } from './demo-hamlets.js';
import { operatorPrefix } from './demo-operators.js';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, distanceKm, lineLengthKm, roundLonLat, type LonLat } from './demo-plane-geometry.js';
import type { SeededRandom } from './seeded-random.js';

export interface PlannedFiberRoute {
  code: string;
  name: string;
  operatorCode: string;
  kind: 'backbone' | 'distribution' | 'access';
  laying: 'aerial' | 'underground';
  cores: number;
  status: 'planned' | 'on_air';
  /** One or more lines (a MultiLineString). */
  lines: LonLat[][];
  lengthKm: number;
}

/** Share of fibre length laid underground the demo aims at (cities are ducted, the rest is on poles). */
export const TARGET_UNDERGROUND_SHARE = { min: 0.16, max: 0.24 };

/** The national roads the backbones follow, as chains of district seats (codes). */
const CORRIDORS: { name: string; chain: (string | LonLat)[]; operators: string[] }[] = [
  // QL1A: from the Đồng Tháp border through Cái Bè, Cai Lậy, Tân Hiệp, Trung Lương, on to Long An.
  { name: 'QL1A', chain: [[105.845, 10.44], '819', '817', '821', '815', [106.415, 10.47]], operators: ['viettel', 'vnpt', 'mobifone'] },
  // QL50: Mỹ Tho – Chợ Gạo – Vĩnh Bình – Gò Công – Tân Hòa.
  { name: 'QL50', chain: ['815', '822', '823', '816', '824'], operators: ['viettel', 'vnpt', 'mobifone'] },
  { name: 'ĐT865', chain: ['817', '818'], operators: ['viettel', 'vnpt'] },
  { name: 'ĐT868', chain: ['817', '820'], operators: ['viettel', 'vnpt'] },
  { name: 'ĐT877', chain: ['823', '825'], operators: ['viettel', 'vnpt'] },
];

/** Lateral offset of each operator's cable from the road's centre line, km. */
const OPERATOR_OFFSET_KM: Record<string, number> = { viettel: -0.03, vnpt: 0.03, mobifone: 0.06 };

/** Name of a district's hub for route names: its town or city. */
function hubName(district: PlannedDistrict): string {
  if (district.spec.towns.length > 0) return district.spec.towns[0]!;
  if (district.code === '825') return 'Phú Thạnh';
  return district.name.replace(/^(Thành phố|Thị xã|Huyện) /u, '');
}

/**
 * A polyline from a to b with a vertex every ~`stepKm`, bent sideways by a
 * smooth wave that vanishes at both ends (a road is not a ruler line), then
 * shifted by `offsetKm` to the right of the direction of travel.
 */
function wavyLine(
  a: LonLat,
  b: LonLat,
  waves: { amplitudeKm: number; frequency: number; phase: number }[],
  offsetKm: number,
  noiseKm: number,
  rnd: SeededRandom,
  stepKm = 0.4,
): LonLat[] {
  const lengthKm = distanceKm(a, b);
  const n = Math.max(2, Math.ceil(lengthKm / stepKm));
  const dx = (b[0] - a[0]) * KM_PER_DEG_LON;
  const dy = (b[1] - a[1]) * KM_PER_DEG_LAT;
  const len = Math.hypot(dx, dy) || 1;
  // Unit normal (to the right of a→b), in km.
  const nx = dy / len;
  const ny = -dx / len;
  const points: LonLat[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const envelope = Math.sin(Math.PI * t);
    let side = offsetKm;
    for (const w of waves) side += envelope * w.amplitudeKm * Math.sin(2 * Math.PI * w.frequency * t + w.phase);
    if (i > 0 && i < n) side += rnd.float(-noiseKm, noiseKm);
    points.push(
      roundLonLat([
        a[0] + (b[0] - a[0]) * t + (nx * side) / KM_PER_DEG_LON,
        a[1] + (b[1] - a[1]) * t + (ny * side) / KM_PER_DEG_LAT,
      ]),
    );
  }
  return points;
}

function roadWaves(rnd: SeededRandom, lengthKm: number) {
  const scale = Math.min(0.8, 0.04 * lengthKm + 0.05);
  return [
    { amplitudeKm: rnd.float(0.4, 1) * scale, frequency: rnd.float(0.4, 1.2), phase: rnd.float(0, 2 * Math.PI) },
    { amplitudeKm: rnd.float(0.1, 0.4) * scale, frequency: rnd.float(1.5, 3.5), phase: rnd.float(0, 2 * Math.PI) },
  ];
}

export function planFiber(
  random: SeededRandom,
  districts: readonly PlannedDistrict[],
  communes: readonly PlannedCommune[],
  hamlets: readonly PlannedHamlet[],
): PlannedFiberRoute[] {
  const routes: PlannedFiberRoute[] = [];
  const counters = new Map<string, number>();
  const nextCode = (operator: string, kind: string) => {
    const key = `${operator}-${kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${operatorPrefix(operator)}-TG-${kind}-${String(n).padStart(3, '0')}`;
  };
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const add = (route: Omit<PlannedFiberRoute, 'lengthKm' | 'code'> & { kindCode: string }) => {
    const { kindCode, ...rest } = route;
    routes.push({ ...rest, code: nextCode(route.operatorCode, kindCode), lengthKm: rest.lines.reduce((s, l) => s + lineLengthKm(l), 0) });
  };

  // Backbone: one route per corridor section and operator, side by side along the same road.
  const rndBackbone = random.fork('fiber-backbone');
  for (const corridor of CORRIDORS) {
    const stops = corridor.chain.map((s) =>
      typeof s === 'string' ? { point: byCode.get(s)!.seat, name: hubName(byCode.get(s)!) } : { point: s, name: 'ranh giới tỉnh' },
    );
    for (let k = 1; k < stops.length; k++) {
      const from = stops[k - 1]!;
      const to = stops[k]!;
      const waves = roadWaves(rndBackbone, distanceKm(from.point, to.point));
      for (const operatorCode of corridor.operators) {
        add({
          kindCode: 'BB',
          name: `Trục ${corridor.name} ${from.name} – ${to.name}`,
          operatorCode,
          kind: 'backbone',
          laying: 'aerial',
          cores: 96,
          status: 'on_air',
          lines: [wavyLine(from.point, to.point, waves, OPERATOR_OFFSET_KM[operatorCode]!, 0.005, rndBackbone)],
        });
      }
    }
  }

  // Distribution: in each district a tree from the hub to every commune centre,
  // each commune hanging from the nearest point already connected.
  const rndDist = random.fork('fiber-distribution');
  for (const district of districts) {
    for (const operatorCode of ['viettel', 'vnpt', 'mobifone']) {
      const members = district.communeIndices
        .map((i) => communes[i]!)
        .filter((c) => operatorCode !== 'mobifone' || c.unitType !== 'xa' || rndDist.chance(0.45));
      const connected: { point: LonLat; name: string }[] = [{ point: district.seat, name: hubName(district) }];
      const order = members.slice().sort((a, b) => distanceKm(a.seed, district.seat) - distanceKm(b.seed, district.seat));
      for (const commune of order) {
        let parent = connected[0]!;
        for (const c of connected) if (distanceKm(c.point, commune.seed) < distanceKm(parent.point, commune.seed)) parent = c;
        const length = distanceKm(parent.point, commune.seed);
        connected.push({ point: commune.seed, name: commune.name });
        if (length < 0.3) continue;
        add({
          kindCode: 'DS',
          name: `Tuyến phân phối ${parent.name} – ${commune.name}`,
          operatorCode,
          kind: 'distribution',
          laying: commune.unitType === 'phuong' ? 'underground' : 'aerial',
          cores: 48,
          status: commune.unitType === 'xa' && rndDist.chance(0.03) ? 'planned' : 'on_air',
          lines: [wavyLine(parent.point, commune.seed, roadWaves(rndDist, length), OPERATOR_OFFSET_KM[operatorCode]!, 0.01, rndDist, 0.3)],
        });
      }
    }
  }

  // Access: from each phường's centre to its khu phố, in ducts; a few in thị trấn, on poles.
  const rndAccess = random.fork('fiber-access');
  for (const commune of communes) {
    if (commune.unitType === 'xa') continue;
    const own = hamlets.filter((h) => h.communeIndex === commune.index);
    for (const operatorCode of ['viettel', 'vnpt', 'mobifone']) {
      if (operatorCode === 'mobifone' && rndAccess.chance(0.5)) continue;
      const targets = commune.unitType === 'phuong' ? own : rndAccess.shuffled(own).slice(0, 2);
      for (const hamlet of targets) {
        const length = distanceKm(commune.seed, hamlet.refPoint);
        if (length < 0.15) continue;
        add({
          kindCode: 'AC',
          name: `Tuyến truy nhập ${commune.name} – ${hamlet.name}`,
          operatorCode,
          kind: 'access',
          laying: commune.unitType === 'phuong' ? 'underground' : 'aerial',
          cores: rndAccess.chance(0.5) ? 24 : 12,
          status: 'on_air',
          lines: [wavyLine(commune.seed, hamlet.refPoint, roadWaves(rndAccess, length), OPERATOR_OFFSET_KM[operatorCode]! / 3, 0.004, rndAccess, 0.15)],
        });
      }
    }
  }

  balanceUndergroundShare(routes, communes);
  return routes;
}

/**
 * Brings the underground share of length into the target band: thị trấn
 * distribution routes go into ducts first (shortest first), or phường access
 * routes go back on poles when there is too much underground.
 */
function balanceUndergroundShare(routes: PlannedFiberRoute[], communes: readonly PlannedCommune[]): void {
  const total = routes.reduce((s, r) => s + r.lengthKm, 0);
  let underground = routes.filter((r) => r.laying === 'underground').reduce((s, r) => s + r.lengthKm, 0);
  const townNames = new Set(communes.filter((c) => c.unitType === 'thi_tran').map((c) => c.name));
  if (underground / total < TARGET_UNDERGROUND_SHARE.min) {
    const candidates = routes
      .filter((r) => r.laying === 'aerial' && r.kind !== 'backbone' && [...townNames].some((n) => r.name.endsWith(n) || r.name.includes(`${n} –`)))
      .sort((a, b) => a.lengthKm - b.lengthKm || a.code.localeCompare(b.code));
    const more = routes
      .filter((r) => r.laying === 'aerial' && r.kind === 'distribution' && !candidates.includes(r))
      .sort((a, b) => a.lengthKm - b.lengthKm || a.code.localeCompare(b.code));
    for (const r of [...candidates, ...more]) {
      if (underground / total >= (TARGET_UNDERGROUND_SHARE.min + TARGET_UNDERGROUND_SHARE.max) / 2) break;
      r.laying = 'underground';
      underground += r.lengthKm;
    }
  } else if (underground / total > TARGET_UNDERGROUND_SHARE.max) {
    const candidates = routes
      .filter((r) => r.laying === 'underground' && r.kind === 'access')
      .sort((a, b) => b.lengthKm - a.lengthKm || a.code.localeCompare(b.code));
    for (const r of candidates) {
      if (underground / total <= (TARGET_UNDERGROUND_SHARE.min + TARGET_UNDERGROUND_SHARE.max) / 2) break;
      r.laying = 'aerial';
      underground -= r.lengthKm;
    }
  }
}
