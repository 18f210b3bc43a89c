import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../server/src/http/http-problem.js';
import { dateText, numberText } from '../../server/src/imports/readers/cell-text.js';
import { jsonErrorPosition } from '../../server/src/imports/readers/json-error-position.js';
import { encodingFromCpg } from '../../server/src/imports/readers/shapefile-reader.js';
import { sniffDelimiter } from '../../server/src/imports/readers/csv-reader.js';

describe('numbers and dates as cell text', () => {
  it('writes every digit without an exponent, and rounds to Excel\'s 15 digits when asked', () => {
    expect(numberText(106.3612)).toBe('106.3612');
    expect(numberText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberText(0.1 + 0.2, 15)).toBe('0.3');
    expect(numberText(1.5e-7)).toBe('0.00000015');
    expect(numberText(-2.5e-9)).toBe('-0.0000000025');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1.234e22)).toBe('12340000000000000000000');
    expect(numberText(-0)).toBe('0');
    expect(numberText(Number.NaN)).toBe('');
  });

  it('writes a date without time of day as YYYY-MM-DD, else to the second in UTC, rounding Excel\'s day fractions', () => {
    expect(dateText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(dateText(new Date(Date.UTC(2019, 10, 2, 8, 30, 0)))).toBe('2019-11-02T08:30:00Z');
    // 08:29:59.9996, as a day fraction read back from Excel gives it.
    expect(dateText(new Date(Date.UTC(2019, 10, 2, 8, 30, 0) - 0.4))).toBe('2019-11-02T08:30:00Z');
  });
});

describe('the position of a JSON syntax error', () => {
  it('names the line and column of the first character that breaks the grammar', () => {
    expect(jsonErrorPosition('{"a": 1,\n "b": }')).toEqual({ position: 16, line: 2, column: 7 });
    expect(jsonErrorPosition('[1, 2,]')).toEqual({ position: 7, line: 1, column: 7 });
    expect(jsonErrorPosition('{"a": "x\ny"}')).toEqual({ position: 9, line: 1, column: 9 });
    // Cut short: the error is at the end.
    expect(jsonErrorPosition('{"features": [')).toEqual({ position: 15, line: 1, column: 15 });
    expect(jsonErrorPosition('{"a": tru}')).toEqual({ position: 7, line: 1, column: 7 });
  });
});

describe('the CSV delimiter', () => {
  it('is the candidate seen most often outside quotes on the header line', () => {
    expect(sniffDelimiter('Mã trạm;Kinh độ;Vĩ độ\nA;106,36;10,36\n')).toBe(';');
    expect(sniffDelimiter('"Kinh độ, WGS-84",Vĩ độ\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n')).toBe('\t');
    expect(sniffDelimiter('\n\nMã trạm\n')).toBe(',');
  });
});

describe('the DBF encoding a .cpg names', () => {
  it('reads the ways ArcGIS and GDAL write UTF-8 and the Windows code pages', () => {
    expect(encodingFromCpg('UTF-8')).toBe('utf-8');
    expect(encodingFromCpg('65001')).toBe('utf-8');
    expect(encodingFromCpg('1258')).toBe('windows-1258');
    expect(encodingFromCpg('ANSI 1258')).toBe('windows-1258');
    expect(encodingFromCpg('CP1258\r\n')).toBe('windows-1258');
    expect(encodingFromCpg('1252')).toBe('windows-1252');
  });

  it('refuses an encoding it cannot decode, naming it', () => {
    try {
      encodingFromCpg('TCVN3');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).messageKey).toBe('import-dbf-encoding-unknown');
      expect((error as HttpProblem).params).toEqual({ encoding: 'TCVN3' });
    }
  });
});
