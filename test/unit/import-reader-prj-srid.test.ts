import { describe, expect, it } from 'vitest';
import { sridFromPrj } from '../../server/src/imports/readers/prj-srid.js';

// Each .prj below is as GDAL 3.6 writes it: the Shapefile driver's ESRI text
// (`ogr2ogr -t_srs …`, `gdalsrsinfo -o wkt_esri`), OGC WKT 1 (`gdalsrsinfo -o wkt1`) or WKT 2.
const esriVn2000Utm48 =
  'PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const esriTm3FromProjString =
  'PROJCS["unknown",GEOGCS["GCS_unknown",DATUM["D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90441429_-39_30318279_-111_45032835_0_00928836_-0_01975479_0_00427372_0_252906278",' +
  'SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.75],PARAMETER["Scale_Factor",0.9999],' +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const wkt1Tm3FromProjString =
  'PROJCS["unknown",GEOGCS["unknown",DATUM["Unknown based on WGS84 ellipsoid using towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278",' +
  'SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105.75],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],' +
  'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH]]';
const wkt1Epsg3405 =
  'PROJCS["VN-2000 / UTM zone 48N",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6756"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4756"]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],' +
  'UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","3405"]]';
const wkt2Epsg5897 =
  'PROJCRS["VN-2000 / TM-3 zone 482",BASEGEOGCRS["VN-2000",DATUM["Vietnam 2000",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],' +
  'PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4756]],CONVERSION["Vietnam TM-3 zone 482",METHOD["Transverse Mercator",ID["EPSG",9807]],' +
  'PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",105,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],' +
  'PARAMETER["Scale factor at natural origin",0.9999,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],' +
  'PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]],' +
  'USAGE[SCOPE["Engineering survey, topographic mapping (large scale)."],AREA["Vietnam - between 103°30\'E and 106°30\'E, onshore."],BBOX[8.33,103.5,23.4,106.51]],ID["EPSG",5897]]';
const esriGeographic = (gcs: string, datum: string) =>
  `GEOGCS["${gcs}",DATUM["${datum}",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
const esriTm = (name: string, datum: string, meridian: number, scale: number) =>
  `PROJCS["${name}",${esriGeographic('GCS_X', datum)},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],` +
  `PARAMETER["Central_Meridian",${meridian}],PARAMETER["Scale_Factor",${scale}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('the SRID of a .prj', () => {
  it('recognises VN-2000 / UTM 48N as ogr2ogr -t_srs EPSG:3405 writes it, without any authority', () => {
    expect(sridFromPrj(esriVn2000Utm48)).toBe(3405);
  });

  it('recognises the TM-3 105°45\' zone of Tiền Giang made from the proj string of SRID 910545, by the VN-2000 shift in the datum', () => {
    expect(sridFromPrj(esriTm3FromProjString)).toBe(910545);
    expect(sridFromPrj(wkt1Tm3FromProjString)).toBe(910545);
  });

  it('recognises an ArcGIS-style VN-2000 TM-3 105°45\' (the ESRI text of EPSG:5899 with its meridian changed)', () => {
    expect(sridFromPrj(esriTm('VN_2000_TM3_105_45', 'D_Vietnam_2000', 105.75, 0.9999))).toBe(910545);
  });

  it('takes the EPSG authority of the root when there is one, in OGC WKT 1 and WKT 2', () => {
    expect(sridFromPrj(wkt1Epsg3405)).toBe(3405);
    expect(sridFromPrj(wkt2Epsg5897)).toBe(5897);
    // Without its ID, the WKT 2 text is still recognised by its parameters.
    expect(sridFromPrj(wkt2Epsg5897.replace(/,ID\["EPSG",5897\]\]$/, ']'))).toBe(5897);
  });

  it('recognises the geographic systems of WGS 84 and VN-2000', () => {
    expect(sridFromPrj(esriGeographic('GCS_WGS_1984', 'D_WGS_1984'))).toBe(4326);
    expect(sridFromPrj(esriGeographic('GCS_VN_2000', 'D_Vietnam_2000'))).toBe(4756);
  });

  it('recognises UTM 48N/49N on WGS 84 and VN-2000, and the EPSG TM-3 zones', () => {
    expect(sridFromPrj(esriTm('WGS_1984_UTM_Zone_48N', 'D_WGS_1984', 105, 0.9996))).toBe(32648);
    expect(sridFromPrj(esriTm('WGS_1984_UTM_Zone_49N', 'D_WGS_1984', 111, 0.9996))).toBe(32649);
    expect(sridFromPrj(esriTm('VN_2000_UTM_Zone_49N', 'D_Vietnam_2000', 111, 0.9996))).toBe(3406);
    expect(sridFromPrj(esriTm('VN_2000_TM-3_zone_481', 'D_Vietnam_2000', 102, 0.9999))).toBe(5896);
    expect(sridFromPrj(esriTm('VN_2000_TM-3_zone_482', 'D_Vietnam_2000', 105, 0.9999))).toBe(5897);
    expect(sridFromPrj(esriTm('VN_2000_TM-3_107-45', 'D_Vietnam_2000', 107.75, 0.9999))).toBe(5899);
    expect(sridFromPrj(esriTm('VN_2000_TM-3_zone_491', 'D_Vietnam_2000', 108, 0.9999))).toBe(5898);
    expect(sridFromPrj(esriTm('VN_2000_TM3_104_30', 'D_Vietnam_2000', 104.5, 0.9999))).toBe(910430);
  });

  it('answers null for what it does not know: another datum, a meridian off the quarter degrees, TM-3 on WGS 84, not WKT', () => {
    const indian1960 =
      'PROJCS["Indian_1960_UTM_Zone_48N",GEOGCS["GCS_Indian_1960",DATUM["D_Indian_1960",SPHEROID["Everest_Adjustment_1937",6377276.345,300.8017]],' +
      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
      'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(sridFromPrj(indian1960)).toBeNull();
    expect(sridFromPrj(esriTm('VN_2000_TM3_105_36', 'D_Vietnam_2000', 105.6, 0.9999))).toBeNull();
    expect(sridFromPrj(esriTm('WGS84_TM3_105_45', 'D_WGS_1984', 105.75, 0.9999))).toBeNull();
    expect(sridFromPrj(esriTm('VN_2000_UTM_Zone_47N', 'D_Vietnam_2000', 99, 0.9996))).toBeNull();
    expect(sridFromPrj('+proj=tmerc +lon_0=105.75')).toBeNull();
    expect(sridFromPrj('PROJCS["broken",GEOGCS[')).toBeNull();
  });
});
