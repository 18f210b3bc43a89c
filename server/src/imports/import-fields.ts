import {
  fiberKinds, fiberLayings, hamletKinds, lifecycleStatuses, structureTypes, technologies, unitLevels, unitTypes,
} from '../contracts/domain-enums.js';
import type { ImportLayer } from '../contracts/import-contracts.js';
import { indicatorCatalogue } from '../indicators/indicator-catalogue.js';

/**
 * The columns of each importable layer, one catalogue for the importers, the
 * exporters and the client's column mapping: the canonical key (the GeoJSON and
 * KML property name), the Vietnamese header our CSV/XLSX exports write, the
 * English one, and the other headers agencies and operators use.
 *
 * Synonyms are folded (see `foldHeader`: no diacritics, lower case, `_` for
 * spaces and punctuation), so "Mã trạm", "MA TRAM" and "ma_tram" are one.
 */
export type FieldType = 'code' | 'text' | 'number' | 'integer' | 'enum' | 'coordinate' | 'planar' | 'list' | 'wkt' | 'instant' | 'period' | 'figure';

export interface ImportField {
  key: string;
  vi: string;
  en: string;
  type: FieldType;
  /** `true`: every row needs it; `position`: needed unless the row has a geometry or another position field. */
  required: boolean | 'position';
  synonyms: readonly string[];
  /** Enum fields: the stored values, and the labels (folded) that mean each. */
  values?: readonly string[];
  valueSynonyms?: Readonly<Record<string, string>>;
}

/** Removes diacritics, lower-cases, turns every run of other characters into one `_`. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\(([^)]*)\)/g, ' $1')
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const f = (field: ImportField): ImportField => field;

// Position: decimal or DMS degrees in lon/lat, or planar metres (VN-2000 TM-3 / UTM) in x/y.
// Vietnamese survey convention: X is the northing, Y the easting (the reverse of GIS x/y);
// the row parser tells them apart by magnitude, so a swapped pair is still read right.
const lon = f({ key: 'lon', vi: 'Kinh độ', en: 'Longitude', type: 'coordinate', required: 'position',
  synonyms: ['lon', 'lng', 'long', 'longitude', 'kinh_do', 'kd', 'x_wgs84', 'kinh_do_wgs84', 'kinh_do_e', 'toa_do_kinh_do'] });
const lat = f({ key: 'lat', vi: 'Vĩ độ', en: 'Latitude', type: 'coordinate', required: 'position',
  synonyms: ['lat', 'latitude', 'vi_do', 'vd', 'y_wgs84', 'vi_do_wgs84', 'vi_do_n', 'toa_do_vi_do'] });
const northing = f({ key: 'x', vi: 'Tọa độ X (VN-2000)', en: 'Northing X (VN-2000)', type: 'planar', required: 'position',
  synonyms: ['x', 'toa_do_x', 'x_vn2000', 'toa_do_x_vn2000', 'x_vn_2000', 'toa_do_x_vn_2000', 'northing', 'x_m'] });
const easting = f({ key: 'y', vi: 'Tọa độ Y (VN-2000)', en: 'Easting Y (VN-2000)', type: 'planar', required: 'position',
  synonyms: ['y', 'toa_do_y', 'y_vn2000', 'toa_do_y_vn2000', 'y_vn_2000', 'toa_do_y_vn_2000', 'easting', 'y_m'] });
const wkt = f({ key: 'wkt', vi: 'Hình học (WKT)', en: 'Geometry (WKT)', type: 'wkt', required: 'position',
  synonyms: ['wkt', 'geometry', 'geom', 'the_geom', 'hinh_hoc', 'hinh_hoc_wkt', 'geometry_wkt'] });

const lifecycleValueSynonyms: Record<string, string> = {
  planned: 'planned', quy_hoach: 'planned', du_kien: 'planned', ke_hoach: 'planned',
  approved: 'approved', da_phe_duyet: 'approved', da_duyet: 'approved', phe_duyet: 'approved', duoc_cap_phep: 'approved', da_cap_phep: 'approved',
  on_air: 'on_air', on_air_: 'on_air', onair: 'on_air', dang_phat_song: 'on_air', phat_song: 'on_air', hoat_dong: 'on_air', dang_hoat_dong: 'on_air', active: 'on_air',
  decommissioned: 'decommissioned', da_thao_do: 'decommissioned', thao_do: 'decommissioned', ngung_hoat_dong: 'decommissioned', ngung_phat_song: 'decommissioned',
};
const status = f({ key: 'status', vi: 'Trạng thái', en: 'Status', type: 'enum', required: true,
  synonyms: ['status', 'trang_thai', 'tinh_trang'], values: lifecycleStatuses, valueSynonyms: lifecycleValueSynonyms });

/**
 * An indicator named by its code or by its name as the plan writes it, in
 * either language ("Tỷ lệ hộ gia đình sử dụng Internet cáp quang (FTTH)"),
 * folded like headers.
 */
