import { kmlGen } from '@tmcw/togeojson';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { Geometry } from 'geojson';
import { HttpProblem } from '../../http/http-problem.js';
import type { ImportRow, ImportTable } from '../import-table.js';
import { cellText } from './cell-text.js';
import { checkedGeometry } from './geometry-check.js';
import type { ReaderInput } from './reader-input.js';
import { decodeText, sniffTextEncoding } from './text-encoding.js';
import { checkDeclaredSizes, isOwnEntry, listZipEntries, readZipEntry, type InflateBudget } from './zip-archive.js';

/**
 * KML (Google Earth, My Maps): one row per Placemark with its name,
 * description and ExtendedData (Data/value and SchemaData/SimpleData) as
 * columns, numbered from 1; the geometry by togeojson. KML is always WGS 84
 * longitude/latitude (OGC 07-147r2 §6.2), so the SRID is 4326.
 */
export function readKml(input: ReaderInput): ImportTable {
  return kmlTable(input.bytes, input, 'kml');
}

/** KMZ: a zip holding doc.kml (Google Earth's name for it) or, failing that, the first .kml. */
export function readKmz(input: ReaderInput): ImportTable {
  const entries = listZipEntries(input.bytes, input.fileName).filter(isOwnEntry);
  const kmls = entries.filter((e) => e.name.toLowerCase().endsWith('.kml'));
  const entry = kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? kmls[0];
  if (!entry) throw new HttpProblem(400, 'import-kmz-no-kml', { file: input.fileName });
  const budget: InflateBudget = { fileName: input.fileName, maxExpandedBytes: input.limits.maxExpandedBytes, used: 0 };
  checkDeclaredSizes([entry], budget);
  return kmlTable(readZipEntry(input.bytes, entry, budget), input, 'kmz');
}

function kmlTable(bytes: Uint8Array, input: ReaderInput, format: 'kml' | 'kmz'): ImportTable {
  const document = parseKml(decodeText(bytes, sniffTextEncoding(bytes)));
  const placemarks = Array.from(document.getElementsByTagName('Placemark'));
  if (placemarks.length === 0) throw new HttpProblem(400, 'import-no-rows', { file: input.fileName });
  if (placemarks.length > input.limits.maxRows) throw new HttpProblem(413, 'import-too-many-rows', { max: input.limits.maxRows });
  // togeojson yields one feature per Placemark, in document order, before any overlay.
  const geometries: unknown[] = [];
  for (const feature of kmlGen(document as unknown as globalThis.Document)) {
    if (geometries.length === placemarks.length) break;
    geometries.push(feature.geometry);
  }
  const columns: string[] = [];
  const records = placemarks.map((placemark) => {
    const cells = placemarkCells(placemark);
    for (const key of cells.keys()) if (!columns.includes(key)) columns.push(key);
    return cells;
  });
  const rows: ImportRow[] = records.map((cells, i) => ({
    rowNo: i + 1,
    cells: Object.fromEntries(columns.map((c) => [c, cells.get(c) ?? ''])),
    geometry: geometryOf(geometries[i] ?? null, i + 1),
  }));
  return { format, columns, rows, sheets: null, sheet: null, encoding: null, declaredSrid: 4326, declaredCrsText: null };
}

function parseKml(text: string): Document {
  // No DTD at all: an entity defined in one can expand a small file into gigabytes ("billion laughs").
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new HttpProblem(400, 'import-xml-doctype');
  // xmldom reports errors to onError and throws only on fatal ones (wrapping whatever onError throws): the first is kept and answered.
  const errors: string[] = [];
  let document: Document | null = null;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(firstLine(message));
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    errors.push(firstLine((error as Error).message));
  }
  if (errors.length || !document) throw new HttpProblem(400, 'import-xml-invalid', { reason: errors[0] ?? '' });
  const root = document.documentElement;
  if (!root || root.localName !== 'kml') throw new HttpProblem(400, 'import-kml-not-kml', { root: root?.nodeName.slice(0, 40) ?? '' });
  return document;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^\[xmldom \w+\]\s*/, '').slice(0, 200);
}

function placemarkCells(placemark: Element): Map<string, string> {
  const cells = new Map<string, string>();
  for (const child of childElements(placemark)) {
    if (child.localName === 'name' || child.localName === 'description') cells.set(child.localName, cellText(child.textContent ?? ''));
  }
  for (const extended of childElements(placemark).filter((e) => e.localName === 'ExtendedData')) {
    for (const data of Array.from(extended.getElementsByTagName('Data'))) {
      const value = childElements(data).find((e) => e.localName === 'value');
      cells.set(cellText(data.getAttribute('name') ?? ''), cellText(value?.textContent ?? ''));
    }
    for (const simple of Array.from(extended.getElementsByTagName('SimpleData'))) {
      cells.set(cellText(simple.getAttribute('name') ?? ''), cellText(simple.textContent ?? ''));
    }
  }
  cells.delete('');
  return cells;
}

function childElements(element: Element): Element[] {
  return Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1);
}

function geometryOf(value: unknown, placemark: number): Geometry | null {
  if (value === null || value === undefined) return null;
  const geometry = checkedGeometry(value);
  if (!geometry) throw new HttpProblem(400, 'import-geojson-bad-geometry', { feature: placemark, type: (value as { type?: string }).type ?? '?' });
  return geometry;
}
