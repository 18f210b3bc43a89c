import { PbfWriter } from 'pbf';
import { geometryCommands, type TileGeometry } from './mvt-geometry.js';

/**
 * Mapbox Vector Tile encoder (vector_tile.proto v2.1) for the embedded
 * database, whose PostGIS has no ST_AsMVT. It writes what ST_AsMVT writes for
 * the same rows: per layer, keys and values each listed once in order of first
 * use (a value is one of a type: "45" and 45 are two), features in row order
 * with their id, tags (key index, value index pairs) and geometry commands; a
 * number within FLT_EPSILON of its integer part becomes that integer as
 * uint_value (sint_value when negative), any other number double_value, as
 * ST_AsMVT reads the numbers of a jsonb column. A null
 * property is no tag (its key is still listed, as ST_AsMVT does). No feature
 * at all is an empty tile: zero bytes.
 */

export type MvtValue = string | number | boolean;

export interface MvtFeature {
  /** Unsigned 64-bit in the format; here a non-negative safe integer, or none. */
  id?: number | null;
  geometry: TileGeometry;
  properties: Record<string, MvtValue | null | undefined>;
}

export interface MvtLayer {
  name: string;
  extent: number;
  features: MvtFeature[];
}

// Field numbers of vector_tile.proto.
const TILE_LAYERS = 3;
const LAYER = { name: 1, features: 2, keys: 3, values: 4, extent: 5, version: 15 } as const;
const FEATURE = { id: 1, tags: 2, type: 3, geometry: 4 } as const;
const VALUE = { string: 1, double: 3, uint: 5, sint: 6, bool: 7 } as const;

interface EncodedFeature {
  id: number | null;
  tags: number[];
  type: number;
  commands: number[];
}

interface LayerTables {
  keys: string[];
  values: MvtValue[];
  features: EncodedFeature[];
}

/** FLT_EPSILON: how far from its integer part ST_AsMVT still writes a jsonb number as an integer. */
const FLOAT32_EPSILON = 1.1920928955078125e-7;

/** A number as ST_AsMVT writes it: the integer toward zero when within FLT_EPSILON of it, else the double. */
export function tileNumber(value: number): { integer: boolean; value: number } {
  const whole = Math.trunc(value);
  return Math.abs(value - whole) <= FLOAT32_EPSILON ? { integer: true, value: whole } : { integer: false, value };
}

function valueKey(value: MvtValue): string {
  if (typeof value === 'number') {
    const n = tileNumber(value);
    return `${n.integer ? 'i' : 'd'}:${n.value}`;
  }
  return `${typeof value === 'string' ? 's' : 'b'}:${String(value)}`;
}

function tabulate(layer: MvtLayer): LayerTables {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: MvtValue[] = [];
  const valueIndex = new Map<string, number>();
  const features: EncodedFeature[] = [];
  for (const feature of layer.features) {
    const geometry = geometryCommands(feature.geometry);
    if (!geometry) continue;
    const tags: number[] = [];
    for (const [key, value] of Object.entries(feature.properties)) {
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keys.push(key) - 1;
        keyIndex.set(key, k);
      }
      if (value === null || value === undefined) continue;
      const vk = valueKey(value);
      let v = valueIndex.get(vk);
      if (v === undefined) {
        v = values.push(value) - 1;
        valueIndex.set(vk, v);
      }
      tags.push(k, v);
    }
    const id = feature.id !== undefined && feature.id !== null && Number.isSafeInteger(feature.id) && feature.id >= 0 ? feature.id : null;
    features.push({ id, tags, type: geometry.type, commands: geometry.commands });
  }
  return { keys, values, features };
}

function writeValue(value: MvtValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE.string, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE.bool, value);
  else {
    const n = tileNumber(value);
    if (!n.integer) pbf.writeDoubleField(VALUE.double, n.value);
    else if (n.value >= 0) pbf.writeVarintField(VALUE.uint, n.value);
    else pbf.writeSVarintField(VALUE.sint, n.value);
  }
}

function writeFeature(feature: EncodedFeature, pbf: PbfWriter): void {
  if (feature.id !== null) pbf.writeVarintField(FEATURE.id, feature.id);
  if (feature.tags.length > 0) pbf.writePackedVarint(FEATURE.tags, feature.tags);
  pbf.writeVarintField(FEATURE.type, feature.type);
  pbf.writePackedVarint(FEATURE.geometry, feature.commands);
}

function writeLayer({ layer, tables }: { layer: MvtLayer; tables: LayerTables }, pbf: PbfWriter): void {
  pbf.writeStringField(LAYER.name, layer.name);
  for (const feature of tables.features) pbf.writeMessage(LAYER.features, writeFeature, feature);
  for (const key of tables.keys) pbf.writeStringField(LAYER.keys, key);
  for (const value of tables.values) pbf.writeMessage(LAYER.values, writeValue, value);
  pbf.writeVarintField(LAYER.extent, layer.extent);
  pbf.writeVarintField(LAYER.version, 2);
}

/** The tile's bytes; zero bytes when no layer has a feature. */
export function encodeMvt(layers: MvtLayer[]): Uint8Array {
  const tabulated = layers.map((layer) => ({ layer, tables: tabulate(layer) })).filter((l) => l.tables.features.length > 0);
  if (tabulated.length === 0) return new Uint8Array(0);
  const pbf = new PbfWriter();
  for (const entry of tabulated) pbf.writeMessage(TILE_LAYERS, writeLayer, entry);
  return pbf.finish();
}
