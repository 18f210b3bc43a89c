// shpjs 6 ships no types; only the two parsers we call on files we unzip ourselves are declared.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';

  type Bytes = ArrayBuffer | ArrayBufferView | DataView;
  /** Geometries of the .shp in record order (null for a null shape); reprojected only when a .prj is passed, which we never do. */
  export function parseShp(shp: Bytes, prj?: string | false): (Geometry | null)[];
  /** Records of the .dbf, decoded by TextDecoder with the .cpg's label; numbers parsed, dates as local-time Dates, logicals as booleans. */
  export function parseDbf(dbf: Bytes, cpg?: string): Record<string, string | number | boolean | Date>[];
}
