/** A label's box on screen, in CSS pixels (as getBoundingClientRect gives it). */
export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/**
 * Which labels to show so that no two shown ones overlap, greedily in the order
 * given (the first wins): a label is kept unless its box comes within `gap`
 * pixels of a kept one or of a `blocked` box (labels of a higher rank, such as
 * the district names over the commune names). Empty boxes (labels not laid
 * out) are never kept. Quadratic in the labels: a screen holds a few hundred.
 */
export function keptLabels(boxes: readonly LabelBox[], blocked: readonly LabelBox[], gap: number): boolean[] {
  const kept: LabelBox[] = [];
  return boxes.map((box) => {
    if (box.right <= box.left || box.bottom <= box.top) return false;
    if (blocked.some((b) => overlaps(box, b, gap)) || kept.some((k) => overlaps(box, k, gap))) return false;
    kept.push(box);
    return true;
  });
}