const indicatorNameSynonyms: Record<string, string> = Object.fromEntries(
  indicatorCatalogue.flatMap((d) => [[foldHeader(d.name.vi), d.code], [foldHeader(d.name.en), d.code]]),
);

const operator = (key: string, vi: string, en: string, synonyms: string[]) =>
  f({ key, vi, en, type: 'code', required: true, synonyms });

export const importFields: Readonly<Record<ImportLayer, readonly ImportField[]>> = {
  sites: [
    f({ key: 'code', vi: 'Mã vị trí', en: 'Site code', type: 'code', required: true,
      synonyms: ['code', 'site_code', 'site_id', 'ma_vi_tri', 'ma_cot', 'ma_nha_tram', 'ma_vi_tri_tram', 'ma_csht', 'ma_tram_cot'] }),
    f({ key: 'name', vi: 'Tên vị trí', en: 'Site name', type: 'text', required: false,
      synonyms: ['name', 'site_name', 'ten_vi_tri', 'ten_tram', 'ten'] }),
    lon, lat, northing, easting,
    f({ key: 'structureType', vi: 'Loại cột', en: 'Structure type', type: 'enum', required: true,
      synonyms: ['structure_type', 'structuretype', 'loai_cot', 'loai_ket_cau', 'ket_cau', 'loai_cong_trinh', 'kieu_cot'],
      values: structureTypes,
      valueSynonyms: {
        self_supporting: 'self_supporting', cot_tu_dung: 'self_supporting', tu_dung: 'self_supporting', cot_thap: 'self_supporting', tower: 'self_supporting',
        guyed: 'guyed', cot_day_co: 'guyed', day_co: 'guyed', cot_co: 'guyed',
        monopole: 'monopole', cot_don_than: 'monopole', don_than: 'monopole',
        rooftop: 'rooftop', cot_tren_mai_nha: 'rooftop', cot_tren_mai: 'rooftop', tren_mai: 'rooftop', cot_cong_son: 'rooftop', roof_top: 'rooftop',
        camouflaged: 'camouflaged', cot_nguy_trang: 'camouflaged', nguy_trang: 'camouflaged', cot_nguy_trang_cay: 'camouflaged',
      } }),
    f({ key: 'heightM', vi: 'Độ cao cột (m)', en: 'Height (m)', type: 'number', required: true,
      synonyms: ['height_m', 'heightm', 'height', 'do_cao_cot', 'do_cao_cot_m', 'chieu_cao_cot', 'chieu_cao_cot_m', 'chieu_cao', 'do_cao'] }),
    operator('owner', 'Chủ sở hữu', 'Owner', ['owner', 'owner_code', 'chu_so_huu', 'don_vi_so_huu', 'don_vi_quan_ly', 'doanh_nghiep_so_huu']),
    f({ key: 'address', vi: 'Địa chỉ', en: 'Address', type: 'text', required: false, synonyms: ['address', 'dia_chi', 'dia_diem'] }),
    status,
  ],
  bts: [
    f({ key: 'code', vi: 'Mã trạm', en: 'BTS code', type: 'code', required: true,
      synonyms: ['code', 'bts_code', 'cell_id', 'ma_tram', 'ma_bts', 'ma_tram_bts', 'ten_tram_bts', 'site_name_bts'] }),
    f({ key: 'siteCode', vi: 'Mã vị trí', en: 'Site code', type: 'code', required: false,
      synonyms: ['site_code', 'sitecode', 'ma_vi_tri', 'ma_cot', 'ma_nha_tram', 'ma_csht', 'ma_vi_tri_tram'] }),
    operator('operator', 'Nhà mạng', 'Operator', ['operator', 'operator_code', 'nha_mang', 'mang', 'doanh_nghiep', 'nha_cung_cap', 'don_vi']),
    lon, lat, northing, easting,
    f({ key: 'technology', vi: 'Công nghệ', en: 'Technology', type: 'enum', required: true,
      synonyms: ['technology', 'tech', 'cong_nghe', 'loai_tram', 'he_thong'], values: technologies,
      valueSynonyms: { '2g': '2G', gsm: '2G', '3g': '3G', umts: '3G', wcdma: '3G', '4g': '4G', lte: '4G', '5g': '5G', nr: '5G', '5g_nr': '5G' } }),
    f({ key: 'bandMHz', vi: 'Băng tần (MHz)', en: 'Band (MHz)', type: 'integer', required: true,
      synonyms: ['band_mhz', 'bandmhz', 'band', 'bang_tan', 'bang_tan_mhz', 'tan_so', 'tan_so_mhz', 'frequency'] }),
    f({ key: 'antennaHeightM', vi: 'Độ cao anten (m)', en: 'Antenna height (m)', type: 'number', required: true,
      synonyms: ['antenna_height_m', 'antennaheightm', 'antenna_height', 'do_cao_anten', 'do_cao_anten_m', 'do_cao_ang_ten', 'chieu_cao_anten', 'chieu_cao_anten_m'] }),
    f({ key: 'eirpDbm', vi: 'EIRP (dBm)', en: 'EIRP (dBm)', type: 'number', required: true,
      synonyms: ['eirp_dbm', 'eirpdbm', 'eirp', 'cong_suat_eirp', 'cong_suat_eirp_dbm', 'cong_suat_phat_xa', 'cong_suat'] }),
    f({ key: 'azimuthsDeg', vi: 'Góc phương vị (độ)', en: 'Azimuths (°)', type: 'list', required: false,
      synonyms: ['azimuths_deg', 'azimuthsdeg', 'azimuth', 'azimuths', 'goc_phuong_vi', 'goc_phuong_vi_do', 'huong_anten', 'phuong_vi'] }),
    f({ key: 'beamwidthsDeg', vi: 'Độ rộng búp sóng (độ)', en: 'Beamwidths (°)', type: 'list', required: false,
      synonyms: ['beamwidths_deg', 'beamwidthsdeg', 'beamwidth', 'beamwidths', 'do_rong_bup_song', 'do_rong_bup_song_do', 'bup_song'] }),
    f({ key: 'tiltsDeg', vi: 'Góc ngẩng (độ)', en: 'Tilts (°)', type: 'list', required: false,
      synonyms: ['tilts_deg', 'tiltsdeg', 'tilt', 'tilts', 'goc_ngang', 'goc_ngang_do', 'goc_nghieng', 'goc_tilt', 'goc_cup'] }),
    f({ key: 'radiusOverrideM', vi: 'Bán kính phủ sóng đặt tay (m)', en: 'Radius override (m)', type: 'number', required: false,
      synonyms: ['radius_override_m', 'radiusoverridem', 'radius_override', 'ban_kinh_phu_song', 'ban_kinh_phu_song_m', 'ban_kinh'] }),
    f({ key: 'environmentOverride', vi: 'Môi trường truyền sóng', en: 'Radio environment', type: 'enum', required: false,
      synonyms: ['environment_override', 'environmentoverride', 'environment', 'moi_truong', 'moi_truong_truyen_song'],
      values: ['urban', 'dense_urban', 'suburban', 'rural'],
      valueSynonyms: { urban: 'urban', do_thi: 'urban', thanh_thi: 'urban', dense_urban: 'dense_urban', do_thi_dong_duc: 'dense_urban', suburban: 'suburban', ven_do: 'suburban', ngoai_o: 'suburban', rural: 'rural', nong_thon: 'rural' } }),
    status,
  ],
  fiber: [
    f({ key: 'code', vi: 'Mã tuyến', en: 'Route code', type: 'code', required: true,
      synonyms: ['code', 'route_code', 'ma_tuyen', 'ma_tuyen_cap', 'ma_cap', 'ma'] }),
    f({ key: 'name', vi: 'Tên tuyến', en: 'Route name', type: 'text', required: false, synonyms: ['name', 'ten_tuyen', 'ten', 'ten_tuyen_cap'] }),
    operator('operator', 'Doanh nghiệp', 'Operator', ['operator', 'operator_code', 'doanh_nghiep', 'nha_mang', 'don_vi', 'chu_so_huu']),
    f({ key: 'kind', vi: 'Cấp tuyến', en: 'Route kind', type: 'enum', required: true,
      synonyms: ['kind', 'cap_tuyen', 'loai_tuyen', 'cap_mang'], values: fiberKinds,
      valueSynonyms: { backbone: 'backbone', truc: 'backbone', tuyen_truc: 'backbone', truc_chinh: 'backbone', distribution: 'distribution', phan_phoi: 'distribution', nhanh: 'distribution', access: 'access', truy_nhap: 'access', thue_bao: 'access' } }),
    f({ key: 'laying', vi: 'Hình thức lắp đặt', en: 'Laying', type: 'enum', required: true,
      synonyms: ['laying', 'hinh_thuc_lap_dat', 'hinh_thuc', 'phuong_thuc_lap_dat', 'kieu_lap_dat', 'lap_dat'], values: fiberLayings,
      valueSynonyms: { aerial: 'aerial', treo: 'aerial', treo_tren_cot: 'aerial', cap_treo: 'aerial', underground: 'underground', ngam: 'underground', cap_ngam: 'underground', ngam_hoa: 'underground' } }),
    f({ key: 'cores', vi: 'Số sợi', en: 'Cores', type: 'integer', required: true, synonyms: ['cores', 'so_soi', 'dung_luong_soi', 'so_soi_quang', 'fo'] }),
    status,
    wkt,
  ],
  'admin-units': [
    f({ key: 'code', vi: 'Mã đơn vị', en: 'Unit code', type: 'code', required: true,
      synonyms: ['code', 'unit_code', 'ma_don_vi', 'ma_dvhc', 'ma', 'ma_xa', 'ma_huyen', 'ma_tinh', 'ma_xa_2023', 'ma_xa_2025'] }),
    f({ key: 'name', vi: 'Tên đơn vị', en: 'Unit name', type: 'text', required: true,
      synonyms: ['name', 'unit_name', 'ten_don_vi', 'ten_dvhc', 'ten', 'ten_xa', 'ten_huyen', 'ten_tinh', 'ten_xa_2023', 'ten_xa_2025'] }),
    f({ key: 'level', vi: 'Cấp', en: 'Level', type: 'enum', required: true, synonyms: ['level', 'cap', 'cap_hanh_chinh'], values: unitLevels,
      valueSynonyms: { province: 'province', tinh: 'province', cap_tinh: 'province', district: 'district', huyen: 'district', cap_huyen: 'district', commune: 'commune', xa: 'commune', cap_xa: 'commune' } }),
    f({ key: 'unitType', vi: 'Loại đơn vị', en: 'Unit type', type: 'enum', required: true,
      synonyms: ['unit_type', 'unittype', 'loai', 'loai_don_vi', 'loai_2023', 'loai_2025'], values: unitTypes,
      valueSynonyms: {
        tinh: 'tinh', thanh_pho_truc_thuoc_trung_uong: 'thanh_pho_tw', thanh_pho_tw: 'thanh_pho_tw', thanh_pho: 'thanh_pho', tp: 'thanh_pho',
        thi_xa: 'thi_xa', quan: 'quan', huyen: 'huyen', phuong: 'phuong', xa: 'xa', thi_tran: 'thi_tran', dac_khu: 'dac_khu',
      } }),
    f({ key: 'parentCode', vi: 'Mã đơn vị cấp trên', en: 'Parent code', type: 'code', required: false,
      synonyms: ['parent_code', 'parentcode', 'parent', 'ma_don_vi_cap_tren', 'ma_cap_tren', 'ma_tinh_cha', 'ma_huyen_cha', 'ma_huyen_cap_tren'] }),
    wkt,
  ],
  hamlets: [
    f({ key: 'code', vi: 'Mã ấp', en: 'Hamlet code', type: 'code', required: true,
      synonyms: ['code', 'hamlet_code', 'ma_ap', 'ma_khu_pho', 'ma_thon', 'ma_ap_khu_pho', 'ma'] }),
    f({ key: 'name', vi: 'Tên ấp', en: 'Hamlet name', type: 'text', required: true,
      synonyms: ['name', 'hamlet_name', 'ten_ap', 'ten_khu_pho', 'ten_thon', 'ten_ap_khu_pho', 'ten'] }),
    f({ key: 'kind', vi: 'Loại', en: 'Kind', type: 'enum', required: true, synonyms: ['kind', 'loai', 'loai_ap'], values: hamletKinds,
      valueSynonyms: { ap: 'ap', khu_pho: 'khu_pho', kp: 'khu_pho', to_dan_pho: 'to_dan_pho', tdp: 'to_dan_pho', thon: 'thon' } }),
    f({ key: 'communeCode', vi: 'Mã xã', en: 'Commune code', type: 'code', required: true,
      synonyms: ['commune_code', 'communecode', 'ma_xa', 'ma_phuong_xa', 'ma_xa_phuong', 'ma_dvhc_xa'] }),
    f({ key: 'population', vi: 'Dân số', en: 'Population', type: 'integer', required: true,
      synonyms: ['population', 'dan_so', 'so_dan', 'so_nhan_khau', 'nhan_khau'] }),
    f({ key: 'households', vi: 'Số hộ', en: 'Households', type: 'integer', required: true,
      synonyms: ['households', 'so_ho', 'ho', 'so_ho_dan', 'ho_gia_dinh'] }),
    // The reference point (cultural house or centre) where the trắng sóng test is made.
    lon, lat, northing, easting,
    f({ key: 'refKind', vi: 'Loại điểm tham chiếu', en: 'Reference point kind', type: 'enum', required: false,
      synonyms: ['ref_kind', 'refkind', 'loai_diem_tham_chieu', 'diem_tham_chieu'], values: ['cultural_house', 'centre'],
      valueSynonyms: { cultural_house: 'cultural_house', nha_van_hoa: 'cultural_house', centre: 'centre', center: 'centre', trung_tam: 'centre', tam_ap: 'centre' } }),
    wkt,
  ],
  'population-clusters': [
    f({ key: 'hamletCode', vi: 'Mã ấp', en: 'Hamlet code', type: 'code', required: true,
      synonyms: ['hamlet_code', 'hamletcode', 'ma_ap', 'ma_khu_pho', 'ma_thon'] }),
    f({ key: 'clusterNo', vi: 'Số thứ tự cụm', en: 'Cluster number', type: 'integer', required: true,
      synonyms: ['cluster_no', 'clusterno', 'stt_cum', 'so_thu_tu_cum', 'cum_so', 'stt', 'cluster'] }),
    f({ key: 'population', vi: 'Dân số', en: 'Population', type: 'integer', required: true,
      synonyms: ['population', 'dan_so', 'so_dan', 'so_nhan_khau'] }),
    lon, lat, northing, easting, wkt,
  ],
  measurements: [
    operator('operator', 'Nhà mạng', 'Operator', ['operator', 'operator_code', 'nha_mang', 'mang', 'doanh_nghiep']),
    f({ key: 'technology', vi: 'Công nghệ', en: 'Technology', type: 'enum', required: true,
      synonyms: ['technology', 'tech', 'cong_nghe'], values: technologies,
      valueSynonyms: { '2g': '2G', gsm: '2G', '3g': '3G', umts: '3G', wcdma: '3G', '4g': '4G', lte: '4G', '5g': '5G', nr: '5G' } }),
    f({ key: 'signalDbm', vi: 'Mức tín hiệu (dBm)', en: 'Signal (dBm)', type: 'number', required: true,
      synonyms: ['signal_dbm', 'signaldbm', 'signal', 'rsrp', 'rscp', 'rxlev', 'muc_tin_hieu', 'muc_tin_hieu_dbm', 'cuong_do_tin_hieu'] }),
    f({ key: 'downloadMbps', vi: 'Tốc độ tải xuống (Mbps)', en: 'Download (Mbps)', type: 'number', required: false,
      synonyms: ['download_mbps', 'downloadmbps', 'download', 'toc_do_tai_xuong', 'toc_do_tai_xuong_mbps', 'toc_do_download'] }),
    f({ key: 'measuredAt', vi: 'Thời gian đo', en: 'Measured at', type: 'instant', required: true,
      synonyms: ['measured_at', 'measuredat', 'time', 'timestamp', 'thoi_gian', 'thoi_gian_do', 'ngay_do'] }),
    f({ key: 'batch', vi: 'Đợt đo', en: 'Batch', type: 'text', required: false, synonyms: ['batch', 'dot_do', 'dot'] }),
    lon, lat, northing, easting,
  ],
  // Reported figures of the plan's indicators, one per indicator, unit and period (indicator_reported_values).
  // The keys are the reported-value contract's names (indicator-registry-contracts.ts).
  'indicator-values': [
    f({ key: 'indicator', vi: 'Mã chỉ tiêu', en: 'Indicator', type: 'enum', required: true,
      synonyms: ['indicator', 'indicator_code', 'ma_chi_tieu', 'chi_tieu', 'ten_chi_tieu', 'ma_chi_so', 'chi_so'],
      values: indicatorCatalogue.map((d) => d.code), valueSynonyms: indicatorNameSynonyms }),
    f({ key: 'unit', vi: 'Mã đơn vị hành chính', en: 'Unit code', type: 'code', required: true,
      synonyms: ['unit', 'unit_code', 'ma_don_vi_hanh_chinh', 'ma_don_vi', 'ma_dvhc', 'ma_dia_ban', 'ma_xa', 'ma_huyen', 'ma_tinh'] }),
    // Read so a file written for people (and our own export) maps every column; the unit is found by its code.
    f({ key: 'unitName', vi: 'Tên đơn vị', en: 'Unit name', type: 'text', required: false,
      synonyms: ['unit_name', 'unitname', 'ten_don_vi', 'ten_don_vi_hanh_chinh', 'ten_dvhc', 'dia_ban', 'don_vi_hanh_chinh', 'ten_xa', 'ten_huyen'] }),
    f({ key: 'period', vi: 'Kỳ báo cáo', en: 'Period', type: 'period', required: true,
      synonyms: ['period', 'period_code', 'reporting_period', 'ky_bao_cao', 'ky', 'ma_ky_bao_cao', 'thoi_ky', 'nam_bao_cao'] }),
    // As written: a share in percent (74,6 or 74,6%), the others in their own unit (per 100 people, Mbit/s).
    f({ key: 'value', vi: 'Giá trị', en: 'Value', type: 'figure', required: true,
      synonyms: ['value', 'gia_tri', 'so_lieu', 'ket_qua', 'gia_tri_bao_cao', 'so_lieu_bao_cao', 'thuc_hien'] }),
    f({ key: 'document', vi: 'Văn bản nguồn', en: 'Document', type: 'text', required: false,
      synonyms: ['document', 'source_document', 'van_ban_nguon', 'van_ban', 'nguon', 'nguon_so_lieu', 'can_cu', 'so_hieu_van_ban'] }),
    f({ key: 'note', vi: 'Ghi chú', en: 'Note', type: 'text', required: false, synonyms: ['note', 'notes', 'ghi_chu', 'comment', 'comments'] }),
  ],
};

/** The natural key of each layer: what makes a re-import an update rather than an insert. */
export const importKeys: Readonly<Record<ImportLayer, readonly string[]>> = {
  sites: ['code'],
  bts: ['code'],
  fiber: ['code'],
  'admin-units': ['code'],
  hamlets: ['code'],
  'population-clusters': ['hamletCode', 'clusterNo'],
  measurements: ['operator', 'technology', 'measuredAt', 'lon', 'lat'],
  'indicator-values': ['indicator', 'unit', 'period'],
};

/** Geometry kinds each layer takes from a GIS file (or a WKT column). */
export const importGeometryKinds: Readonly<Record<ImportLayer, readonly ('Point' | 'Line' | 'Polygon')[]>> = {
  sites: ['Point'],
  bts: ['Point'],
  fiber: ['Line'],
  'admin-units': ['Polygon'],
  hamlets: ['Polygon', 'Point'],
  'population-clusters': ['Point', 'Polygon'],
  measurements: ['Point'],
  // A table of figures: no position, no geometry.
  'indicator-values': [],
};

export function fieldOf(layer: ImportLayer, key: string): ImportField | undefined {
  return importFields[layer].find((field) => field.key === key);
}
