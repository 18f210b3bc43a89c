import type { Ratio, SharingUnit, UnitLevel } from '../domain/contract-types.js';
import { unitLevelValues } from '../domain/enum-values.js';
import type { SharingSortKey } from '../url/view-state.js';

/** The value a ratio sorts by: units without sites (value null) go last whichever way the column is sorted. */
function ratioKey(ratio: Ratio): number | null {
  return ratio.value;
}

function keyOf(unit: SharingUnit, sort: SharingSortKey): number | string | null {
  switch (sort) {
    case 'name':
      return unit.name;
    case 'siteRatio':
      return ratioKey(unit.siteRatio);
    case 'tenancyRatio':
      return ratioKey(unit.tenancyRatio);
    case 'stationShare':
      return ratioKey(unit.stationShare);
    case 'sites':
      return unit.siteRatio.denominator;
  }
}

/**
 * The units in table and chart order. Ties (and names) are ordered by name in
 * Vietnamese collation, then code, so the order is the same on every load;
 * units whose ratio is undefined (no site) come last in both directions.
 */
export function sortSharingUnits(units: readonly SharingUnit[], sort: SharingSortKey, descending: boolean, locale = 'vi'): SharingUnit[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: SharingUnit, b: SharingUnit) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const direction = descending ? -1 : 1;
  return [...units].sort((a, b) => {
    const ka = keyOf(a, sort);
    const kb = keyOf(b, sort);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
      return byName(a, b);
    }
    const compared = typeof ka === 'string' && typeof kb === 'string' ? collator.compare(ka, kb) : (ka as number) - (kb as number);
    return compared !== 0 ? direction * compared : byName(a, b);
  });
}

/** A click on a column header: the same column turns the order round; another column starts with its natural order (names A→Z, numbers largest first). */
export function nextSort(current: { sort: SharingSortKey; descending: boolean }, clicked: SharingSortKey): { sort: SharingSortKey; descending: boolean } {
  if (current.sort === clicked) return { sort: clicked, descending: !current.descending };
  return { sort: clicked, descending: clicked !== 'name' };
}

/**
 * Levels of a boundary set that the sharing API can answer for, largest first
 * (`levels` of GET /api/meta may list them in any order and may hold levels of other kinds).
 */
export function levelsOfSet(levels: readonly string[]): UnitLevel[] {
  return unitLevelValues.filter((level) => levels.includes(level));
}

/** The level asked for when the link names none or one the set lacks: the finest the set has (communes), as a planner compares communes. */
export function effectiveLevel(wanted: UnitLevel | null, levels: readonly UnitLevel[]): UnitLevel | null {
  if (wanted && levels.includes(wanted)) return wanted;
  return levels.length > 0 ? (levels[levels.length - 1] ?? null) : null;
}
