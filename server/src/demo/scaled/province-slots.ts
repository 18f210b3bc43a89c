import { PROVINCE_2023, PROVINCE_2025 } from '../demo-admin-catalogue.js';
import type { ProvinceUnits } from '../demo-plan-writer.js';

/**
 * Where each province of a scaled register goes and what it is called.
 *
 * Every province is a demo-like province (shaped like Tiền Giang) planned at
 * Tiền Giang's place and then TRANSLATED in lon/lat to its own cell of a grid
 * laid over Vietnam's extent (lon 102.1–109.5, lat 8.6–23.4). A translation in
 * degrees keeps every Voronoi cell PostGIS draws from the plan's seeds (they
 * are built in degree space), so the plan stays exactly what PostGIS builds;
 * distances in km shrink a little in longitude further north (cos 23° / cos
 * 10.4° ≈ 0.94), which a synthetic register can live with. Cells are bigger
 * than any demo outline (lon 105.80–106.82, lat 10.15–10.62), so no two
 * provinces overlap. The cells are not Vietnam's land: most lie over sea or
 * neighbouring countries, which only matters to someone reading the map.
 *
 * Province 1 is the demo province itself, where it is, with its real codes
 * (82, Tiền Giang). The others take the other 62 real two-digit province codes
 * of the 2023 list in order, with a name that says they are synthetic.
 */
export const VIETNAM_EXTENT = { minLon: 102.1, maxLon: 109.5, minLat: 8.6, maxLat: 23.4 } as const;

/** One cell per province; the demo's outline fits in its cell with room to spare. */
export const CELL_DEG = { lon: 1.1, lat: 0.55 } as const;
/** The demo province's cell centre (its outline's bounding box centre, rounded). */
export const DEMO_CELL_CENTRE: [number, number] = [106.31, 10.39];

/** The 63 province codes of 2023 (Quyết định 124/2004/QĐ-TTg as amended), Tiền Giang's being 82. */
export const PROVINCE_CODES_2023 = [
  '01', '02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25', '26', '27', '30', '31', '33',
  '34', '35', '36', '37', '38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60', '62', '64', '66',
  '67', '68', '70', '72', '74', '75', '77', '79', '80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96',
] as const;

export const MAX_PROVINCES = PROVINCE_CODES_2023.length;

export interface ProvinceSlot {
  /** 1-based; 1 is the demo province. */
  ordinal: number;
  units: ProvinceUnits;
  /** Added to every longitude and latitude of the plan. */
  offset: [number, number];
  /** Prefix of site codes (TGG for Tiền Giang) and the middle part of fibre codes (TG). */
  sitePrefix: string;
  fiberTag: string;
}

/** Cells over Vietnam's extent, nearest to the demo's first (ring by ring), so small scales stay together. */
function cellOffsets(): [number, number][] {
  const cells: { col: number; row: number }[] = [];
  for (let col = -10; col <= 10; col++) {
    for (let row = -30; row <= 30; row++) {
      const lon = DEMO_CELL_CENTRE[0] + col * CELL_DEG.lon;
      const lat = DEMO_CELL_CENTRE[1] + row * CELL_DEG.lat;
      if (lon - CELL_DEG.lon / 2 < VIETNAM_EXTENT.minLon || lon + CELL_DEG.lon / 2 > VIETNAM_EXTENT.maxLon) continue;
      if (lat - CELL_DEG.lat / 2 < VIETNAM_EXTENT.minLat || lat + CELL_DEG.lat / 2 > VIETNAM_EXTENT.maxLat) continue;
      cells.push({ col, row });
    }
  }
  const ring = (c: { col: number; row: number }) => Math.max(Math.abs(c.col), Math.abs(c.row));
  cells.sort((a, b) => ring(a) - ring(b) || a.row - b.row || a.col - b.col);
  return cells.map((c) => [round(c.col * CELL_DEG.lon), round(c.row * CELL_DEG.lat)]);
}

const round = (x: number) => Math.round(x * 1e7) / 1e7;

export function provinceSlots(count: number): ProvinceSlot[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROVINCES) throw new Error(`a scaled register has 1..${MAX_PROVINCES} provinces, not ${count}`);
  const offsets = cellOffsets();
  if (offsets.length < MAX_PROVINCES) throw new Error('not enough cells over Vietnam for 63 provinces');
  const others = PROVINCE_CODES_2023.filter((c) => c !== PROVINCE_2023.code);
  return Array.from({ length: count }, (_, k) => {
    if (k === 0) return { ordinal: 1, units: { unit2023: PROVINCE_2023, unit2025: PROVINCE_2025 }, offset: [0, 0], sitePrefix: 'TGG', fiberTag: 'TG' };
    const code = others[k - 1]!;
    const unit = { code, name: `Tỉnh Mô phỏng ${code}`, unitType: 'tinh' };
    return { ordinal: k + 1, units: { unit2023: unit, unit2025: unit }, offset: offsets[k]!, sitePrefix: `P${code}`, fiberTag: `P${code}` };
  });
}
