/** Messages of the table exports (indicators, hamlet coverage, crosswalk, reported values), Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'table-export-format': 'Bảng "{table}" chỉ xuất được dạng {formats}, không xuất được dạng "{format}" (bảng không có hình học).',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'table-export-format': 'The table "{table}" exports as {formats} only, not as "{format}" (a table has no geometry).',
};
