import type { ImportFormat } from '../../contracts/import-contracts.js';
import { HttpProblem } from '../../http/http-problem.js';
import { isOwnEntry, isZip, listZipEntries } from './zip-archive.js';

/** The OLE compound file signature of Excel 97–2003 workbooks (and of password-protected .xlsx). */
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const byExtension: Record<string, ImportFormat> = {
  csv: 'csv', txt: 'csv', tsv: 'csv', tab: 'csv',
  xlsx: 'xlsx', xlsm: 'xlsx',
  geojson: 'geojson', json: 'geojson',
  kml: 'kml', kmz: 'kmz',
  zip: 'shapefile',
};

/**
 * The file's format, from its content first (a user's "bts.csv" may well be a
 * renamed workbook), then from its extension. A zip is a Shapefile when it
 * holds a .shp, a KMZ when it holds a .kml, a workbook when it holds
 * xl/workbook.xml. Throws 415 for a format we do not read.
 */
export function detectImportFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (oleSignature.every((b, i) => bytes[i] === b)) throw new HttpProblem(415, 'import-xls-legacy', { file: fileName });
  if (isZip(bytes)) {
    const fromEntries = zipFormat(bytes, fileName);
    if (fromEntries) return fromEntries;
  } else {
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '').trimStart();
    if (head.startsWith('<') && /<(\w+:)?kml[\s>]/.test(head)) return 'kml';
    if (head.startsWith('{')) return 'geojson';
  }
  // An .xls that is not OLE is the HTML or XML "Excel" file old systems export: just as unreadable here.
  if (extension === 'xls') throw new HttpProblem(415, 'import-xls-legacy', { file: fileName });
  if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(extension)) throw new HttpProblem(415, 'import-shapefile-not-zipped', { file: fileName });
  const format = byExtension[extension];
  if (!format) throw new HttpProblem(415, 'import-format-unknown', { file: fileName });
  return format;
}

function zipFormat(bytes: Uint8Array, fileName: string): ImportFormat | null {
  let names: string[];
  try {
    names = listZipEntries(bytes, fileName).filter(isOwnEntry).map((e) => e.name.toLowerCase());
  } catch {
    // Unreadable: the reader its extension picks says so.
    return null;
  }
  if (names.some((n) => n.endsWith('.shp'))) return 'shapefile';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.some((n) => n.endsWith('.kml'))) return 'kmz';
  return null;
}
