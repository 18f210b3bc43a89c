import type { Request } from 'express';
import type { Knex } from 'knex';
import { unitLevelSchema, type UnitLevel } from '../contracts/domain-enums.js';
import type { IndicatorDefinition, IndicatorSettingsView, IndicatorUnitRow, IndicatorUnitsResponse, UnitIndicatorValue } from '../contracts/indicator-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import type { Language } from '../i18n/server-messages.js';
import { indicatorCatalogue } from '../indicators/indicator-catalogue.js';
import { findIndicatorUnit, indicatorSettingsView, resolvePeriod, type IndicatorRouteDeps } from '../indicators/indicator-routes.js';
import { computeUnitTable, type UnitTableQuery } from '../indicators/indicator-unit-table.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { assertLevelInSet } from '../sharing/sharing-queries.js';
import { levelLabels, levelSlugs, scenarioLabels, sourceLabels, statusLabels } from './table-export-labels.js';
import { asciiSlug, definitionSheet, type NumberFormat, type TableColumn, type TableDefinition, type TableExport } from './table-export-writer.js';

/** One row of the long table: one indicator of one unit. */
export interface IndicatorExportRow {
  boundarySet: string;
  scenario: IndicatorUnitsResponse['scenario'];
  unit: IndicatorUnitRow;
  indicator: IndicatorDefinition;
  figure: UnitIndicatorValue;
}

const levelDepth: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

/** A share reads in percent; the other measures (per 100 people, Mbit/s, counts) as they are. */
const valueFormat = (r: IndicatorExportRow): NumberFormat => (r.indicator.measure === 'share' ? 'percent' : 'decimal');
/** Counts of hamlets, people and sites are whole; metres of fiber are not. */
const countFormat = (v: number | null): NumberFormat => (v !== null && Number.isInteger(v) ? 'integer' : 'decimal');

function gapOf(f: UnitIndicatorValue): number | null {
  return f.value === null || f.target === null ? null : f.value - f.target;
}

/**
 * The columns of the report's annex table. Names and labels follow `lang`;
 * unit names are proper names and stay as they are.
 */
export function indicatorColumns(lang: Language): TableColumn<IndicatorExportRow>[] {
  return [
    { header: { vi: 'Mã đơn vị', en: 'Unit code' }, value: (r) => r.unit.code },
    { header: { vi: 'Tên đơn vị', en: 'Unit' }, value: (r) => r.unit.name, width: 26 },
    { header: { vi: 'Cấp', en: 'Level' }, value: (r) => levelLabels[r.unit.level][lang] },
    { header: { vi: 'Đơn vị cấp trên', en: 'Parent unit' }, value: (r) => r.unit.parentName, width: 24 },
    { header: { vi: 'Bộ ranh giới', en: 'Boundary set' }, value: (r) => r.boundarySet },
    { header: { vi: 'Mã chỉ tiêu', en: 'Indicator code' }, value: (r) => r.indicator.code, width: 30 },
    { header: { vi: 'Tên chỉ tiêu', en: 'Indicator' }, value: (r) => r.indicator.name[lang], width: 50 },
    {
      header: { vi: 'Nguồn', en: 'Source' },
      value: (r) =>
        r.figure.derivedFrom
          ? `${sourceLabels[r.indicator.source][lang]} (${lang === 'vi' ? 'tính theo dân số từ các đơn vị của bộ ranh giới' : 'population-weighted from units of boundary set'} ${r.figure.derivedFrom})`
          : sourceLabels[r.indicator.source][lang],
      width: 22,
    },
    { header: { vi: 'Tử số', en: 'Numerator' }, value: (r) => r.figure.numerator, format: (r) => countFormat(r.figure.numerator) },
    { header: { vi: 'Mẫu số', en: 'Denominator' }, value: (r) => r.figure.denominator, format: (r) => countFormat(r.figure.denominator) },
    { header: { vi: 'Giá trị', en: 'Value' }, value: (r) => r.figure.value, format: valueFormat },
    { header: { vi: 'Đơn vị tính', en: 'Unit of measure' }, value: (r) => r.indicator.unitLabel[lang] },
    { header: { vi: 'Chỉ tiêu kế hoạch', en: 'Target' }, value: (r) => r.figure.target, format: valueFormat },
    { header: { vi: 'Chênh lệch', en: 'Gap' }, value: (r) => gapOf(r.figure), format: valueFormat },
    { header: { vi: 'Đánh giá', en: 'Status' }, value: (r) => (r.figure.status ? statusLabels[r.figure.status][lang] : null) },
    { header: { vi: 'Kỳ báo cáo', en: 'Reporting period' }, value: (r) => r.figure.period },
    { header: { vi: 'Kịch bản', en: 'Scenario' }, value: (r) => scenarioLabels[r.scenario][lang], width: 22 },
  ];
}

