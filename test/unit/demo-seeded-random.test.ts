import { describe, expect, it } from 'vitest';
import { SeededRandom, apportion, hashString, mulberry32 } from '../../server/src/demo/seeded-random.js';

describe('the demo generator’s seeded PRNG', () => {
  it('gives the published mulberry32 sequence for seed 42', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('repeats the same sequence for the same seed and another for another seed', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const c = new SeededRandom(8);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks independent streams by label, unaffected by draws on the parent', () => {
    const parent = new SeededRandom(99);
    const first = parent.fork('sites').next();
    parent.next();
    parent.next();
    expect(parent.fork('sites').next()).toBe(first);
    expect(parent.fork('hamlets').next()).not.toBe(first);
    expect(new SeededRandom(100).fork('sites').next()).not.toBe(first);
  });

  it('draws integers within bounds, both included', () => {
    const r = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks by weight roughly in proportion', () => {
    const r = new SeededRandom(5);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.weighted([['a', 3], ['b', 1]] as const)] += 1;
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });

  it('hashes labels stably (FNV-1a)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion to the weights', () => {
    const parts = apportion(1_790_700, [3, 1, 1, 0.5]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_790_700);
    expect(parts[0]).toBeCloseTo((1_790_700 * 3) / 5.5, -1);
  });

  it('gives every part at least the minimum', () => {
    const parts = apportion(20, [100, 1, 1, 1], 3);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.min(...parts)).toBe(3);
  });
});
