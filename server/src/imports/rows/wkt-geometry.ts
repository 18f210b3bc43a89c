import type { Geometry, Position } from 'geojson';

/**
 * Well-known text (OGC Simple Features) read into GeoJSON here rather than in
 * SQL, so a bad cell is reported on its row with the rest of the file's
 * problems: POINT, MULTIPOINT, LINESTRING, MULTILINESTRING, POLYGON,
 * MULTIPOLYGON, case free, with optional Z/M/ZM (extra ordinates dropped).
 * EMPTY geometries, EWKT's `SRID=…;` prefix, unclosed rings and lines of one
 * point are refused (null): the coordinate system comes from the file or the
 * import's option, never from a cell.
 */
const numberToken = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const wordToken = /[A-Za-z]+/y;

class WktReader {
  i = 0;
  constructor(readonly s: string) {}

  skipSpace(): void {
    for (let c = this.s.charCodeAt(this.i); c === 32 || c === 9 || c === 10 || c === 13; c = this.s.charCodeAt(this.i)) this.i += 1;
  }

  word(): string | null {
    this.skipSpace();
    wordToken.lastIndex = this.i;
    const m = wordToken.exec(this.s);
    if (!m) return null;
    this.i += m[0].length;
    return m[0].toUpperCase();
  }

  peek(c: string): boolean {
    this.skipSpace();
    return this.s[this.i] === c;
  }

  take(c: string): boolean {
    if (!this.peek(c)) return false;
    this.i += 1;
    return true;
  }

  number(): number | null {
    this.skipSpace();
    numberToken.lastIndex = this.i;
    const m = numberToken.exec(this.s);
    if (!m) return null;
    this.i += m[0].length;
    const value = Number(m[0]);
    return Number.isFinite(value) ? value : null;
  }

  /** x y [z [m]]: the first two kept. */
  position(dimensions: number): Position | null {
    const x = this.number();
    const y = this.number();
    if (x === null || y === null) return null;
    for (let d = 2; d < dimensions; d += 1) if (this.number() === null) return null;
    return [x, y];
  }

  list<T>(item: () => T | null): T[] | null {
    if (!this.take('(')) return null;
    const items: T[] = [];
    do {
      const value = item();
      if (value === null) return null;
      items.push(value);
    } while (this.take(','));
    return this.take(')') ? items : null;
  }
}

function line(reader: WktReader, dimensions: number, minimum: number): Position[] | null {
  const positions = reader.list(() => reader.position(dimensions));
  return positions && positions.length >= minimum ? positions : null;
}

function ring(reader: WktReader, dimensions: number): Position[] | null {
  const positions = line(reader, dimensions, 4);
  if (!positions) return null;
  const [first, last] = [positions[0]!, positions[positions.length - 1]!];
  return first[0] === last[0] && first[1] === last[1] ? positions : null;
}

function polygon(reader: WktReader, dimensions: number): Position[][] | null {
  return reader.list(() => ring(reader, dimensions));
}

export function parseWkt(text: string): Geometry | null {
  const reader = new WktReader(text.trim());
  const kind = reader.word();
  if (!kind) return null;
  let dimensions = 2;
  if (!reader.peek('(')) {
    const modifier = reader.word();
    if (modifier === 'Z' || modifier === 'M') dimensions = 3;
    else if (modifier === 'ZM') dimensions = 4;
    else return null; // EMPTY or anything else
  }
  let geometry: Geometry | null;
  switch (kind) {
    case 'POINT': {
      const p = reader.list(() => reader.position(dimensions));
      geometry = p && p.length === 1 ? { type: 'Point', coordinates: p[0]! } : null;
      break;
    }
    case 'MULTIPOINT': {
      // Both MULTIPOINT (1 2, 3 4) and MULTIPOINT ((1 2), (3 4)).
      const p = reader.list(() => (reader.peek('(') ? singlePosition(reader, dimensions) : reader.position(dimensions)));
      geometry = p ? { type: 'MultiPoint', coordinates: p } : null;
      break;
    }
    case 'LINESTRING': {
      const l = line(reader, dimensions, 2);
      geometry = l ? { type: 'LineString', coordinates: l } : null;
      break;
    }
    case 'MULTILINESTRING': {
      const l = reader.list(() => line(reader, dimensions, 2));
      geometry = l ? { type: 'MultiLineString', coordinates: l } : null;
      break;
    }
    case 'POLYGON': {
      const p = polygon(reader, dimensions);
      geometry = p ? { type: 'Polygon', coordinates: p } : null;
      break;
    }
    case 'MULTIPOLYGON': {
      const p = reader.list(() => polygon(reader, dimensions));
      geometry = p ? { type: 'MultiPolygon', coordinates: p } : null;
      break;
    }
    default:
      return null;
  }
  reader.skipSpace();
  return geometry && reader.i === reader.s.length ? geometry : null;
}

function singlePosition(reader: WktReader, dimensions: number): Position | null {
  const p = reader.list(() => reader.position(dimensions));
  return p && p.length === 1 ? p[0]! : null;
}
