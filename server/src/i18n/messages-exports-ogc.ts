/** Messages of exports and OGC API - Features, Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'export-path': 'Đường dẫn xuất dữ liệu phải có dạng /api/exports/{lớp}.{định dạng}, ví dụ /api/exports/sites.csv; nhận được "{file}".',
  'export-unknown-format': 'Không xuất được định dạng "{format}". Các định dạng có: {formats}.',
  'ogc-unknown-collection': 'Không có tập dữ liệu (collection) "{collection}". Các tập có: {collections}.',
  'ogc-unknown-feature': 'Tập dữ liệu "{collection}" không có đối tượng "{featureId}".',
  'ogc-unknown-path': 'Không có đường dẫn OGC API "{path}". Bắt đầu từ /ogc (trang chính), /ogc/conformance hoặc /ogc/collections.',
  'ogc-limit': 'limit phải là một số nguyên từ 1 trở lên (lớn hơn {max} thì được tính là {max}), nhận được "{value}".',
  'ogc-offset': 'offset phải là một số nguyên không âm (số đối tượng bỏ qua), nhận được "{value}".',
  'ogc-format': 'f phải là "json" hoặc "html", nhận được "{value}".',
  'ogc-datetime':
    'datetime phải là một thời điểm hoặc một khoảng theo RFC 3339 (ví dụ 2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z/.. hoặc ../2026-12-31T23:59:59Z), nhận được "{value}".',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'export-path': 'An export path is /api/exports/{layer}.{format}, for example /api/exports/sites.csv; got "{file}".',
  'export-unknown-format': 'Cannot export the format "{format}". Formats: {formats}.',
  'ogc-unknown-collection': 'There is no collection "{collection}". Collections: {collections}.',
  'ogc-unknown-feature': 'Collection "{collection}" has no feature "{featureId}".',
  'ogc-unknown-path': 'There is no OGC API path "{path}". Start at /ogc (landing page), /ogc/conformance or /ogc/collections.',
  'ogc-limit': 'limit must be an integer of at least 1 (above {max} it counts as {max}), got "{value}".',
  'ogc-offset': 'offset must be a non-negative integer (the features to skip), got "{value}".',
  'ogc-format': 'f must be "json" or "html", got "{value}".',
  'ogc-datetime':
    'datetime must be an RFC 3339 instant or interval (for example 2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z/.. or ../2026-12-31T23:59:59Z), got "{value}".',
};
