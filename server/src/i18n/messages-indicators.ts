/** Messages of the indicator dashboard's reads, snapshots and boundary sets, Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'unknown-period': 'Không có kỳ báo cáo "{period}". Kỳ báo cáo có dạng 2025 (năm), 2025-H1 (6 tháng), 2025-Q2 (quý) hoặc 2025-06 (tháng) và phải được khai báo trước.',
  'level-not-below-parent': 'Cấp "{level}" không nằm dưới đơn vị "{parent}" (cấp {parentLevel}): hãy chọn một cấp thấp hơn.',
  'crosswalk-same-set': 'Bảng chuyển đổi cần hai bộ ranh giới khác nhau, nhận được "{boundarySet}" cho cả hai.',
  'snapshot-busy': 'Đang lưu một ảnh chụp số liệu khác; hãy thử lại sau ít giây.',
  'unknown-snapshot': 'Không có ảnh chụp số liệu số {id}.',
  'all-provinces-name': 'Tất cả tỉnh ({n})',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'unknown-period': 'There is no reporting period "{period}". Periods look like 2025 (year), 2025-H1 (half-year), 2025-Q2 (quarter) or 2025-06 (month) and must be declared first.',
  'level-not-below-parent': 'Level "{level}" is not below unit "{parent}" (level {parentLevel}): choose a lower level.',
  'crosswalk-same-set': 'A crosswalk needs two different boundary sets, got "{boundarySet}" for both.',
  'snapshot-busy': 'Another snapshot is being saved; try again in a few seconds.',
  'unknown-snapshot': 'There is no snapshot {id}.',
  'all-provinces-name': 'All provinces ({n})',
};
