/**
 * Geometry of a vector tile feature (vector_tile.proto v2.1 §4.3): integer
 * tile coordinates (0..extent, y down, as hatang_mvt_geom answers them in
 * GeoJSON) turned into command integers. Each command is
 * (id & 0x7) | (count << 3): MoveTo = 1, LineTo = 2, ClosePath = 7; each
 * parameter is a zigzag-encoded delta from the cursor, which carries over
 * from one part or ring to the next. A ring is written without its closing
 * point: ClosePath closes it.
 */

type Position = number[];

export type TileGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: TileGeometry[] };

/** vector_tile.proto GeomType. */
export const GeomType = { point: 1, lineString: 2, polygon: 3 } as const;
export type GeomTypeCode = (typeof GeomType)[keyof typeof GeomType];

const MOVE_TO = 1;
const LINE_TO = 2;
const CLOSE_PATH = 7;

export const command = (id: number, count: number): number => (id & 0x7) | (count << 3);
/** Zigzag: 0, -1, 1, -2, … → 0, 1, 2, 3, … (tile coordinates fit 32 bits). */
export const zigzag = (n: number): number => ((n << 1) ^ (n >> 31)) >>> 0;

class CommandWriter {
  readonly out: number[] = [];
  private cx = 0;
  private cy = 0;

  private delta(p: Position): void {
    const x = p[0]!;
    const y = p[1]!;
    this.out.push(zigzag(x - this.cx), zigzag(y - this.cy));
    this.cx = x;
    this.cy = y;
  }

  points(points: Position[]): void {
    this.out.push(command(MOVE_TO, points.length));
    for (const p of points) this.delta(p);
  }

  line(points: Position[]): void {
    if (points.length < 2) return;
    this.out.push(command(MOVE_TO, 1));
    this.delta(points[0]!);
    this.out.push(command(LINE_TO, points.length - 1));
    for (const p of points.slice(1)) this.delta(p);
  }

  ring(closed: Position[]): void {
    // GeoJSON repeats the first point at the end; ClosePath stands for that edge.
    const open = closed.slice(0, -1);
    if (open.length < 3) return;
    this.line(open);
    this.out.push(command(CLOSE_PATH, 1));
  }
}

const dimension = (g: TileGeometry): number =>
  g.type === 'GeometryCollection' ? Math.max(-1, ...g.geometries.map(dimension))
  : g.type.endsWith('Polygon') ? 2
  : g.type.endsWith('LineString') ? 1
  : 0;

/** The members of a collection of the highest dimension, as one multi-geometry (a tile feature has one type). */
function flatten(g: TileGeometry): TileGeometry {
  if (g.type !== 'GeometryCollection') return g;
  const members = g.geometries.map(flatten).filter((m) => dimension(m) === dimension(g));
  const parts = <T>(pick: (m: TileGeometry) => T[]) => members.flatMap(pick);
  switch (dimension(g)) {
    case 2:
      return { type: 'MultiPolygon', coordinates: parts((m) => (m.type === 'Polygon' ? [m.coordinates] : m.type === 'MultiPolygon' ? m.coordinates : [])) };
    case 1:
      return { type: 'MultiLineString', coordinates: parts((m) => (m.type === 'LineString' ? [m.coordinates] : m.type === 'MultiLineString' ? m.coordinates : [])) };
    default:
      return { type: 'MultiPoint', coordinates: parts((m) => (m.type === 'Point' ? [m.coordinates] : m.type === 'MultiPoint' ? m.coordinates : [])) };
  }
}

/** The feature's type and command integers, or null when nothing drawable is left. */
export function geometryCommands(geometry: TileGeometry): { type: GeomTypeCode; commands: number[] } | null {
  const g = flatten(geometry);
  const w = new CommandWriter();
  let type: GeomTypeCode;
  switch (g.type) {
    case 'Point':
      type = GeomType.point;
      w.points([g.coordinates]);
      break;
    case 'MultiPoint':
      type = GeomType.point;
      if (g.coordinates.length > 0) w.points(g.coordinates);
      break;
    case 'LineString':
      type = GeomType.lineString;
      w.line(g.coordinates);
      break;
    case 'MultiLineString':
      type = GeomType.lineString;
      for (const line of g.coordinates) w.line(line);
      break;
    case 'Polygon':
      type = GeomType.polygon;
      for (const ring of g.coordinates) w.ring(ring);
      break;
    case 'MultiPolygon':
      type = GeomType.polygon;
      for (const polygon of g.coordinates) for (const ring of polygon) w.ring(ring);
      break;
    default:
      return null;
  }
  return w.out.length > 0 ? { type, commands: w.out } : null;
}
