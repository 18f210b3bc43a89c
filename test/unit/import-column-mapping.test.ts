import { describe, expect, it } from 'vitest';
import { missingRequiredFields, resolveMapping, suggestMapping } from '../../server/src/imports/column-mapping.js';

const operatorBtsHeaders = ['STT', 'Mã trạm', 'Nhà mạng', 'Công nghệ', 'Băng tần (MHz)', 'Kinh độ', 'Vĩ độ', 'Độ cao anten (m)', 'EIRP (dBm)', 'Góc phương vị', 'Trạng thái'];

describe('suggestMapping', () => {
  it('maps an operator\'s Vietnamese BTS headers to the catalogue fields', () => {
    expect(suggestMapping('bts', operatorBtsHeaders)).toEqual({
      code: 'Mã trạm', siteCode: null, operator: 'Nhà mạng', lon: 'Kinh độ', lat: 'Vĩ độ', x: null, y: null,
      technology: 'Công nghệ', bandMHz: 'Băng tần (MHz)', antennaHeightM: 'Độ cao anten (m)', eirpDbm: 'EIRP (dBm)',
      azimuthsDeg: 'Góc phương vị', beamwidthsDeg: null, tiltsDeg: null, radiusOverrideM: null, environmentOverride: null, status: 'Trạng thái',
    });
  });

  it('folds case, diacritics and punctuation: "MA TRAM", "ma_tram" and "Mã trạm" are one header', () => {
    expect(suggestMapping('bts', ['MA TRAM']).code).toBe('MA TRAM');
    expect(suggestMapping('bts', ['ma_tram']).code).toBe('ma_tram');
  });

  it('strips a unit suffix only when no header matches exactly', () => {
    // "chieu_cao_m" is no synonym; without "_m" it is "chieu_cao", a synonym of the height.
    expect(suggestMapping('sites', ['Chiều cao (m)']).heightM).toBe('Chiều cao (m)');
    expect(suggestMapping('bts', ['Độ cao anten (mét)']).antennaHeightM).toBe('Độ cao anten (mét)');
    expect(suggestMapping('bts', ['Tần số (MHz)']).bandMHz).toBe('Tần số (MHz)');
  });

  it('gives a column to one field at most', () => {
    // "Mã vị trí" names both a site's code and a BTS's site code; on a site list it is the code only.
    const m = suggestMapping('sites', ['Mã vị trí', 'code']);
    expect(m.code).toBe('Mã vị trí');
    const mapped = Object.values(suggestMapping('bts', [...operatorBtsHeaders, 'Mã vị trí'])).filter((c) => c !== null);
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('takes the first of two columns that match one field', () => {
    expect(suggestMapping('bts', ['Kinh độ', 'lon']).lon).toBe('Kinh độ');
  });

  it('maps Vietnamese survey X/Y to northing x and easting y', () => {
    const m = suggestMapping('sites', ['Tọa độ X (VN-2000)', 'Tọa độ Y (VN-2000)']);
    expect([m.x, m.y]).toEqual(['Tọa độ X (VN-2000)', 'Tọa độ Y (VN-2000)']);
  });
});

describe('resolveMapping', () => {
  const columns = ['Mã vị trí', 'Tên', 'Kinh độ', 'Vĩ độ', 'Loại', 'Độ cao', 'Chủ', 'Tình trạng', 'Ghi chú'];

  it('lets the user map, re-map and unmap fields over the suggestion', () => {
    const suggested = suggestMapping('sites', columns);
    expect(suggested.owner).toBeNull();
    const r = resolveMapping('sites', columns, suggested, { owner: 'Chủ', structureType: 'Loại', name: null });
    expect(r.problems).toEqual([]);
    expect(r.mapping).toMatchObject({ owner: 'Chủ', structureType: 'Loại', name: null, lon: 'Kinh độ', heightM: 'Độ cao', status: 'Tình trạng' });
  });

  it('takes a column the user gives to a field away from the field it was only suggested for', () => {
    const suggested = suggestMapping('sites', columns);
    expect(suggested.name).toBe('Tên');
    const r = resolveMapping('sites', columns, suggested, { address: 'Tên' });
    expect(r.mapping.address).toBe('Tên');
    expect(r.mapping.name).toBeNull();
  });

  it('reports an unknown field and a column the file does not have, naming the mapping entry', () => {
    const r = resolveMapping('sites', columns, suggestMapping('sites', columns), { colour: 'Tên', owner: 'Chủ sở hữu' });
    expect(r.problems).toEqual([
      { parameter: 'mapping.colour', messageKey: 'mapping-unknown-field', params: { field: 'colour', layer: 'sites', allowed: 'code, name, lon, lat, x, y, structureType, heightM, owner, address, status' } },
      { parameter: 'mapping.owner', messageKey: 'mapping-unknown-column', params: { field: 'owner', column: 'Chủ sở hữu' } },
    ]);
  });

  it('lists the required fields left unmapped without refusing the mapping', () => {
    const r = resolveMapping('sites', columns, suggestMapping('sites', columns));
    expect(r.problems).toEqual([]);
    expect(r.missingRequired).toEqual(['structureType', 'owner']);
  });
});

describe('missingRequiredFields: a position is lon+lat, x+y, WKT or the file\'s geometries', () => {
  const base = { code: 'c', structureType: 's', heightM: 'h', owner: 'o', status: 'st' };

  it('names the missing half of a coordinate pair', () => {
    expect(missingRequiredFields('sites', { ...base, lon: 'lon' }, false)).toEqual(['lat']);
    expect(missingRequiredFields('sites', { ...base, y: 'Y' }, false)).toEqual(['x']);
  });

  it('names the pseudo-field position when nothing places the rows', () => {
    expect(missingRequiredFields('sites', base, false)).toEqual(['position']);
    expect(missingRequiredFields('fiber', { code: 'c', operator: 'o', kind: 'k', laying: 'l', cores: 'n', status: 's' }, false)).toEqual(['position']);
  });

  it('is satisfied by x and y, by the file\'s geometries, or for a BTS by its site code', () => {
    expect(missingRequiredFields('sites', { ...base, x: 'X', y: 'Y' }, false)).toEqual([]);
    expect(missingRequiredFields('sites', base, true)).toEqual([]);
    const bts = { code: 'c', operator: 'o', technology: 't', bandMHz: 'b', antennaHeightM: 'a', eirpDbm: 'e', status: 's' };
    expect(missingRequiredFields('bts', { ...bts, siteCode: 'site' }, false)).toEqual([]);
    expect(missingRequiredFields('bts', bts, false)).toEqual(['position']);
  });
});
