import { describe, expect, it } from 'vitest';
import { keptLabels, type LabelBox } from '../../client/src/map/label-declutter.js';

const box = (left: number, top: number, width: number, height: number): LabelBox => ({ left, top, right: left + width, bottom: top + height });

describe('keptLabels', () => {
  it('keeps the first of two overlapping labels and every label clear of the kept ones', () => {
    // A at 0–60 × 0–12; B overlaps A (starts at x 50); C is clear of A (starts at x 70) but overlaps B, which is dropped, so C stays.
    const a = box(0, 0, 60, 12);
    const b = box(50, 5, 60, 12);
    const c = box(70, 0, 60, 12);
    expect(keptLabels([a, b, c], [], 0)).toEqual([true, false, true]);
  });

  it('counts the gap: boxes 3 px apart collide with a 4 px gap and not with a 2 px one', () => {
    const a = box(0, 0, 50, 10);
    const b = box(53, 0, 50, 10);
    expect(keptLabels([a, b], [], 4)).toEqual([true, false]);
    expect(keptLabels([a, b], [], 2)).toEqual([true, true]);
  });

  it('drops labels under a blocked box (a district name) and labels not laid out', () => {
    const district = box(100, 100, 80, 14);
    const under = box(120, 105, 40, 10);
    const beside = box(200, 100, 40, 10);
    const empty = box(300, 300, 0, 0);
    expect(keptLabels([under, beside, empty], [district], 2)).toEqual([false, true, false]);
  });
});
