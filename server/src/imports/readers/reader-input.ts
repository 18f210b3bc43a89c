import type { ImportLimits } from '../import-table.js';

/** What every format's reader is given: the uploaded bytes, the name they came with, the sheet or layer asked for, and the limits. */
export interface ReaderInput {
  bytes: Uint8Array;
  fileName: string;
  /** XLSX: the sheet; zipped Shapefile: the layer (the .shp's name without extension). */
  sheet: string | null;
  limits: ImportLimits;
}
