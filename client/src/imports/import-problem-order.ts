import type { RowProblem } from '../api/import-api.js';

// Ordering and paging of the dry run's row problems (dòng, cột, lỗi).

export const problemSortValues = ['row', 'column', 'message'] as const;
export type ProblemSortKey = (typeof problemSortValues)[number];

export interface ProblemOrder {
  key: ProblemSortKey;
  descending: boolean;
}

export const defaultProblemOrder: ProblemOrder = { key: 'row', descending: false };

/** Row problems sorted by one column, then by row; text in the language's collation, missing columns last. */
export function sortProblems(problems: readonly RowProblem[], order: ProblemOrder, locale: string): RowProblem[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const text = (p: RowProblem): string | null => (order.key === 'column' ? (p.column ?? p.field) : p.message);
  const sign = order.descending ? -1 : 1;
  return [...problems].sort((a, b) => {
    if (order.key !== 'row') {
      const ta = text(a);
      const tb = text(b);
      if (ta === null || tb === null) {
        if (ta !== tb) return ta === null ? 1 : -1;
      } else {
        const c = collator.compare(ta, tb);
        if (c !== 0) return sign * c;
      }
      return a.row - b.row;
    }
    return sign * (a.row - b.row);
  });
}

/** Clicking the sorted column turns it round; another column starts ascending. */
export function nextProblemOrder(order: ProblemOrder, key: ProblemSortKey): ProblemOrder {
  return order.key === key ? { key, descending: !order.descending } : { key, descending: false };
}

export interface ProblemPage<T> {
  items: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last item shown (0, 0 when empty). */
  from: number;
  to: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): ProblemPage<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = current * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page: current, pageCount, from: shown.length === 0 ? 0 : start + 1, to: start + shown.length };
}
