import type { Request } from 'express';
import type { Knex } from 'knex';
import { crosswalk } from '../boundaries/boundary-crosswalk.js';
import type { CrosswalkRow } from '../contracts/indicator-registry-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, singleParameter } from '../http/query-params.js';
import type { Language } from '../i18n/server-messages.js';
import { levelLabels } from './table-export-labels.js';
import { asciiSlug, definitionSheet, type TableColumn, type TableDefinition, type TableExport } from './table-export-writer.js';

export const crosswalkColumns: TableColumn<CrosswalkRow>[] = [
  { header: { vi: 'Mã đơn vị cũ', en: 'Old unit code' }, value: (r) => r.fromCode },
  { header: { vi: 'Tên đơn vị cũ', en: 'Old unit' }, value: (r) => r.fromName, width: 28 },
  { header: { vi: 'Mã đơn vị mới', en: 'New unit code' }, value: (r) => r.toCode },
  { header: { vi: 'Tên đơn vị mới', en: 'New unit' }, value: (r) => r.toName, width: 28 },
  { header: { vi: 'Diện tích chung (m²)', en: 'Shared area (m²)' }, value: (r) => r.areaM2, format: 'integer' },
  { header: { vi: 'Tỷ lệ diện tích (%)', en: 'Area share (%)' }, value: (r) => r.areaShare, format: 'percent' },
  { header: { vi: 'Dân số chung (người)', en: 'Shared population (people)' }, value: (r) => r.population, format: 'integer' },
  { header: { vi: 'Tỷ lệ dân số (%)', en: 'Population share (%)' }, value: (r) => r.populationShare, format: 'percent' },
];

/** A boundary set named by `parameter` (required): an unknown one is a 400 naming that parameter. */
async function namedBoundarySet(knex: Knex, req: Request, parameter: 'from' | 'to'): Promise<string> {
  const raw = singleParameter(req, parameter);
  if (raw === undefined) throw new HttpProblem(400, 'required-parameter', { parameter }, parameter);
  const sets = ((await knex.raw('SELECT code FROM boundary_sets ORDER BY code')).rows as { code: string }[]).map((s) => s.code);
  if (!sets.includes(raw)) {
    throw new HttpProblem(400, 'unknown-boundary-set', { boundarySet: raw.slice(0, 32), allowed: sets.join(', ') || '—' }, parameter);
  }
  return raw;
}

/**
 * GET /api/exports/crosswalk.{csv,xlsx}?from=&to=: the rows of GET
 * /api/boundary-sets/{from}/crosswalk/{to} (hatang_boundary_crosswalk), old
 * unit → new unit with the shares of area and people; the XLSX adds what the
 * shares mean.
 */
export async function crosswalkExport(knex: Knex, req: Request, lang: Language): Promise<TableExport> {
  assertOnlyParameters(req, ['from', 'to', 'lang']);
  const from = await namedBoundarySet(knex, req, 'from');
  const to = await namedBoundarySet(knex, req, 'to');
  const answer = await crosswalk(knex, from, to);
  const fromLevel = levelLabels[answer.from.level];
  const toLevel = levelLabels[answer.to.level];
  const definitions: TableDefinition[] = [
    {
      term: { vi: 'Phạm vi của bảng', en: 'What the table is for' },
      meaning: {
        vi: `Đơn vị ${fromLevel.vi.toLowerCase()} của bộ ranh giới ${from} (cũ) sang đơn vị ${toLevel.vi.toLowerCase()} của bộ ${to} (mới): mỗi dòng là một cặp đơn vị có chung diện tích hoặc dân số.`,
        en: `${fromLevel.en} units of boundary set ${from} (old) onto ${toLevel.en.toLowerCase()} units of set ${to} (new): one row per pair of units sharing area or people.`,
      },
    },
    {
      term: { vi: 'Diện tích chung (m²)', en: 'Shared area (m²)' },
      meaning: { vi: 'Diện tích phần đơn vị cũ nằm trong đơn vị mới, m², trên mặt cầu.', en: 'Area of the old unit inside the new one, m² on the spheroid.' },
    },
    {
      term: { vi: 'Tỷ lệ diện tích (%)', en: 'Area share (%)' },
      meaning: {
        vi: 'Diện tích chung ÷ diện tích của đơn vị cũ nằm trong các đơn vị của bộ mới; tổng theo mỗi đơn vị cũ bằng 100%.',
        en: "Shared area ÷ the old unit's area inside units of the new set; sums to 100% per old unit.",
      },
    },
    {
      term: { vi: 'Dân số chung (người)', en: 'Shared population (people)' },
      meaning: {
        vi: 'Dân số các ấp, khu phố của đơn vị cũ có điểm tham chiếu nằm trong đơn vị mới.',
        en: "People of the old unit's hamlets whose reference point lies in the new unit.",
      },
    },
    {
      term: { vi: 'Tỷ lệ dân số (%)', en: 'Population share (%)' },
      meaning: {
        vi: 'Dân số chung ÷ dân số của đơn vị cũ (tỷ lệ diện tích khi đơn vị cũ không có dân số); tổng theo mỗi đơn vị cũ bằng 100%.',
        en: "Shared population ÷ the old unit's population (its area share when it has no people); sums to 100% per old unit.",
      },
    },
  ];
  return {
    fileName: `bang-chuyen-doi-${asciiSlug(from)}-${asciiSlug(to)}`,
    title: lang === 'vi' ? `Bảng chuyển đổi ${from} sang ${to}` : `Crosswalk ${from} to ${to}`,
    sheets: [
      { name: { vi: 'Bảng chuyển đổi', en: 'Crosswalk' }, columns: crosswalkColumns, rows: answer.rows },
      definitionSheet(lang, definitions),
    ],
  };
}
