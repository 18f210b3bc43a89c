import type { Request } from 'express';
import type { Knex } from 'knex';
import type { HamletCoverageRow } from '../contracts/coverage-contracts.js';
import type { Bilingual } from '../contracts/indicator-contracts.js';
import { ANY_OPERATOR } from '../contracts/layer-contracts.js';
import { hamletCoverageParameters, hamletCoverageRows, parseHamletCoverageQuery } from '../hamlets/hamlet-coverage-query.js';
import { assertOnlyParameters } from '../http/query-params.js';
import type { Language } from '../i18n/server-messages.js';
import { scenarioLabels } from './table-export-labels.js';
import { asciiSlug, definitionSheet, type TableColumn, type TableDefinition, type TableExport } from './table-export-writer.js';

// The words of the client's coverage table and its CSV (client/src/coverage/hamlet-coverage-csv.ts,
// messages-vi.ts verdict.* and shareBasisShort.*), so a file reads like the screen.
const verdictLabels: Record<HamletCoverageRow['verdict'], Bilingual> = {
  covered: { vi: 'Phủ sóng', en: 'Covered' },
  lom_song: { vi: 'Lõm sóng', en: 'Partly covered (lõm sóng)' },
  trang_song: { vi: 'Trắng sóng', en: 'No signal (trắng sóng)' },
};
const shareBasisLabels: Record<HamletCoverageRow['shareBasis'], Bilingual> = {
  clusters: { vi: 'Cụm dân cư', en: 'Population clusters' },
  area: { vi: 'Diện tích', en: 'Area' },
  point: { vi: 'Điểm tham chiếu', en: 'Reference point' },
};
const yesNo: Record<'yes' | 'no', Bilingual> = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } };

export function hamletCoverageColumns(lang: Language): TableColumn<HamletCoverageRow>[] {
  return [
    { header: { vi: 'Mã ấp', en: 'Hamlet code' }, value: (r) => r.code },
    { header: { vi: 'Tên ấp, khu phố', en: 'Hamlet' }, value: (r) => r.name, width: 28 },
    { header: { vi: 'Xã, phường, thị trấn', en: 'Commune' }, value: (r) => r.communeName, width: 24 },
    { header: { vi: 'Huyện, thị xã, thành phố', en: 'District' }, value: (r) => r.districtName, width: 24 },
    { header: { vi: 'Dân số (người)', en: 'Population (people)' }, value: (r) => r.population, format: 'integer' },
    { header: { vi: 'Kết luận', en: 'Verdict' }, value: (r) => verdictLabels[r.verdict][lang] },
    { header: { vi: 'Điểm tham chiếu có sóng', en: 'Reference point covered' }, value: (r) => yesNo[r.refCovered ? 'yes' : 'no'][lang] },
    { header: { vi: 'Tỷ lệ dân số có sóng (%)', en: 'Population covered (%)' }, value: (r) => r.coveredShare, format: 'percent' },
    { header: { vi: 'Cơ sở tính tỷ lệ', en: 'Share measured over' }, value: (r) => shareBasisLabels[r.shareBasis][lang] },
    { header: { vi: 'Dân số có sóng (người)', en: 'People covered' }, value: (r) => r.populationCovered, format: 'integer' },
    { header: { vi: 'Diện tích vùng lõm (m²)', en: 'Uncovered area (m²)' }, value: (r) => r.gapAreaM2, format: 'integer' },
  ];
}

export interface HamletCoverageSettings {
  theta: number;
  minGapAreaM2: number;
}