/** The unit tables the export is made of: the level asked for, or every level of the set from the top (or from the parent) down. */
async function unitTableQueries(knex: Knex, req: Request, deps: IndicatorRouteDeps): Promise<{ base: Omit<UnitTableQuery, 'level'>; levels: UnitLevel[] }> {
  const q = (name: string) => singleParameter(req, name);
  const scenario = parseScenario(q('scenario'));
  const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
  const period = await resolvePeriod(knex, q('period'));
  const parentCode = parseCode(q('parent'), 'parent');
  const parent = parentCode === undefined ? null : await findIndicatorUnit(knex, boundarySet, parentCode, 'parent');
  const asked = parseEnumList(q('level'), 'level', unitLevelSchema.options, 1)?.[0];
  let levels: UnitLevel[];
  if (asked !== undefined) {
    await assertLevelInSet(knex, boundarySet, asked);
    if (parent && levelDepth[asked] <= levelDepth[parent.level]) {
      throw new HttpProblem(400, 'level-not-below-parent', { level: asked, parent: parent.code, parentLevel: parent.level }, 'level');
    }
    levels = [asked];
  } else {
    // Every level: the parent's own row (or the province's) first, then each level below.
    const setLevels = ((await knex.raw('SELECT levels FROM boundary_sets WHERE code = ?', [boundarySet])).rows[0]?.levels ?? []) as UnitLevel[];
    levels = [...setLevels].sort((a, b) => levelDepth[a] - levelDepth[b]).filter((l) => !parent || levelDepth[l] >= levelDepth[parent.level]);
  }
  return { base: { boundarySet, scenario, period, parent, settings: indicatorSettingsView(deps), configSharingTarget: deps.sharing.sharingTargetRatio }, levels };
}

function indicatorDefinitions(settings: IndicatorSettingsView): TableDefinition[] {
  const rows: TableDefinition[] = indicatorCatalogue.map((d) => ({
    term: { vi: `${d.code}: ${d.name.vi}`, en: `${d.code}: ${d.name.en}` },
    meaning: {
      vi: `${d.definition.vi} Tử số: ${d.numeratorName.vi}. Mẫu số: ${d.denominatorName.vi}. Đơn vị tính: ${d.unitLabel.vi}.`,
      en: `${d.definition.en} Numerator: ${d.numeratorName.en}. Denominator: ${d.denominatorName.en}. Unit: ${d.unitLabel.en}.`,
    },
  }));
  const general: TableDefinition[] = [
    {
      term: { vi: 'Chênh lệch', en: 'Gap' },
      meaning: {
        vi: 'Giá trị − chỉ tiêu kế hoạch, cùng đơn vị tính (tỷ lệ: điểm phần trăm); âm là chưa đạt.',
        en: 'Value − target, in the same unit (shares: percentage points); negative is short of the target.',
      },
    },
    {
      term: { vi: 'Đánh giá', en: 'Status' },
      meaning: {
        vi: 'Đạt khi giá trị ≥ chỉ tiêu kế hoạch, Chưa đạt khi nhỏ hơn; để trống khi chưa có chỉ tiêu hoặc chưa có giá trị.',
        en: 'Met when the value ≥ the target, below when it is less; empty without a target or a value.',
      },
    },
    {
      term: { vi: 'Kịch bản', en: 'Scenario' },
      meaning: {
        vi: 'Hiện trạng: chỉ tính BTS và tuyến cáp đang hoạt động. Kể cả trạm đã duyệt: cộng thêm BTS và tuyến cáp đã phê duyệt.',
        en: 'Current: BTS and fiber on air only. Including approved stations: plus the approved BTS and fiber routes.',
      },
    },
  ];
  general.push({
    term: { vi: 'Tham số tính toán', en: 'Settings' },
    meaning: {
      vi: `θ = ${settings.coverageTheta} (tỷ lệ dân số có sóng để ấp được tính là phủ sóng), r = ${settings.fiberReachM} m (cáp quang đến ấp), ε = ${settings.siteInferenceEpsM} m (ghép BTS không có mã vị trí).`,
      en: `θ = ${settings.coverageTheta} (share of a hamlet's people covered for it to count as covered), r = ${settings.fiberReachM} m (fiber reach), ε = ${settings.siteInferenceEpsM} m (grouping BTS without a site code).`,
    },
  });
  return [...rows, ...general];
}

/**
 * GET /api/exports/indicators.{csv,xlsx}?boundarySet=&level=&scenario=&period=&parent=:
 * the rows of GET /api/indicators/units in long form, one per unit and
 * indicator, in the registry's order. Without `level`, every level of the set
 * (province, then districts, then communes; under `parent` when given).
 */
export async function indicatorsExport(knex: Knex, req: Request, lang: Language, deps: IndicatorRouteDeps): Promise<TableExport> {
  assertOnlyParameters(req, ['boundarySet', 'level', 'scenario', 'period', 'parent', 'lang']);
  const { base, levels } = await unitTableQueries(knex, req, deps);
  const tables: IndicatorUnitsResponse[] = [];
  for (const level of levels) tables.push(await computeUnitTable(knex, { ...base, level }));
  const rows: IndicatorExportRow[] = tables.flatMap((t) =>
    t.units.flatMap((unit) =>
      t.indicators.map((indicator) => ({ boundarySet: t.boundarySet, scenario: t.scenario, unit, indicator, figure: unit.values[indicator.code]! })),
    ),
  );
  const one = levels.length === 1 ? levels[0]! : null;
  const parts = [base.boundarySet, one ? levelSlugs[one] : 'moi-cap', base.parent?.code, base.scenario === 'planned' ? 'ke-ca-tram-da-duyet' : undefined, base.period ?? undefined];
  const levelTitle = one ? levelLabels[one][lang].toLowerCase() : lang === 'vi' ? 'mọi cấp' : 'every level';
  return {
    fileName: `chi-tieu-${parts.filter((p): p is string => p !== undefined).map(asciiSlug).join('-')}`,
    title: lang === 'vi' ? `Chỉ tiêu ${base.boundarySet} ${levelTitle}` : `Indicators ${base.boundarySet} ${levelTitle}`,
    sheets: [{ name: { vi: 'Chỉ tiêu', en: 'Indicators' }, columns: indicatorColumns(lang), rows }, definitionSheet(lang, indicatorDefinitions(base.settings))],
  };
}
