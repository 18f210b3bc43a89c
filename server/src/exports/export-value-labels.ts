/**
 * The Vietnamese label of each enum value, as CSV and XLSX exports write it
 * (the words of the app's legend, client/src/i18n/messages-vi.ts). Each label
 * folds (foldHeader) to one of the field catalogue's `valueSynonyms`, so the
 * importer reads an exported sheet back to the same values (checked by a test).
 * Keyed by the catalogue's field key; fiber and hamlet `kind` values differ, so
 * they share one table.
 */
export const exportValueLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: { planned: 'Quy hoạch', approved: 'Đã phê duyệt', on_air: 'Đang phát sóng', decommissioned: 'Đã tháo dỡ' },
  structureType: {
    self_supporting: 'Cột tự đứng', guyed: 'Cột dây co', monopole: 'Cột đơn thân', rooftop: 'Cột trên mái nhà', camouflaged: 'Cột ngụy trang',
  },
  technology: { '2G': '2G', '3G': '3G', '4G': '4G', '5G': '5G' },
  environmentOverride: { urban: 'Đô thị', dense_urban: 'Đô thị đông đúc', suburban: 'Ngoại ô', rural: 'Nông thôn' },
  kind: {
    backbone: 'Trục', distribution: 'Phân phối', access: 'Truy nhập',
    ap: 'Ấp', khu_pho: 'Khu phố', to_dan_pho: 'Tổ dân phố', thon: 'Thôn',
  },
  laying: { aerial: 'Treo trên cột', underground: 'Ngầm' },
  level: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
  unitType: {
    tinh: 'Tỉnh', thanh_pho_tw: 'Thành phố trực thuộc trung ương', thanh_pho: 'Thành phố', thi_xa: 'Thị xã', quan: 'Quận',
    huyen: 'Huyện', phuong: 'Phường', xa: 'Xã', thi_tran: 'Thị trấn', dac_khu: 'Đặc khu',
  },
  refKind: { cultural_house: 'Nhà văn hóa', centre: 'Tâm ấp' },
};

/** The label of a stored value; a value without one (never expected) is written as stored. */
export function exportValueLabel(fieldKey: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return exportValueLabels[fieldKey]?.[value] ?? value;
}
