import { describe, expect, it } from 'vitest';
import { COMMUNE_TYPE_WORD, DISTRICTS } from '../../server/src/demo/demo-admin-catalogue.js';
import { DEMO_OPERATORS } from '../../server/src/demo/demo-operators.js';
import { SeededRandom } from '../../server/src/demo/seeded-random.js';
import { communeStem, foldVietnamese, formatAddress, hamletNames } from '../../server/src/demo/vietnamese-names.js';

describe('demo hamlet names', () => {
  it('numbers the khu phố of a phường', () => {
    expect(hamletNames(new SeededRandom(1), '5', true, 4)).toEqual(['Khu phố 1', 'Khu phố 2', 'Khu phố 3', 'Khu phố 4']);
  });

  it('gives the ấp of a xã distinct names with diacritics, the same for the same seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      const names = hamletNames(new SeededRandom(seed), 'Mỹ Lợi A', false, 12);
      expect(names).toHaveLength(12);
      expect(new Set(names).size).toBe(12);
      expect(names.every((n) => n.startsWith('Ấp '))).toBe(true);
      expect(hamletNames(new SeededRandom(seed), 'Mỹ Lợi A', false, 12)).toEqual(names);
    }
    const sample = hamletNames(new SeededRandom(3), 'Hậu Thành', false, 8).join(' ');
    expect(foldVietnamese(sample)).not.toBe(sample);
  });

  it('can still name more ấp than the pool holds', () => {
    const names = hamletNames(new SeededRandom(2), 'Tân Hòa', false, 150);
    expect(new Set(names).size).toBe(150);
  });

  it('names one ấp after the commune, without its A/B suffix', () => {
    expect(communeStem('Mỹ Lợi A')).toBe('Mỹ Lợi');
    expect(communeStem('Tân Lập 2')).toBe('Tân Lập');
    const seeds = Array.from({ length: 50 }, (_, s) => hamletNames(new SeededRandom(s), 'Mỹ Lợi A', false, 5));
    expect(seeds.some((names) => names.includes('Ấp Mỹ Lợi'))).toBe(true);
  });

  it('writes addresses from the hamlet up', () => {
    expect(formatAddress(['Ấp Mỹ Lợi', 'Xã Mỹ Lợi A', 'Huyện Cái Bè', 'Tỉnh Tiền Giang'])).toBe(
      'Ấp Mỹ Lợi, Xã Mỹ Lợi A, Huyện Cái Bè, Tỉnh Tiền Giang',
    );
  });
});

describe('folding Vietnamese for search', () => {
  it('finds "cai be" in "Thị trấn Cái Bè" and "dong thap" in "Đồng Tháp"', () => {
    expect(foldVietnamese('Thị trấn Cái Bè')).toContain('cai be');
    expect(foldVietnamese('Tỉnh Đồng Tháp')).toBe('tinh dong thap');
  });
});

describe('the demo catalogue of administrative units', () => {
  it('holds the 11 district-level units of Tiền Giang with their real codes and types', () => {
    expect(DISTRICTS.map((d) => d.code)).toEqual(['815', '816', '817', '818', '819', '820', '821', '822', '823', '824', '825']);
    expect(DISTRICTS.map((d) => d.name)).toContain('Thành phố Mỹ Tho');
    expect(DISTRICTS.filter((d) => d.unitType === 'thi_xa').map((d) => d.name)).toEqual(['Thị xã Gò Công', 'Thị xã Cai Lậy']);
    expect(DISTRICTS.filter((d) => d.unitType === 'huyen')).toHaveLength(8);
  });

  it('lists 172 communes, phường only in the city and towns, a thị trấn in every huyện but the islands', () => {
    const total = DISTRICTS.reduce((s, d) => s + d.wards.length + d.towns.length + d.communes.length, 0);
    expect(total).toBe(172);
    for (const d of DISTRICTS) {
      if (d.unitType === 'huyen') expect(d.wards).toEqual([]);
      else expect(d.wards.length).toBeGreaterThan(0);
      if (d.unitType === 'huyen' && d.code !== '825') expect(d.towns.length).toBeGreaterThan(0);
      const names = [...d.wards.map((w) => `${COMMUNE_TYPE_WORD.phuong} ${w}`), ...d.towns.map((t) => `${COMMUNE_TYPE_WORD.thi_tran} ${t}`), ...d.communes.map((c) => `${COMMUNE_TYPE_WORD.xa} ${c}`)];
      expect(new Set(names).size).toBe(names.length);
    }
    expect(DISTRICTS.find((d) => d.code === '819')!.towns).toEqual(['Cái Bè']);
  });

  it('plans about 55 communes for 2025, each district merging groups of 2 to 4', () => {
    expect(DISTRICTS.reduce((s, d) => s + d.merged2025.length, 0)).toBe(55);
    for (const d of DISTRICTS) {
      const n = d.wards.length + d.towns.length + d.communes.length;
      expect(n / d.merged2025.length).toBeGreaterThanOrEqual(2);
      expect(n / d.merged2025.length).toBeLessThanOrEqual(4);
    }
  });

  it('has distinguishable operator colours in the lowercase form the schema checks', () => {
    const colours = DEMO_OPERATORS.map((o) => o.colour);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    expect(new Set(colours).size).toBe(colours.length);
    expect(DEMO_OPERATORS.filter((o) => o.kind === 'towerco').map((o) => o.name)).toEqual(['Công ty Hạ tầng Tháp Mekong (giả lập)']);
  });
});
