import type { Request } from 'express';
import type { Knex } from 'knex';
import type { IndicatorMeasure } from '../contracts/indicator-contracts.js';
import { assertOnlyParameters, parseEnumList, singleParameter } from '../http/query-params.js';
import type { Language } from '../i18n/server-messages.js';
import { importFields } from '../imports/import-fields.js';
import { indicatorByCode, indicatorCatalogue } from '../indicators/indicator-catalogue.js';
import { resolvePeriod } from '../indicators/indicator-routes.js';
import { toWritten } from '../contracts/indicator-value-rules.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import type { CellValue } from './export-columns.js';
import { asciiSlug, definitionSheet, type TableColumn, type TableDefinition, type TableExport } from './table-export-writer.js';

interface ReportedValueSql {
  indicator: string;
  measure: IndicatorMeasure;
  unit: string;
  unit_name: string;
  period: string;
  value: number;
  document: string | null;
  note: string | null;
}

// Each field of the 'indicator-values' import (import-fields.ts), by its key.
const cellOf: Record<string, (r: ReportedValueSql) => CellValue> = {
  indicator: (r) => r.indicator,
  unit: (r) => r.unit,
  unitName: (r) => r.unit_name,
  period: (r) => r.period,
  // As people write it and the importer reads it: a share in percent (0.746 → 74.6), the rest as stored.
  value: (r) => toWritten(r.measure, Number(r.value)),
  document: (r) => r.document,
  note: (r) => r.note,
};

/**
 * The importer's own columns, in its order and with its headers (vi or en), so
 * the file goes back through POST /api/imports (layer indicator-values)
 * unchanged. Values are exact: no rounding to what a format shows.
 */
export function reportedValueColumns(): TableColumn<ReportedValueSql>[] {
  return importFields['indicator-values'].map((f) => {
    const value = cellOf[f.key];
    if (!value) throw new Error(`the indicator-values import has a field "${f.key}" the export does not write`);
    return { header: { vi: f.vi, en: f.en }, value, format: f.key === 'value' ? 'exact' : undefined, width: f.key === 'unitName' ? 28 : undefined };
  });
}

/**
 * GET /api/exports/reported-values.{csv,xlsx}?boundarySet=&indicator=&period=:
 * the reported values entered for units of one boundary set (default: the
 * default set), by indicator (the registry's order), period and unit. The XLSX
 * adds each indicator's name and unit.
 */
export async function reportedValuesExport(knex: Knex, req: Request, lang: Language): Promise<TableExport> {
  assertOnlyParameters(req, ['boundarySet', 'indicator', 'period', 'lang']);
  const q = (name: string) => singleParameter(req, name);
  const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
  const indicator = parseEnumList(q('indicator'), 'indicator', indicatorCatalogue.map((d) => d.code), 1)?.[0] ?? null;
  const period = await resolvePeriod(knex, q('period'));
  const rows = (
    await knex.raw(
      `SELECT v.indicator_code AS indicator, d.measure, u.code AS unit, u.name AS unit_name, v.period_code AS period,
              v.value, v.document, v.note
         FROM indicator_reported_values v
         JOIN indicator_definitions d ON d.code = v.indicator_code
         JOIN admin_units u ON u.id = v.unit_id
         JOIN reporting_periods p ON p.code = v.period_code
        WHERE u.boundary_set = ? AND (?::text IS NULL OR v.indicator_code = ?) AND (?::text IS NULL OR v.period_code = ?)
        ORDER BY d.sort_order, p.starts_on, p.ends_on,
                 CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, u.code COLLATE "C"`,
      [boundarySet, indicator, indicator, period, period],
    )
  ).rows as ReportedValueSql[];
  const shown = indicator ? [indicatorByCode(indicator)!] : indicatorCatalogue.filter((d) => d.source === 'reported' || rows.some((r) => r.indicator === d.code));
  const definitions: TableDefinition[] = [
    {
      term: { vi: 'Cách dùng', en: 'How to use it' },
      meaning: {
        vi: 'Sửa các cột Giá trị, Văn bản nguồn, Ghi chú rồi nhập lại tệp (lớp "Số liệu chỉ tiêu báo cáo", indicator-values): mỗi dòng được nhận theo mã chỉ tiêu, mã đơn vị và kỳ báo cáo. Tỷ lệ ghi theo phần trăm (74,6 là 74,6%).',
        en: 'Edit Value, Document and Note, then import the file again (layer "Reported indicator values", indicator-values): each row is matched by indicator, unit code and period. Shares are written in percent (74.6 means 74.6%).',
      },
    },
    ...shown.map((d) => ({
      term: { vi: `${d.code}: ${d.name.vi}`, en: `${d.code}: ${d.name.en}` },
      meaning: {
        vi: `${d.definition.vi} Đơn vị tính: ${d.unitLabel.vi}.`,
        en: `${d.definition.en} Unit: ${d.unitLabel.en}.`,
      },
    })),
  ];
  const parts = [boundarySet, indicator, period].filter((p): p is string => p !== null);
  return {
    fileName: `so-lieu-bao-cao-${parts.map(asciiSlug).join('-')}`,
    title: `${lang === 'vi' ? 'Số liệu báo cáo' : 'Reported values'} ${parts.join(' ')}`,
    sheets: [{ name: { vi: 'Số liệu báo cáo', en: 'Reported values' }, columns: reportedValueColumns(), rows }, definitionSheet(lang, definitions)],
  };
}
