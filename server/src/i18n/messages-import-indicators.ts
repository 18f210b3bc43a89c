/** Messages of the import of reported indicator values (layer 'indicator-values'), Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'row-period-format': 'Cột "{column}": "{value}" không phải kỳ báo cáo: ghi năm (2023, Năm 2023), 6 tháng (2025-H1, 6 tháng đầu năm 2025), quý (2025-Q2, Quý 2/2025) hoặc tháng (2025-06, Tháng 6/2025).',
  'row-figure-percent': 'Cột "{column}": "{value}" có dấu %, nhưng chỉ tiêu "{indicator}" tính bằng {unitVi}, không phải tỷ lệ phần trăm.',
  'row-figure-share-over-100': 'Cột "{column}": tỷ lệ {percent}% lớn hơn 100% (tỷ lệ ghi theo phần trăm, ví dụ 74,6 hoặc 74,6%).',
  'row-figure-too-large': 'Cột "{column}": {value} lớn hơn {max} {unitVi}, giá trị lớn nhất có thể của chỉ tiêu "{indicator}".',
  'row-figure-negative': 'Cột "{column}": {value} là số âm; số liệu báo cáo không được âm.',
  'import-unknown-unit': 'Không có đơn vị hành chính mã "{code}" trong bộ ranh giới "{boundarySet}".',
  'import-unknown-period': 'Chưa có kỳ báo cáo "{period}" trong danh mục kỳ báo cáo: hãy khai báo kỳ này trước rồi nhập lại.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'row-period-format': 'Column "{column}": "{value}" is not a reporting period: write a year (2023, Year 2023), a half-year (2025-H1, First half of 2025), a quarter (2025-Q2, Q2 2025) or a month (2025-06, June 2025).',
  'row-figure-percent': 'Column "{column}": "{value}" has a percent sign, but indicator "{indicator}" is measured in {unitEn}, not as a percentage.',
  'row-figure-share-over-100': 'Column "{column}": a share of {percent}% is over 100% (shares are written in percent, e.g. 74.6 or 74.6%).',
  'row-figure-too-large': 'Column "{column}": {value} is more than {max} {unitEn}, the largest value indicator "{indicator}" can take.',
  'row-figure-negative': 'Column "{column}": {value} is negative; a reported figure cannot be.',
  'import-unknown-unit': 'There is no administrative unit coded "{code}" in boundary set "{boundarySet}".',
  'import-unknown-period': 'Reporting period "{period}" has not been declared: add it to the reporting periods first, then import again.',
};
