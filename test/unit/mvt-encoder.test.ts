import { VectorTile, VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeMvt, tileNumber, type MvtFeature } from '../../server/src/tiles/mvt-encoder.js';
import { command, geometryCommands, zigzag } from '../../server/src/tiles/mvt-geometry.js';

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));
const point = (x: number, y: number): MvtFeature['geometry'] => ({ type: 'Point', coordinates: [x, y] });

/** The layer's raw keys and values, as the protobuf holds them (the decoder keeps them private). */
function tables(bytes: Uint8Array, name: string): { keys: string[]; values: unknown[] } {
  const layer = decode(bytes).layers[name] as unknown as { _keys: string[]; _values: unknown[] };
  return { keys: layer._keys, values: layer._values };
}

describe('vector tile geometry commands (vector_tile.proto v2.1 §4.3)', () => {
  it('zigzag-encodes 0, -1, 1, -2, 2 as 0, 1, 2, 3, 4, and packs a command id with its count', () => {
    expect([0, -1, 1, -2, 2, -64, 4160].map(zigzag)).toEqual([0, 1, 2, 3, 4, 127, 8320]);
    expect(command(1, 1)).toBe(9);
    expect(command(2, 3)).toBe(26);
    expect(command(7, 1)).toBe(15);
  });

  it('writes the specification\'s examples: a point, a line and a polygon', () => {
    // §4.3.5.1: Point(25 17) → [9, 50, 34].
    expect(geometryCommands({ type: 'Point', coordinates: [25, 17] })).toEqual({ type: 1, commands: [9, 50, 34] });
    // §4.3.5.2: MultiPoint(5 7, 3 2) → [17, 10, 14, 3, 9].
    expect(geometryCommands({ type: 'MultiPoint', coordinates: [[5, 7], [3, 2]] })).toEqual({ type: 1, commands: [17, 10, 14, 3, 9] });
    // §4.3.5.3: LineString(2 2, 2 10, 10 10) → [9, 4, 4, 18, 0, 16, 16, 0].
    expect(geometryCommands({ type: 'LineString', coordinates: [[2, 2], [2, 10], [10, 10]] })).toEqual({ type: 2, commands: [9, 4, 4, 18, 0, 16, 16, 0] });
    // §4.3.5.4: MultiLineString((2 2, 2 10, 10 10), (1 1, 3 5)): the cursor carries over, (10 10) → (1 1) is (-9, -9).
    expect(geometryCommands({ type: 'MultiLineString', coordinates: [[[2, 2], [2, 10], [10, 10]], [[1, 1], [3, 5]]] })).toEqual({
      type: 2, commands: [9, 4, 4, 18, 0, 16, 16, 0, 9, 17, 17, 10, 4, 8],
    });
    // §4.3.5.5: Polygon((3 6, 8 12, 20 34, 3 6)) → [9, 6, 12, 18, 10, 12, 24, 44, 15]: the closing point is ClosePath.
    expect(geometryCommands({ type: 'Polygon', coordinates: [[[3, 6], [8, 12], [20, 34], [3, 6]]] })).toEqual({
      type: 3, commands: [9, 6, 12, 18, 10, 12, 24, 44, 15],
    });
  });

  it('writes a polygon with a hole as two rings, the cursor carried from the first into the second', () => {
    // Exterior (0 0, 10 0, 10 10, 0 10) has a positive surveyor's area in y-down tile space; the hole runs the other way.
    const g = geometryCommands({
      type: 'Polygon',
      coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 8], [8, 8], [8, 2], [2, 2]]],
    });
    // Ring 1: MoveTo(0 0), LineTo ×3 (+10 0, 0 +10, −10 0), ClosePath; ring 2 from the cursor (0 10): MoveTo(+2 −8), LineTo ×3.
    expect(g?.commands).toEqual([9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 4, 15, 26, 0, 12, 12, 0, 0, 11, 15]);
  });

  it('takes the highest dimension of a collection and drops what cannot be drawn', () => {
    expect(geometryCommands({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 1] }, { type: 'LineString', coordinates: [[0, 0], [3, 4]] }] }))
      .toEqual({ type: 2, commands: [9, 0, 0, 10, 6, 8] });
    expect(geometryCommands({ type: 'LineString', coordinates: [[1, 1]] })).toBeNull();
    expect(geometryCommands({ type: 'Polygon', coordinates: [[[0, 0], [5, 5], [0, 0]]] })).toBeNull();
    expect(geometryCommands({ type: 'MultiPoint', coordinates: [] })).toBeNull();
  });
});