function definitionRows({ theta, minGapAreaM2 }: HamletCoverageSettings): TableDefinition[] {
  const pct = `${Math.round(theta * 1000) / 10}%`;
  const minVi = new Intl.NumberFormat('vi-VN').format(minGapAreaM2);
  const minEn = new Intl.NumberFormat('en-GB').format(minGapAreaM2);
  return [
    {
      term: verdictLabels.covered,
      meaning: {
        vi: `Điểm tham chiếu của ấp (nhà văn hóa hoặc tâm ấp) nằm trong vùng phủ sóng và ít nhất ${pct} dân số của ấp có sóng (theo cụm dân cư, nếu không có thì theo diện tích).`,
        en: `The hamlet's reference point (cultural house or centre) is inside coverage and at least ${pct} of its population is covered (over its population clusters, else over its area).`,
      },
    },
    {
      term: verdictLabels.lom_song,
      meaning: {
        vi: `Điểm tham chiếu có sóng nhưng dưới ${pct} dân số có sóng.`,
        en: `The reference point is covered but under ${pct} of the population is.`,
      },
    },
    { term: verdictLabels.trang_song, meaning: { vi: 'Điểm tham chiếu không có sóng.', en: 'The reference point is not covered.' } },
    {
      term: { vi: 'Tỷ lệ dân số có sóng (%)', en: 'Population covered (%)' },
      meaning: { vi: 'Dân số có sóng ÷ dân số của ấp.', en: "People covered ÷ the hamlet's population." },
    },
    {
      term: { vi: 'Diện tích vùng lõm (m²)', en: 'Uncovered area (m²)' },
      meaning: {
        vi: `Diện tích phần ấp ngoài vùng phủ sóng băng rộng của mọi nhà mạng (bỏ các mảnh dưới ${minVi} m²), trên mặt cầu, m².`,
        en: `Area of the hamlet outside every operator's broadband coverage (parts under ${minEn} m² dropped), on the spheroid, m².`,
      },
    },
  ];
}

/**
 * GET /api/exports/hamlet-coverage.{csv,xlsx}: the rows of GET
 * /api/hamlets/coverage with the same parameters; the XLSX adds a sheet with
 * the verdicts' definitions at the configured θ.
 */
export async function hamletCoverageExport(knex: Knex, req: Request, lang: Language, settings: HamletCoverageSettings): Promise<TableExport> {
  assertOnlyParameters(req, hamletCoverageParameters);
  const query = await parseHamletCoverageQuery(knex, req);
  const rows = await hamletCoverageRows(knex, query);
  const anyOperator = query.operator === ANY_OPERATOR;
  const scope: TableDefinition = {
    term: { vi: 'Phạm vi của bảng', en: 'What the table is for' },
    meaning: {
      vi: `Công nghệ ${query.technologyGroup === 'broadband' ? 'băng rộng (3G/4G/5G)' : query.technologyGroup}, ${anyOperator ? 'mọi nhà mạng' : `nhà mạng ${query.operator}`}, ${scenarioLabels[query.scenario].vi.toLowerCase()}; bộ ranh giới ${query.boundarySet}, ${query.unitCode ? `đơn vị ${query.unitCode}` : 'toàn tỉnh'}.`,
      en: `Technology ${query.technologyGroup === 'broadband' ? 'broadband (3G/4G/5G)' : query.technologyGroup}, ${anyOperator ? 'any operator' : `operator ${query.operator}`}, ${scenarioLabels[query.scenario].en.toLowerCase()}; boundary set ${query.boundarySet}, ${query.unitCode ? `unit ${query.unitCode}` : 'the whole province'}.`,
    },
  };
  const parts = [query.boundarySet, query.unitCode ?? 'toan-tinh'];
  if (query.technologyGroup !== 'broadband') parts.push(query.technologyGroup);
  if (!anyOperator) parts.push(query.operator);
  if (query.scenario === 'planned') parts.push('ke-ca-tram-da-duyet');
  const place = query.unitCode ?? (lang === 'vi' ? 'toàn tỉnh' : 'province');
  return {
    fileName: `phu-song-ap-${parts.map(asciiSlug).join('-')}`,
    title: `${lang === 'vi' ? 'Phủ sóng ấp' : 'Hamlet coverage'} ${query.boundarySet} ${place}`,
    sheets: [
      { name: { vi: 'Phủ sóng ấp', en: 'Hamlet coverage' }, columns: hamletCoverageColumns(lang), rows },
      definitionSheet(lang, [scope, ...definitionRows(settings)]),
    ],
  };
}
