import { describe, expect, it } from 'vitest';
import {
  angleTooLarge, badAngle, hemisphereOnWrongAxis, minutesTooLarge, notAnInteger, notANumber, parseAngle, parseInteger, parseNumber,
  parsePlanar, planarExponent, secondsTooLarge, signAndHemisphere,
} from '../../server/src/imports/coordinate-parsing.js';
import { acceptedCrsSrids, crsLabel, parseCrsOption } from '../../server/src/imports/crs-option.js';
import { HttpProblem } from '../../server/src/http/http-problem.js';

// Hand computation: 10°21'30.5" = 10 + 21/60 + 30.5/3600 = 10 + 0.35 + 0.0084722… = 10.3584722…
const tenTwentyOne = 10 + 21 / 60 + 30.5 / 3600;

describe('parseAngle reads degrees-minutes-seconds as agencies write them', () => {
  it('reads 10°21\'30.5"N as 10.358472… (10 + 21/60 + 30.5/3600)', () => {
    expect(parseAngle(`10°21'30.5"N`, 'lat')).toBeCloseTo(10.3584722, 7);
    expect(tenTwentyOne).toBeCloseTo(10.3584722, 7);
  });

  it('reads 106°21\'0"E as 106.35', () => {
    expect(parseAngle(`106°21'0"E`, 'lon')).toBeCloseTo(106.35, 10);
  });

  it('makes South and West negative', () => {
    expect(parseAngle(`10°21'30.5"S`, 'lat')).toBeCloseTo(-tenTwentyOne, 10);
    expect(parseAngle(`106°21'0"W`, 'lon')).toBeCloseTo(-106.35, 10);
    expect(parseAngle('106 21 0 T', 'lon')).toBeCloseTo(-106.35, 10);
    expect(parseAngle('10 21 30.5 Nam', 'lat')).toBeCloseTo(-tenTwentyOne, 10);
  });

  it.each([
    [`10° 21' 30,5" B`, 'lat'],
    ['10 21 30.5', 'lat'],
    ['10:21:30.5', 'lat'],
    ['10°21′30.5″N', 'lat'],
    ['10°21’30.5”N', 'lat'],
    [`10°21'30.5''N`, 'lat'],
    [`N 10°21'30.5"`, 'lat'],
    ['10d21m30.5s', 'lat'],
    ['10º21\'30,5"', 'lat'],
    ['10°21\'30.5" Bắc', 'lat'],
  ] as const)('reads %s as 10.358472…', (text, axis) => {
    expect(parseAngle(text, axis)).toBeCloseTo(tenTwentyOne, 10);
  });

  it('reads decimal minutes: 10°21.5\' = 10 + 21.5/60 = 10.358333…', () => {
    expect(parseAngle(`10°21.5'`, 'lat')).toBeCloseTo(10 + 21.5 / 60, 10);
  });

  it('reads 106d21m30s as 106 + 21/60 + 30/3600 = 106.358333…', () => {
    expect(parseAngle('106d21m30s', 'lon')).toBeCloseTo(106.3583333, 7);
  });

  it('reads East as E, Đ, D and Đông', () => {
    for (const text of [`106°21'0"E`, `106°21'0"Đ`, `106°21'0" D`, '106 21 0 Đông']) expect(parseAngle(text, 'lon')).toBeCloseTo(106.35, 10);
  });

  it('reads decimal degrees with a point or a comma, and a sign', () => {
    expect(parseAngle('10.358472', 'lat')).toBe(10.358472);
    expect(parseAngle('106,35', 'lon')).toBe(106.35);
    expect(parseAngle('-8.5', 'lat')).toBe(-8.5);
    expect(parseAngle('10.5°N', 'lat')).toBe(10.5);
  });

  it('leaves a degree value up to 180 on either axis to the row, which decides whether the pair is swapped', () => {
    expect(parseAngle('106.35', 'lat')).toBe(106.35);
  });

  it('refuses 60 minutes or more and 60 seconds or more', () => {
    expect(parseAngle(`10°61'0"N`, 'lat')).toBe(minutesTooLarge);
    expect(parseAngle('10 60 0', 'lat')).toBe(minutesTooLarge);
    expect(parseAngle(`10°21'60"N`, 'lat')).toBe(secondsTooLarge);
  });

  it('refuses a hemisphere of the other axis', () => {
    expect(parseAngle(`106°21'0"E`, 'lat')).toBe(hemisphereOnWrongAxis);
    expect(parseAngle(`10°21'30.5"N`, 'lon')).toBe(hemisphereOnWrongAxis);
    expect(parseAngle('10 21 30 B', 'lon')).toBe(hemisphereOnWrongAxis);
  });

  it('refuses a sign together with a hemisphere, decimals before the last part, and text that is no angle', () => {
    expect(parseAngle(`-10°21'30"S`, 'lat')).toBe(signAndHemisphere);
    expect(parseAngle(`10.5°21'`, 'lat')).toBe(badAngle);
    expect(parseAngle('ten degrees', 'lat')).toBe(badAngle);
    expect(parseAngle('10°21\'30"X', 'lat')).toBe(badAngle);
    expect(parseAngle('10 21 30 40', 'lat')).toBe(badAngle);
    expect(parseAngle(`21'30"`, 'lat')).toBe(badAngle);
  });

  it('refuses more than 180 degrees', () => {
    expect(parseAngle('580000', 'lon')).toBe(angleTooLarge);
    expect(parseAngle('181 0 0', 'lon')).toBe(angleTooLarge);
  });
});

