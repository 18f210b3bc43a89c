/** Messages of the plan's registry writes (targets, reported values, reporting periods), Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'unknown-indicator': 'Không có chỉ tiêu mã "{indicator}". Các chỉ tiêu có: {allowed}.',
  'period-format': 'Kỳ báo cáo "{period}" không đúng dạng: 2025 (năm), 2025-H1 hoặc 2025-H2 (6 tháng), 2025-Q1 đến 2025-Q4 (quý), 2025-01 đến 2025-12 (tháng).',
  'indicator-value-share-over-100': 'Giá trị {value}% vượt quá 100%: chỉ tiêu này là một tỷ lệ (gửi 0,746 cho 74,6%).',
  'indicator-value-too-large': 'Giá trị {value} vượt quá mức lớn nhất {max} của chỉ tiêu này: kiểm tra lại đơn vị tính.',
  'indicator-value-negative': 'Giá trị {value} âm: chỉ tiêu không nhận giá trị âm.',
  'target-boundary-set-without-unit': 'boundarySet chỉ dùng cùng với unit: chỉ tiêu không có unit áp dụng cho mọi đơn vị của mọi bộ ranh giới.',
  'indicator-target-taken': 'Đã có chỉ tiêu "{indicator}" năm {year} cho đơn vị {unit} (mã {id}): hãy sửa chỉ tiêu đó.',
  'indicator-target-taken-all': 'Đã có chỉ tiêu "{indicator}" năm {year} cho mọi đơn vị (mã {id}): hãy sửa chỉ tiêu đó.',
  'reported-value-taken': 'Đã có số liệu "{indicator}" kỳ {period} của đơn vị {unit} (mã {id}): hãy sửa số liệu đó.',
  'reporting-period-taken': 'Kỳ báo cáo {period} đã có.',
  'unknown-indicator-target': 'Không có chỉ tiêu kế hoạch mã {id}.',
  'unknown-reported-value': 'Không có số liệu báo cáo mã {id}.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'unknown-indicator': 'There is no indicator "{indicator}". Indicators: {allowed}.',
  'period-format': 'Reporting period "{period}" is malformed: 2025 (year), 2025-H1 or 2025-H2 (half-year), 2025-Q1 to 2025-Q4 (quarter), 2025-01 to 2025-12 (month).',
  'indicator-value-share-over-100': 'The value {value}% is over 100%: this indicator is a share (send 0.746 for 74.6%).',
  'indicator-value-too-large': 'The value {value} is over this indicator\'s largest value {max}: check the unit.',
  'indicator-value-negative': 'The value {value} is negative: indicators take no negative values.',
  'target-boundary-set-without-unit': 'boundarySet goes with unit only: a target without a unit holds for every unit of every boundary set.',
  'indicator-target-taken': 'There is already a target "{indicator}" for {year} for unit {unit} (id {id}): edit that one.',
  'indicator-target-taken-all': 'There is already a target "{indicator}" for {year} for every unit (id {id}): edit that one.',
  'reported-value-taken': 'There is already a figure "{indicator}" for period {period} of unit {unit} (id {id}): edit that one.',
  'reporting-period-taken': 'Reporting period {period} exists already.',
  'unknown-indicator-target': 'There is no target with id {id}.',
  'unknown-reported-value': 'There is no reported value with id {id}.',
};
