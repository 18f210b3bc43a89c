import { describe, expect, it } from 'vitest';
import { hamletCoverageCsv, hamletCoverageFileName } from '../../client/src/coverage/hamlet-coverage-csv.js';
import type { HamletCoverageRow } from '../../server/src/contracts/coverage-contracts.js';

const row: HamletCoverageRow = {
  code: '2839601',
  name: 'Ấp Phước Lập, "A"',
  communeCode: '28396',
  communeName: 'Xã Phước Lập',
  districtName: 'Huyện Tân Phước',
  population: 527,
  verdict: 'lom_song',
  coveredShare: 0.72106,
  refCovered: true,
  shareBasis: 'clusters',
  populationCovered: 380,
  gapAreaM2: 41623.4,
};

describe('the hamlet coverage CSV export', () => {
  it('starts with a UTF-8 byte order mark and Vietnamese headers, and quotes fields per RFC 4180', () => {
    const csv = hamletCoverageCsv([row]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, line, end] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'Mã ấp,"Tên ấp, khu phố","Xã, phường, thị trấn","Huyện, thị xã, thành phố",Dân số (người),Kết luận,Điểm tham chiếu có sóng,' +
        'Tỷ lệ dân số có sóng (%),Cơ sở tính tỷ lệ,Dân số có sóng (người),Diện tích vùng lõm (m²)',
    );
    expect(line).toBe('2839601,"Ấp Phước Lập, ""A""",Xã Phước Lập,Huyện Tân Phước,527,Lõm sóng,Có,72.1,Cụm dân cư,380,41623');
    expect(end).toBe('');
  });

  it('exports a name a spreadsheet would run as a formula as plain text (CSV injection)', () => {
    const csv = hamletCoverageCsv([{ ...row, name: '=HYPERLINK("http://x","Ấp")', communeName: '@SUM(1)', districtName: '-2+3' }]);
    const line = csv.slice(1).split('\r\n')[1]!;
    expect(line.startsWith(`2839601,"'=HYPERLINK(""http://x"",""Ấp"")",'@SUM(1),'-2+3,527,`)).toBe(true);
  });

  it('names the file after the operator, technology group, unit and day', () => {
    const day = new Date('2025-07-01T08:00:00Z');
    expect(hamletCoverageFileName({ operator: '*', group: 'broadband' }, null, day)).toBe('phu-song-ap_moi-nha-mang_bang-rong_toan-tinh_2025-07-01.csv');
    expect(hamletCoverageFileName({ operator: 'viettel', group: '4G' }, '28396', day)).toBe('phu-song-ap_viettel_4g_28396_2025-07-01.csv');
  });
});