describe('parseNumber, parseInteger and parsePlanar read the numbers spreadsheets hold', () => {
  it('reads a decimal comma or point', () => {
    expect(parseNumber('30,5')).toBe(30.5);
    expect(parseNumber('30.5')).toBe(30.5);
    expect(parseNumber('-95')).toBe(-95);
    expect(parseNumber('−95,5')).toBe(-95.5);
    expect(parseNumber(',5')).toBe(0.5);
  });

  it('reads thousands separators that group by three', () => {
    expect(parsePlanar('1.144.617,53')).toBe(1144617.53);
    expect(parsePlanar('1 144 617.53')).toBe(1144617.53);
    expect(parsePlanar('1,144,617.53')).toBe(1144617.53);
    expect(parsePlanar('1\u00a0144\u00a0617,53')).toBe(1144617.53);
    expect(parsePlanar('1.144.617')).toBe(1144617);
    expect(parsePlanar('580 000')).toBe(580000);
  });

  it('takes a single mark as the decimal mark, and refuses one mark used both ways', () => {
    expect(parseNumber('1,144')).toBe(1.144);
    expect(parseNumber('1.144')).toBe(1.144);
    expect(parseNumber('1.144.617.53')).toBe(notANumber);
    expect(parseNumber('1,144,617,53')).toBe(notANumber);
    expect(parseNumber('1.14.617')).toBe(notANumber);
    expect(parseNumber('12 m')).toBe(notANumber);
    expect(parseNumber('')).toBe(notANumber);
  });

  it('reads exponent notation as Excel writes it, except in planar coordinates where it means rounded', () => {
    expect(parseNumber('1.5E+05')).toBe(150000);
    expect(parseNumber('1,5E+05')).toBe(150000);
    expect(parsePlanar('1,14462E+06')).toBe(planarExponent);
  });

  it('reads a single mark before three digits of a whole number as thousands', () => {
    expect(parseInteger('1.234')).toBe(1234);
    expect(parseInteger('1,234')).toBe(1234);
    expect(parseInteger('12.345.678')).toBe(12345678);
    expect(parseInteger('1800')).toBe(1800);
    expect(parseInteger('0.500')).toBe(notAnInteger);
    expect(parseInteger('12,5')).toBe(notAnInteger);
    expect(parseInteger('abc')).toBe(notAnInteger);
  });
});

describe('parseCrsOption and crsLabel', () => {
  it.each([
    ['EPSG:4326', 4326], ['4326', 4326], ['epsg:4756', 4756], ['EPSG:3405', 3405], ['EPSG:3406', 3406],
    ['EPSG:32648', 32648], ['EPSG:32649', 32649], ['EPSG:5896', 5896], ['EPSG:5897', 5897], ['EPSG:5898', 5898], ['EPSG:5899', 5899],
    ['VN2000-TM3:105.75', 910545], ['VN2000-TM3:105d45', 910545], ['vn2000-tm3-105-45', 910545], ['VN2000:105.75', 910545],
    ["VN-2000 / TM-3 105°45'", 910545], ['VN2000-TM3:106.25', 910615], ['VN2000-TM3:105', 5897], ['VN2000-TM3:107d45', 5899],
    ['VN-2000 / UTM 48N', 3405], ['WGS 84 / UTM 49N', 32649], ['VN2000', 4756], ['WGS84', 4326], ['910545', 910545],
  ] as const)('reads %s as SRID %i', (text, srid) => {
    expect(parseCrsOption(text)).toBe(srid);
  });

  it.each(['EPSG:3857', 'VN2000-TM3:105.8', 'VN2000-TM3:110', 'VN2000-TM3:105d61', 'UTM', ''])('refuses %j with a 400 crs-unknown naming the accepted forms', (text) => {
    let thrown: unknown;
    try {
      parseCrsOption(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpProblem);
    expect(thrown).toMatchObject({ status: 400, messageKey: 'crs-unknown', parameter: 'crs' });
    expect((thrown as HttpProblem).params.accepted).toContain('EPSG:3405');
  });

  it('labels zones as people name them', () => {
    expect(crsLabel(910545)).toBe("VN-2000 / TM-3 105°45'");
    expect(crsLabel(5899)).toBe("VN-2000 / TM-3 107°45'");
    expect(crsLabel(5897)).toBe('VN-2000 / TM-3 105°');
    expect(crsLabel(3405)).toBe('VN-2000 / UTM 48N');
    expect(crsLabel(32648)).toBe('WGS 84 / UTM 48N');
    expect(crsLabel(4326)).toBe('WGS 84');
  });

  it('accepts every provincial TM-3 zone from 102° to 109° every 15\' and the EPSG systems, in one list', () => {
    expect(acceptedCrsSrids).toHaveLength(10 + 29);
    expect(acceptedCrsSrids).toContain(910200);
    expect(acceptedCrsSrids).toContain(910900);
  });
});
