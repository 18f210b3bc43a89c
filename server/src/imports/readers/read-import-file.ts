import type { ImportFormat } from '../../contracts/import-contracts.js';
import { HttpProblem } from '../../http/http-problem.js';
import type { ImportLimits, ImportTable } from '../import-table.js';
import { byteSizeText } from './byte-size-text.js';
import { readCsv } from './csv-reader.js';
import { readGeoJson } from './geojson-reader.js';
import { detectImportFormat } from './import-format-detection.js';
import { readKml, readKmz } from './kml-reader.js';
import type { ReaderInput } from './reader-input.js';
import { readShapefile } from './shapefile-reader.js';
import { readXlsx } from './xlsx-reader.js';

export { detectImportFormat } from './import-format-detection.js';

const readers: Record<ImportFormat, (input: ReaderInput) => ImportTable | Promise<ImportTable>> = {
  csv: readCsv,
  xlsx: readXlsx,
  geojson: readGeoJson,
  kml: readKml,
  kmz: readKmz,
  shapefile: readShapefile,
};

/**
 * An uploaded file (its bytes and the name it came with) as an ImportTable,
 * whatever its format. Every problem of the file itself is an HttpProblem:
 * 400 unreadable, damaged, wrongly encoded, empty or without the sheet asked
 * for; 413 over a limit; 415 a format we do not read.
 */
export async function readImportFile(
  bytes: Buffer,
  fileName: string,
  options: { sheet?: string | null; limits: ImportLimits },
): Promise<ImportTable> {
  const { limits } = options;
  if (bytes.length > limits.maxFileBytes) {
    throw new HttpProblem(413, 'import-file-too-large', { file: fileName, size: byteSizeText(bytes.length), max: byteSizeText(limits.maxFileBytes) });
  }
  if (bytes.length === 0) throw new HttpProblem(400, 'import-file-empty', { file: fileName });
  const format = detectImportFormat(fileName, bytes);
  const input: ReaderInput = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, sheet: options.sheet ?? null, limits };
  const table = await readers[format](input);
  if (table.rows.length === 0) throw new HttpProblem(400, 'import-no-rows', { file: fileName });
  return table;
}
