import type { SeededRandom } from './seeded-random.js';

/**
 * Names for the demo's hamlets, sites and addresses, with their diacritics.
 * Hamlet names in the Mekong delta are mostly two auspicious Sino-Vietnamese
 * syllables (Tân Thuận, Bình Hòa), sometimes split into A/B or Đông/Tây
 * halves, sometimes numbered (Ấp 1, Ấp 2 in the newer settlements of Tân
 * Phước), and often named after the commune itself; khu phố in phường are
 * numbered.
 */
export const HAMLET_NAME_POOL: readonly string[] = [
  'Tân Thuận', 'Bình Hòa', 'Long Hòa', 'Phú Hưng', 'An Thạnh', 'Hòa Bình', 'Thạnh Phú', 'Vĩnh Phước',
  'Phước Hòa', 'Hưng Long', 'Đông Hòa', 'Tây Hòa', 'Bình Long', 'Hiệp Thạnh', 'Thới Hòa', 'Trung Lương',
  'Hậu Thạnh', 'Lợi An', 'Thuận Hòa', 'Xuân Hòa', 'Mỹ Hòa', 'Cẩm Hòa', 'Quý Thạnh', 'Nhơn Hòa',
  'Thanh Sơn', 'Lộc Hòa', 'Điền Hòa', 'Phong Thuận', 'Tân Phú', 'Tân Bình', 'Tân Hòa', 'Tân Lợi',
  'Tân Thạnh', 'Mỹ Thạnh', 'Mỹ Phú', 'Mỹ Trung', 'Mỹ Hưng', 'Long Thạnh', 'Long Phú', 'Long Bình',
  'Long Thới', 'Phú Thuận', 'Phú Lợi', 'Phú Hòa', 'Phú Mỹ', 'An Lợi', 'An Bình', 'An Hòa', 'Bình Thạnh',
  'Bình Trung', 'Bình Phú', 'Bình Tây', 'Bình Đông', 'Hòa Thuận', 'Hòa Lợi', 'Hòa Phú', 'Thạnh Lợi',
  'Thạnh Hòa', 'Vĩnh Hòa', 'Vĩnh Thạnh', 'Vĩnh Lợi', 'Phước Thuận', 'Phước Lợi', 'Hưng Hòa', 'Hưng Phú',
  'Đông Bình', 'Tây Thạnh', 'Hiệp Hòa', 'Thới Bình', 'Trung Hòa', 'Hậu Hòa', 'Thuận Phú', 'Xuân Thạnh',
  'Nhơn Phú', 'Lộc Thuận', 'Mỹ Lợi', 'Mỹ Tường', 'Hòa Định', 'Phước Thạnh', 'Tân Quới', 'Bình Quới',
  'Hội Thạnh', 'Khánh Thuận', 'Thạnh Nhựt', 'Long Khánh', 'Kinh Xáng', 'Rạch Gầm', 'Giồng Dứa',
  'Cầu Xây', 'Bà Đắc', 'Cây Dương', 'Giồng Tre', 'Ông Văn', 'Rạch Vách', 'Cồn Qui', 'Gò Me', 'Xóm Gò',
  'Bờ Kinh', 'Kênh Năng', 'Mương Điều', 'Cái Thia',
];

const SPLIT_SUFFIXES = [['A', 'B'], ['Đông', 'Tây'], ['Trên', 'Dưới'], ['1', '2'], ['Thượng', 'Hạ']] as const;

/** The commune's name without A/B or a trailing number: "Mỹ Lợi A" -> "Mỹ Lợi". */
export function communeStem(shortName: string): string {
  return shortName.replace(/\s+(A|B|\d+)$/u, '');
}

/**
 * `count` distinct hamlet names for one commune: "Khu phố 1…n" in a phường,
 * otherwise "Ấp …" names drawn from the pool, one named after the commune.
 */
export function hamletNames(random: SeededRandom, communeShortName: string, isWard: boolean, count: number): string[] {
  if (isWard) return Array.from({ length: count }, (_, i) => `Khu phố ${i + 1}`);
  if (random.chance(0.15)) return Array.from({ length: count }, (_, i) => `Ấp ${i + 1}`);
  const names: string[] = [];
  const used = new Set<string>();
  const add = (name: string) => {
    if (names.length < count && !used.has(name)) {
      used.add(name);
      names.push(name);
    }
  };
  const stem = communeStem(communeShortName);
  if (!/^\d+$/u.test(stem)) add(`Ấp ${stem}`);
  const pool = random.shuffled(HAMLET_NAME_POOL);
  let k = 0;
  while (names.length < count) {
    const base = k < pool.length ? pool[k]! : `${pool[k % pool.length]!} ${Math.floor(k / pool.length) + 1}`;
    k += 1;
    if (count - names.length >= 2 && random.chance(0.12)) {
      const [first, second] = random.pick(SPLIT_SUFFIXES);
      if (!used.has(`Ấp ${base} ${first}`) && !used.has(`Ấp ${base} ${second}`)) {
        add(`Ấp ${base} ${first}`);
        add(`Ấp ${base} ${second}`);
        continue;
      }
    }
    add(`Ấp ${base}`);
  }
  return names;
}

/** "Ấp Mỹ Lợi, Xã Mỹ Lợi A, Huyện Cái Bè, Tỉnh Tiền Giang" */
export function formatAddress(parts: readonly string[]): string {
  return parts.filter((p) => p.length > 0).join(', ');
}

/**
 * Text folded for diacritic-insensitive comparison, as the database's
 * hatang_fold does: lower case, combining marks removed, đ -> d.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .toLowerCase();
}
