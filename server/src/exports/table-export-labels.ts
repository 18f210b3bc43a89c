import type { Bilingual } from '../contracts/indicator-contracts.js';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { Scenario } from '../contracts/sharing-contracts.js';

/** Labels of the values table exports write, in the words of the dashboard. */
export const scenarioLabels: Record<Scenario, Bilingual> = {
  current: { vi: 'Hiện trạng', en: 'Current' },
  planned: { vi: 'Kể cả trạm đã duyệt', en: 'Including approved stations' },
};

export const levelLabels: Record<UnitLevel, Bilingual> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

/** The level in an ASCII file name: chi-tieu-2025-xa-…. */
export const levelSlugs: Record<UnitLevel, string> = { province: 'tinh', district: 'huyen', commune: 'xa' };

export const sourceLabels: Record<'computed' | 'reported', Bilingual> = {
  computed: { vi: 'Tính toán không gian', en: 'Computed spatially' },
  reported: { vi: 'Số liệu báo cáo', en: 'Reported' },
};

export const statusLabels: Record<'met' | 'below', Bilingual> = {
  met: { vi: 'Đạt', en: 'Met' },
  below: { vi: 'Chưa đạt', en: 'Below target' },
};
