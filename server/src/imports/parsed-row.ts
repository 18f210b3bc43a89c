import type { Geometry } from 'geojson';
import type { MessageKey } from '../i18n/server-messages.js';

/** A problem found in one row, before it is translated for the report. */
export interface RowIssue {
  row: number;
  /** The field (catalogue key) and the file column it came from, when it is about one. */
  field: string | null;
  column: string | null;
  messageKey: MessageKey;
  params: Record<string, string | number>;
}

/** A row read into the layer's fields, ready to be checked against the database and written. */
export interface ParsedRow {
  row: number;
  /** The natural key (`importKeys`) joined with `|`: two rows with one key are a duplicate. */
  key: string;
  /** Field values by catalogue key, typed (enum values canonical, numbers as numbers, lists as arrays); absent fields are null. */
  values: Record<string, string | number | number[] | null>;
  /** The row's position or shape in `srid` coordinates (x = easting/longitude); null when the layer needs none. */
  geometry: Geometry | null;
}

export interface RowParseResult {
  /** SRID every geometry is in, and where it came from. */
  srid: number;
  crsSource: 'option' | 'file' | 'magnitude' | 'default';
  rows: ParsedRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
}