describe('the vector tile encoder, read back with @mapbox/vector-tile', () => {
  const features: MvtFeature[] = [
    { id: 7, geometry: point(25, 17), properties: { code: 'S1', operatorCount: 2, heightM: 45.5, shared: true, name: null } },
    { id: 9, geometry: point(-64, 4160), properties: { code: 'S2', operatorCount: 2, heightM: 45.5, shared: false, delta: -3, name: 'Trạm Cái Bè' } },
    { geometry: { type: 'LineString', coordinates: [[2, 2], [2, 10], [10, 10]] }, properties: { code: '2', n: 2 } },
  ];
  const bytes = encodeMvt([{ name: 'sites', extent: 4096, features }]);

  it('writes one layer with its name, extent 4096 and version 2', () => {
    const tile = decode(bytes);
    expect(Object.keys(tile.layers)).toEqual(['sites']);
    expect([tile.layers.sites!.name, tile.layers.sites!.extent, tile.layers.sites!.version, tile.layers.sites!.length]).toEqual(['sites', 4096, 2, 3]);
  });

  it('keeps each feature\'s id, type, geometry and properties; a null property is absent', () => {
    const layer = decode(bytes).layers.sites!;
    const f = [0, 1, 2].map((i) => layer.feature(i));
    expect(f.map((x) => x.id)).toEqual([7, 9, undefined]);
    expect(f.map((x) => VectorTileFeature.types[x.type])).toEqual(['Point', 'Point', 'LineString']);
    expect(f[0]!.loadGeometry()).toEqual([[{ x: 25, y: 17 }]]);
    expect(f[1]!.loadGeometry()).toEqual([[{ x: -64, y: 4160 }]]);
    expect(f[2]!.loadGeometry()).toEqual([[{ x: 2, y: 2 }, { x: 2, y: 10 }, { x: 10, y: 10 }]]);
    expect(f[0]!.properties).toEqual({ code: 'S1', operatorCount: 2, heightM: 45.5, shared: true });
    expect(f[1]!.properties).toEqual({ code: 'S2', operatorCount: 2, heightM: 45.5, shared: false, delta: -3, name: 'Trạm Cái Bè' });
    expect(f[2]!.properties).toEqual({ code: '2', n: 2 });
  });

  it('lists each key and each value once, in order of first use, a string "2" apart from the number 2', () => {
    // Keys: code, operatorCount, heightM, shared, name (listed though S1's is null, as ST_AsMVT does), delta, n.
    // Values: 'S1', 2, 45.5, true, 'S2', false, -3, 'Trạm Cái Bè', '2'; the second 2 and 45.5 reuse theirs.
    expect(tables(bytes, 'sites')).toEqual({
      keys: ['code', 'operatorCount', 'heightM', 'shared', 'name', 'delta', 'n'],
      values: ['S1', 2, 45.5, true, 'S2', false, -3, 'Trạm Cái Bè', '2'],
    });
  });

  it('writes a whole number as an integer and any other as a double, as ST_AsMVT reads jsonb numbers', () => {
    // Within FLT_EPSILON (1.19e-7) of its integer part a number is that integer; 0.0001 is not.
    expect([tileNumber(3), tileNumber(3.00000001), tileNumber(-2.00000001), tileNumber(0.0001), tileNumber(12.5)]).toEqual([
      { integer: true, value: 3 }, { integer: true, value: 3 }, { integer: true, value: -2 }, { integer: false, value: 0.0001 }, { integer: false, value: 12.5 },
    ]);
    const tile = encodeMvt([{ name: 'x', extent: 4096, features: [{ geometry: point(1, 1), properties: { a: 3, b: 3.00000001, c: 0.0001 } }] }]);
    expect(tables(tile, 'x').values).toEqual([3, 0.0001]);
    // Field 5 (uint_value) for 3: tag 0x28, then 3; field 3 (double) for 0.0001: tag 0x19 then 8 bytes.
    const hex = Buffer.from(tile).toString('hex');
    expect(hex).toContain('22022803');
    expect(hex).toContain(`2209192d431cebe2361a3f`);
  });

  it('makes an empty tile (no feature in any layer) zero bytes, as ST_AsMVT does', () => {
    expect(encodeMvt([{ name: 'sites', extent: 4096, features: [] }]).length).toBe(0);
    // A feature whose geometry collapsed is no feature.
    expect(encodeMvt([{ name: 'sites', extent: 4096, features: [{ geometry: { type: 'LineString', coordinates: [[1, 1]] }, properties: {} }] }]).length).toBe(0);
  });

  it('drops an id that is not a non-negative integer (the format\'s id is unsigned)', () => {
    const tile = encodeMvt([{ name: 'x', extent: 4096, features: [{ id: -1, geometry: point(1, 1), properties: {} }, { id: 2 ** 40, geometry: point(1, 1), properties: {} }] }]);
    const layer = decode(tile).layers.x!;
    expect([layer.feature(0).id, layer.feature(1).id]).toEqual([undefined, 2 ** 40]);
  });
});
